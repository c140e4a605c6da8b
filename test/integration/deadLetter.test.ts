import { describe, expect, it } from 'vitest';
import { deadLetterQueue, ingestQueue } from '../../src/queue/queues.js';
import { stack } from '../support/graph.js';
import { runCli } from '../support/cli.js';
import { stopProcess, withGraphAndWorker } from '../support/workers.js';


/** A batch that fails every attempt is kept with its reason, listed, and can be put back. */
describe('the dead-letter queue', () => {
  const ctx = withGraphAndWorker('dlq');
  const env = () => ({ NEO4J_URI: stack().neo4j.uri, NEO4J_PASSWORD: stack().neo4j.password, REDIS_URL: stack().redisUrl, PROVHUNT_QUEUE_PREFIX: ctx.prefix });


  it('keeps a batch that failed every retry with its reason, lists it, and replays it onto the ingest queue', async () => {
    const ingest = ingestQueue(stack().redisUrl, ctx.prefix);
    const dead = deadLetterQueue(stack().redisUrl, ctx.prefix);
    // A batch a worker cannot write: an event without its process facts.
    const broken = { batchId: 'broken-batch', origin: 'test.jsonl', firstLine: 7, events: [{ kind: 'process.start', id: 'x', ts: 1, host: { id: 'h', name: 'h', os: 'windows' } }] };
    await ingest.add('events', broken as never, { jobId: 'broken-batch', attempts: 2, backoff: { type: 'fixed', delay: 100 } });
    for (let i = 0; i < 200 && (await dead.getWaitingCount()) === 0; i++) await new Promise((r) => setTimeout(r, 50));

    const list = await runCli(['dlq', 'list'], env());
    expect(list.code).toBe(0);
    const entries = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'broken-batch', origin: 'test.jsonl', firstLine: 7, events: 1, attempts: 2 });
    expect(String(entries[0]!.reason)).not.toBe('');

    await stopProcess(ctx.worker); // so the replayed batch stays visible in the queue
    const replay = await runCli(['dlq', 'replay', 'broken-batch'], env());
    expect(replay.stderr).toContain('replayed 1 batch(es)');
    expect(await dead.getWaitingCount()).toBe(0);
    expect(await runCli(['dlq', 'list'], env())).toMatchObject({ code: 0, stdout: '', stderr: expect.stringContaining('no dead-lettered batches') });
    const waiting = await ingest.getJobs(['waiting']);
    expect(waiting.map((j) => j.data.batchId)).toEqual(['broken-batch']);
    await ingest.obliterate({ force: true });
    await Promise.all([ingest.close(), dead.close()]);
  });
});
