import { Worker } from 'bullmq';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchTracker } from '../../src/ingest/batchTracker.js';
import { INGEST_QUEUE, ingestQueue, redisConnection, type IngestJob, type IngestResult } from '../../src/queue/queues.js';
import { stack, uniquePrefix } from '../support/graph.js';

/** `ingest --wait`'s bookkeeping, against the real Redis: results from the event stream, states as a safety net. */
describe('the batch tracker', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  function setUp(name: string, recheckMs = 5000) {
    const prefix = uniquePrefix(name);
    const queue = ingestQueue(stack().redisUrl, prefix);
    closers.push(() => queue.obliterate({ force: true }).then(() => queue.close()));
    const makeTracker = () => {
      const tracker = new BatchTracker(stack().redisUrl, prefix, queue, recheckMs);
      closers.push(() => tracker.close());
      return tracker;
    };
    // What a worker does with a batch, without Neo4j: findings = the batch's first line.
    const startWorker = () => {
      const worker = new Worker<IngestJob, IngestResult>(
        INGEST_QUEUE,
        async (job) => {
          if (job.data.origin === 'broken') throw new Error('cannot write this batch');
          return { written: job.data.events.length, findings: job.data.firstLine };
        },
        { connection: redisConnection(stack().redisUrl), prefix },
      );
      closers.push(() => worker.close());
      return worker;
    };
    const batch = (firstLine: number, origin = 'test.jsonl'): IngestJob =>
      ({ batchId: `b${firstLine}`, origin, firstLine, events: Array.from({ length: 50 }, (_, i) => ({ kind: 'dns.query', id: `e${firstLine}-${i}`, padding: 'x'.repeat(2000) })) }) as never;
    return { queue, makeTracker, startWorker, batch };
  }

  it('settles every batch from the completion events, with the findings they touched, without reading any batch back', async () => {
    const { queue, makeTracker, startWorker, batch } = setUp('tracker-events');
    const tracker = makeTracker();
    await tracker.ready();
    const getJob = vi.spyOn(queue, 'getJob');
    const getJobs = vi.spyOn(queue, 'getJobs');
    for (let i = 1; i <= 12; i++) tracker.track((await queue.add('events', batch(i), { jobId: `job-${i}` })).id!);
    startWorker();
    expect(await tracker.allDone()).toEqual({ failed: 0, findings: 78 }); // 1 + 2 + … + 12
    expect(getJob).not.toHaveBeenCalled();
    expect(getJobs).not.toHaveBeenCalled();
  });

  it("counts only its own batches when another producer's complete on the same queue meanwhile", async () => {
    const { queue, makeTracker, startWorker, batch } = setUp('tracker-shared');
    const tracker = makeTracker();
    await tracker.ready();
    for (let i = 1; i <= 3; i++) await queue.add('events', batch(100 + i), { jobId: `other-${i}` }); // another producer's
    for (const i of [1, 2]) tracker.track((await queue.add('events', batch(i), { jobId: `mine-${i}` })).id!);
    startWorker();
    expect(await tracker.allDone()).toEqual({ failed: 0, findings: 3 });
  });

  it('finds batches whose events it missed by their states once nothing settles: completed with their results, failed for good, trimmed', async () => {
    const { queue, makeTracker, startWorker, batch } = setUp('tracker-missed', 200);
    const worker = startWorker();
    // Finished before the tracker listened: their events are gone, as across a Redis reconnect.
    const done = await queue.add('events', batch(5), { jobId: 'done' });
    const broken = await queue.add('events', batch(9, 'broken'), { jobId: 'broken', attempts: 1 });
    const trimmed = await queue.add('events', batch(7), { jobId: 'trimmed' });
    for (let i = 0; i < 100 && Object.values(await queue.getJobCounts('completed', 'failed')).reduce((a, b) => a + b, 0) < 3; i++) await new Promise((r) => setTimeout(r, 50));
    await queue.remove('trimmed'); // completed jobs are trimmed after an hour
    await worker.close();
    const tracker = makeTracker();
    await tracker.ready();
    for (const job of [done, broken, trimmed]) tracker.track(job.id!);
    // A later batch still settles from its event.
    const later = await queue.add('events', batch(11), { jobId: 'later' });
    tracker.track(later.id!);
    startWorker();
    // findings: 5 from the completed one's stored result, 11 from the event, none from the trimmed one.
    expect(await tracker.allDone()).toEqual({ failed: 1, findings: 16 });
  });
});
