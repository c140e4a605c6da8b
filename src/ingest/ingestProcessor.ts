import type { Job } from 'bullmq';
import type { Driver } from 'neo4j-driver';
import { detectAfterBatch } from '../analytics/detector.js';
import { writeEvents } from '../graph/writeEvents.js';
import type { IngestJob, IngestResult } from '../queue/queues.js';
import { StageClock } from '../stageClock.js';

/**
 * The work of one ingest job: write the batch to the graph, then run the analytics over what it
 * touched. The job completes only after both, so `ingest --wait` returns with findings readable.
 */
export function ingestProcessor(driver: Driver, database?: string) {
  return async (job: Job<IngestJob, IngestResult>): Promise<IngestResult> => {
    const { events } = job.data;
    const clock = new StageClock();
    const plan = await clock.time('write', () => writeEvents(driver, events, database, clock));
    const findings = await detectAfterBatch(driver, events, database, plan, clock);
    return { written: events.length, findings, stagesMs: clock.stagesMs, counts: clock.counts };
  };
}
