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

export function redisConnection(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null } as ConnectionOptions;
}

export function ingestQueue(redisUrl: string, prefix: string): Queue<IngestJob, IngestResult> {
  return new Queue<IngestJob, IngestResult>(INGEST_QUEUE, { connection: redisConnection(redisUrl), prefix, defaultJobOptions: ingestJobOptions });
}

export function deadLetterQueue(redisUrl: string, prefix: string): Queue<DeadLetterJob> {
  return new Queue<DeadLetterJob>(DEAD_LETTER_QUEUE, { connection: redisConnection(redisUrl), prefix });
}
