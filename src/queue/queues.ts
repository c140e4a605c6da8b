import { Queue, type ConnectionOptions } from 'bullmq';
import type { NormalizedEvent } from '../model/event.js';

export const INGEST_QUEUE = 'ingest';
export const DEAD_LETTER_QUEUE = 'dead-letter';

/** One job = one batch of normalized events from one input, written in one Neo4j transaction. */
export interface IngestJob {
  batchId: string;
  /** Where the batch came from (file name), for dead-letter reports. */
  origin: string;
  firstLine: number;
  events: NormalizedEvent[];
}

export interface IngestResult {
  written: number;
  findings: number;
  /** Milliseconds by stage (write, neighbourhood, each analytic, upsert): see StageClock. */
  stagesMs?: Record<string, number>;
  /** What happened in the job (writeAttempts: more than one when the driver retried the write). */
  counts?: Record<string, number>;
  /** The detection queries' plan generation the batch's analytics ran in (src/analytics/planRefresh.ts). */
  planGeneration?: number;
}

/** A batch that failed every retry, kept with its reason until replayed. */
export interface DeadLetterJob {
  job: IngestJob;
  reason: string;
  failedAt: string;
  attempts: number;
}

export const ingestJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * Batches of at most this many events are live deliveries (an agent's or collector's flush, a chain
 * arriving as it happens) and are taken before bulk batches (a file or a back-fill): detection latency
 * is measured from the last event of a chain, and a 4-event batch should not queue behind a backlog
 * of 5,000-event ones. Bulk batches keep their order among themselves (FIFO within a priority).
 */
export const LIVE_BATCH_EVENTS = 50;

/** BullMQ priority of a batch: none (taken first) for live batches, then one step per doubling in size. */
export function batchPriority(events: number): number | undefined {
  if (events <= LIVE_BATCH_EVENTS) return undefined;
  return Math.ceil(Math.log2(events / LIVE_BATCH_EVENTS));
}

/** One batch onto the ingest queue: what the CLI, the HTTP endpoint and a dead-letter replay all do. */
export function enqueueBatch(queue: Queue<IngestJob, IngestResult>, job: IngestJob, jobId = job.batchId) {
  return queue.add('events', job, { jobId, priority: batchPriority(job.events.length) });
}

/** Batches waiting for a worker, prioritized (bulk) ones included: what backpressure bounds. */
export async function queuedBatches(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'prioritized');
  return (counts.waiting ?? 0) + (counts.prioritized ?? 0);
}

export function redisConnection(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null } as ConnectionOptions;
}

export function ingestQueue(redisUrl: string, prefix: string): Queue<IngestJob, IngestResult> {
  return new Queue<IngestJob, IngestResult>(INGEST_QUEUE, { connection: redisConnection(redisUrl), prefix, defaultJobOptions: ingestJobOptions });
}

export function deadLetterQueue(redisUrl: string, prefix: string): Queue<DeadLetterJob> {
  return new Queue<DeadLetterJob>(DEAD_LETTER_QUEUE, { connection: redisConnection(redisUrl), prefix });
}
