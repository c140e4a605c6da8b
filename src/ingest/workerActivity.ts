import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { addFindingsAnnouncer, redisAnnouncer } from '../events/findingsBus.js';
import type { IngestJob, IngestResult } from '../queue/queues.js';
import { recordBatchFailed, recordBatchWritten, recordFindingChanges } from './ingestStats.js';
import type { IngestWorkerOptions } from './ingestWorker.js';

/**
 * Keeps the ingest and detection counters in Redis (src/ingest/ingestStats.ts) and publishes the
 * findings this process creates or changes to the API processes. Best effort: a Redis hiccup
 * costs a count or an announcement, never a batch.
 */
export function reportWorkerActivity(worker: Worker<IngestJob, IngestResult>, opts: IngestWorkerOptions): () => void {
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', (err) => opts.log.warn({ err: err.message }, 'stats redis error'));
  const warn = (err: Error) => opts.log.warn({ err: err.message }, 'could not update ingest counters');
  const publish = redisAnnouncer(redis, opts.prefix, opts.log);
  const removeAnnouncer = addFindingsAnnouncer((changes) => {
    publish(changes);
    recordFindingChanges(redis, opts.prefix, changes).catch(warn);
  });
  worker.on('completed', (_job, result) => void recordBatchWritten(redis, opts.prefix, result).catch(warn));
  worker.on('failed', () => void recordBatchFailed(redis, opts.prefix).catch(warn));
  return () => {
    removeAnnouncer();
    // quit, not disconnect: announcements already queued are still sent.
    redis.quit().catch(() => redis.disconnect());
  };
}
