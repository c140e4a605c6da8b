import type { Job } from 'bullmq';
import type { Driver } from 'neo4j-driver';
import { detectAfterBatch } from '../analytics/detector.js';
import { currentPlanGeneration } from '../analytics/planGenerations.js';
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
    // Which plans the analytics used: a slow analytic in one generation and not the next is a plan's doing.
    const planGeneration = currentPlanGeneration();
    const findings = await detectAfterBatch(driver, events, database, plan, clock);
    return { written: events.length, findings, stagesMs: clock.stagesMs, counts: clock.counts, planGeneration };
  };
}

/** An analytic slower than this for one batch is reported (normally 5-150 ms per 5,000 events). */
export const SLOW_ANALYTIC_MS = 1_000;

/** The analytics that took longer than SLOW_ANALYTIC_MS in a batch's result (stages named by analytic id). */
export function slowAnalyticsOf(result: IngestResult | undefined): Array<{ analytic: string; ms: number }> {
  return Object.entries(result?.stagesMs ?? {})
    .filter(([stage, ms]) => /^AN\d+$/.test(stage) && ms > SLOW_ANALYTIC_MS)
    .map(([analytic, ms]) => ({ analytic, ms }));
}
