import crypto from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../src/model/event.js';
import { batchPriority, enqueueBatch, ingestQueue, INGEST_QUEUE, LIVE_BATCH_EVENTS, queuedBatches, redisConnection } from '../../src/queue/queues.js';
import { stack } from '../support/graph.js';

/** Placeholder events: this test is about queue order, the worker here only records what it took. */
const eventsOf = (n: number) => Array.from({ length: n }, () => ({}) as NormalizedEvent);

describe('batch priority on the ingest queue', () => {
  const prefix = `priority${crypto.randomUUID().slice(0, 8)}`;
  const queue = ingestQueue(stack().redisUrl, prefix);
  afterAll(() => queue.close());

  it('gives live batches no priority and bulk batches one step per doubling', () => {
    expect(batchPriority(1)).toBeUndefined();
    expect(batchPriority(LIVE_BATCH_EVENTS)).toBeUndefined();
    expect(batchPriority(LIVE_BATCH_EVENTS + 1)).toBe(1);
    expect(batchPriority(500)).toBe(4);
    expect(batchPriority(5_000)).toBe(7);
  });

  it('lets a live batch overtake a backlog of bulk batches, which keep their order, and counts both as queued', async () => {
    await enqueueBatch(queue, { batchId: 'bulk-1', origin: 'backfill.jsonl', firstLine: 1, events: eventsOf(500) });
    await enqueueBatch(queue, { batchId: 'bulk-2', origin: 'backfill.jsonl', firstLine: 501, events: eventsOf(500) });
    await enqueueBatch(queue, { batchId: 'small-bulk', origin: 'other.jsonl', firstLine: 1, events: eventsOf(100) });
    await enqueueBatch(queue, { batchId: 'live', origin: 'agent', firstLine: 1, events: eventsOf(4) });
    expect(await queuedBatches(queue)).toBe(4);

    const taken: string[] = [];
    const worker = new Worker(INGEST_QUEUE, async (job) => void taken.push(job.id!), { connection: redisConnection(stack().redisUrl), prefix, concurrency: 1 });
    try {
      for (let i = 0; i < 200 && taken.length < 4; i++) await new Promise((r) => setTimeout(r, 25));
    } finally {
      await worker.close();
    }
    expect(taken).toEqual(['live', 'small-bulk', 'bulk-1', 'bulk-2']);
    expect(await queuedBatches(queue)).toBe(0);
  });
});
