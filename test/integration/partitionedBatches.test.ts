import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTelemetry } from '../../bench/generateTelemetry.js';
import { partitionOf, submitInput, type Reject } from '../../src/ingest/submit.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { stack, uniquePrefix } from '../support/graph.js';

/** What the producer queues when batches are cut by host partition (real Redis; no worker reads the queue). */
describe('batches by host partition', () => {
  const queue = ingestQueue(stack().redisUrl, uniquePrefix('partitions'));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-partitions-')), 'fleet.jsonl');
  let batches: NormalizedEvent[][] = [];
  let accepted = 0;

  beforeAll(async () => {
    await generateTelemetry({ events: 400, hosts: 12, file });
    const rejects: Reject[] = [];
    const counts = await submitInput(file, { queue, batchSize: 25, partitions: 4, onReject: (r) => rejects.push(r) });
    expect(rejects).toEqual([]);
    accepted = counts.accepted;
    const jobs = await queue.getJobs(['waiting', 'prioritized'], 0, -1, true);
    batches = jobs.map((j) => j.data.events);
    expect(batches.length).toBe(counts.batches);
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('puts each host in one partition, spreads a fleet over all of them, and is the same in every process', () => {
    const hosts = Array.from({ length: 200 }, (_, i) => `host-${i}`);
    const sizes = [0, 0, 0, 0];
    for (const host of hosts) sizes[partitionOf(host, 4)]! += 1;
    expect(sizes.every((n) => n >= 35 && n <= 65)).toBe(true);
    expect(partitionOf('WIN-7Q2', 4)).toBe(partitionOf('WIN-7Q2', 4));
    expect(partitionOf('any', 1)).toBe(0);
  });

  it('queues every accepted event once, each batch holding one partition\'s hosts and at most a batch of events', () => {
    expect(batches.flat().map((e) => e.id).sort()).toEqual([...new Set(batches.flat().map((e) => e.id))].sort());
    expect(batches.flat().length).toBe(accepted);
    expect(accepted).toBe(400);
    for (const batch of batches) {
      expect(new Set(batch.map((e) => partitionOf(e.host.id, 4))).size).toBe(1);
      expect(batch.length).toBeLessThanOrEqual(25);
    }
    expect(new Set(batches.map((b) => partitionOf(b[0]!.host.id, 4))).size).toBe(4);
  });

  it("keeps each host's events in input order across its partition's batches", () => {
    // The generator stamps each line later than the one before: time order is input order.
    const times = fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => Date.parse((JSON.parse(line) as { UtcTime: string }).UtcTime.replace(' ', 'T') + 'Z'));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const byHost = new Map<string, number[]>();
    for (const batch of batches) for (const e of batch) byHost.set(e.host.id, [...(byHost.get(e.host.id) ?? []), e.ts]);
    for (const hostTimes of byHost.values()) expect(hostTimes).toEqual([...hostTimes].sort((a, b) => a - b));
  });
});
