import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { INGEST_QUEUE, redisConnection } from '../../src/queue/queues.js';
import { startLocalRedis } from '../../src/stack/localRedis.js';
import { freePort } from '../../src/stack/processes.js';
import { freshGraph, settlesWithin, stack, uniquePrefix } from '../support/graph.js';
import { startWorkerProcess } from '../support/workers.js';

describe('a worker stopping after Redis went away (a terminal Ctrl-C reaches redis-server too)', () => {
  it('exits after its grace period instead of waiting forever for Redis', async () => {
    await (await freshGraph()).close(); // migrations applied: the worker takes batches at once
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-redis-'));
    const redis = await startLocalRedis({ dataDir, port: await freePort(), persistent: false });
    const prefix = uniquePrefix('shutdown');
    const worker = startWorkerProcess({ ...stack(), redisUrl: redis.url }, prefix);
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    try {
      const queue = new Queue(INGEST_QUEUE, { connection: redisConnection(redis.url), prefix });
      for (let i = 0; i < 100 && (await queue.getWorkersCount()) === 0; i++) await new Promise((r) => setTimeout(r, 200));
      expect(await queue.getWorkersCount()).toBe(1);
      await queue.close();
      await redis.stop();
      const t0 = Date.now();
      worker.kill('SIGTERM');
      expect(await settlesWithin(exited, 30_000, 'the worker\'s exit')).toBe(0);
      expect(Date.now() - t0).toBeLessThan(20_000);
    } finally {
      if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
      await redis.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
