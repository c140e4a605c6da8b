import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTelemetry } from '../../bench/generateTelemetry.js';
import { ingestFiles } from '../../src/ingest/ingestFiles.js';
import { openInput } from '../../src/ingest/openInput.js';
import { parseInput } from '../../src/ingest/parseInput.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { startWorkerProcess, stopProcess } from '../support/workers.js';

/** A worker killed with SIGKILL in the middle of a batch loses nothing and duplicates nothing. */
describe('a worker killed mid-batch', () => {
  const prefix = uniquePrefix('crash');
  const file = path.join(os.tmpdir(), `provhunt-crash-${process.pid}.jsonl`);
  let driver: Driver;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    driver = await freshGraph();
    await generateTelemetry({ events: 6000, hosts: 20, file });
  });
  afterAll(async () => {
    for (const w of workers) await stopProcess(w);
    await driver.close();
    fs.rmSync(file, { force: true });
  });

  it('has its batch re-run by another worker, with every event in the graph exactly once', async () => {
    const env = { PROVHUNT_WORKER_LOCK_MS: '2000' };
    const victim = startWorkerProcess(stack(), prefix, env);
    workers.push(victim);
    const queue = ingestQueue(stack().redisUrl, prefix);
    const run = ingestFiles([file], { redisUrl: stack().redisUrl, prefix, batchSize: 3000, wait: true, onReject: () => {} });
    // Kill the only worker as soon as it holds a batch, before that batch can commit.
    for (let i = 0; i < 400 && (await queue.getActiveCount()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await queue.getActiveCount()).toBe(1);
    victim.kill('SIGKILL');
    workers.push(startWorkerProcess(stack(), prefix, env));
    const result = await run;
    await queue.close();
    expect(result).toMatchObject({ accepted: 6000, failedBatches: 0 });

    const expected = { starts: 0, perEvent: 0 };
    for await (const o of parseInput(await openInput(file), { fileName: file })) {
      if (o.outcome !== 'events') continue;
      for (const e of o.events) if (e.kind === 'process.start') expected.starts++; else expected.perEvent++;
    }
    const { records } = await driver.executeQuery(`
      MATCH ()-[r:WROTE|LOADED|CONNECTED|QUERIED]->() WITH count(r) AS perEvent
      MATCH (p:Process) WHERE p.startTs IS NOT NULL RETURN perEvent, count(p) AS starts`);
    expect(records[0]!.toObject()).toEqual(expected);
  }, 120_000);
});
