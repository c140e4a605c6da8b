import { Worker } from 'bullmq';
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../log.js';
import { deadLetterQueue, INGEST_QUEUE, redisConnection, type IngestJob, type IngestResult } from '../queue/queues.js';
import { ingestProcessor } from './ingestProcessor.js';
import { reportWorkerActivity } from './workerActivity.js';

export interface IngestWorkerOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  /** How long a batch stays claimed without a heartbeat before another worker takes it over. */
  lockMs?: number;
  driver: Driver;
  database?: string;
  log: Logger;
}

/**
 * A BullMQ worker on the ingest queue. A batch that fails all its attempts is copied, with the
 * reason, to the dead-letter queue, from where `provhunt dlq replay` puts it back.
 */
export function startIngestWorker(opts: IngestWorkerOptions): Worker<IngestJob, IngestResult> {
  const dlq = deadLetterQueue(opts.redisUrl, opts.prefix);
  const worker = new Worker<IngestJob, IngestResult>(INGEST_QUEUE, ingestProcessor(opts.driver, opts.database), {
    connection: redisConnection(opts.redisUrl),
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    // A worker that dies mid-batch stops renewing its lock; after lockMs the batch is re-queued
    // and, its transaction never having committed, written again in full.
    lockDuration: opts.lockMs ?? 30_000,
    stalledInterval: opts.lockMs ?? 30_000,
  });
  const stopReporting = reportWorkerActivity(worker, opts);
  worker.on('completed', (job, result) => {
    opts.log.debug({ batchId: job.data.batchId, ...result }, 'batch written');
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    opts.log.warn({ batchId: job.data.batchId, attempt: job.attemptsMade, attempts, err: err.message }, 'batch failed');
    if (job.attemptsMade >= attempts) {
      void dlq
        .add('dead-letter', { job: job.data, reason: err.message, failedAt: new Date().toISOString(), attempts: job.attemptsMade }, { jobId: job.data.batchId })
        .catch((e: Error) => opts.log.error({ err: e.message, batchId: job.data.batchId }, 'could not dead-letter a batch; it stays in the failed set'));
    }
  });
  worker.on('error', (err) => opts.log.error({ err: err.message }, 'worker error'));
  worker.on('closed', () => {
    void dlq.close();
    stopReporting();
  });
  return worker;
}
