import type { Redis } from 'ioredis';
import type { FindingChange } from '../events/findingsBus.js';
import type { IngestResult } from '../queue/queues.js';

/**
 * Counters the worker processes keep in Redis so that any API process can report them (GraphQL
 * `ingestRate`, GET /metrics): totals since the Redis data began, and events written per minute,
 * kept for RATE_KEEP_MINUTES. One pipelined round trip per batch.
 */
export const RATE_KEEP_MINUTES = 120;

export interface IngestTotals {
  events: number;
  batchesCompleted: number;
  batchesFailed: number;
  /** Findings the analytics matched after batches (a re-match of a known finding counts again). */
  detections: number;
  findingsCreated: number;
  findingsUpdated: number;
}

const totalKeys: Record<keyof IngestTotals, string> = {
  events: 'events',
  batchesCompleted: 'batches:completed',
  batchesFailed: 'batches:failed',
  detections: 'detections',
  findingsCreated: 'findings:created',
  findingsUpdated: 'findings:updated',
};

const statKey = (prefix: string, name: string) => `${prefix}:stats:${name}`;
const minuteKey = (prefix: string, minute: number) => statKey(prefix, `events:minute:${minute}`);
export const minuteOf = (ms: number) => Math.floor(ms / 60_000);

export async function recordBatchWritten(redis: Redis, prefix: string, result: IngestResult, now = Date.now()): Promise<void> {
  const minute = minuteKey(prefix, minuteOf(now));
  await redis
    .multi()
    .incrby(minute, result.written)
    .expire(minute, (RATE_KEEP_MINUTES + 5) * 60)
    .incrby(statKey(prefix, totalKeys.events), result.written)
    .incr(statKey(prefix, totalKeys.batchesCompleted))
    .incrby(statKey(prefix, totalKeys.detections), result.findings)
    .exec();
}

/** An attempt that failed (it may be retried): counts attempts, not batches lost. */
export async function recordBatchFailed(redis: Redis, prefix: string): Promise<void> {
  await redis.incr(statKey(prefix, totalKeys.batchesFailed));
}

export async function recordFindingChanges(redis: Redis, prefix: string, changes: FindingChange[]): Promise<void> {
  const created = changes.filter((c) => c.kind === 'created').length;
  await redis
    .multi()
    .incrby(statKey(prefix, totalKeys.findingsCreated), created)
    .incrby(statKey(prefix, totalKeys.findingsUpdated), changes.length - created)
    .exec();
}

export async function readIngestTotals(redis: Redis, prefix: string): Promise<IngestTotals> {
  const names = Object.keys(totalKeys) as Array<keyof IngestTotals>;
  const values = await redis.mget(...names.map((n) => statKey(prefix, totalKeys[n])));
  return Object.fromEntries(names.map((n, i) => [n, Number(values[i] ?? 0)])) as unknown as IngestTotals;
}

/** Events written in each of the last `minutes` minutes (the current, partial one last), oldest first. */
export async function eventsPerMinute(redis: Redis, prefix: string, minutes: number, now = Date.now()): Promise<Array<{ minute: number; events: number }>> {
  const last = minuteOf(now);
  const wanted = Array.from({ length: minutes }, (_, i) => last - minutes + 1 + i);
  const values = await redis.mget(...wanted.map((m) => minuteKey(prefix, m)));
  return wanted.map((m, i) => ({ minute: m * 60_000, events: Number(values[i] ?? 0) }));
}
