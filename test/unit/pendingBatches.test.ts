import { describe, expect, it, vi } from 'vitest';
import { PendingBatches } from '../../src/ingest/pendingBatches.js';
import type { NormalizedEvent } from '../../src/model/event.js';

const event = (id: string) => ({ id }) as unknown as NormalizedEvent;
const record = (partition: number, ...ids: string[]) => ids.map((id) => ({ partition, event: event(id) }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records what was sent, in order; a send can be held open to play a full queue. */
function recorder() {
  const sent: { ids: string[]; firstLine: number }[] = [];
  let hold: Promise<void> | undefined;
  let release = () => undefined as void;
  return {
    sent,
    holdSends() {
      hold = new Promise((r) => (release = () => r()));
    },
    releaseSends() {
      release();
      hold = undefined;
    },
    send: async (events: NormalizedEvent[], firstLine: number) => {
      if (hold) await hold;
      sent.push({ ids: events.map((e) => e.id), firstLine });
    },
  };
}

describe('PendingBatches', () => {
  it('sends a partition when it is full, keeps a record together, and the rest at the end, lowest partition first', async () => {
    const out = recorder();
    const batches = new PendingBatches(out.send, 3, 0);
    await batches.addRecord(record(1, 'a1', 'a2'), 1);
    await batches.addRecord(record(0, 'b1'), 2);
    await batches.addRecord(record(1, 'a3', 'a4'), 3); // 4 events: a record is not split
    expect(out.sent).toEqual([{ ids: ['a1', 'a2', 'a3', 'a4'], firstLine: 1 }]);
    await batches.addRecord(record(2, 'c1'), 4);
    await batches.addRecord(record(1, 'a5'), 5);
    await batches.flushAll();
    expect(out.sent.slice(1)).toEqual([
      { ids: ['b1'], firstLine: 2 },
      { ids: ['a5'], firstLine: 5 },
      { ids: ['c1'], firstLine: 4 },
    ]);
  });

  it('sends a partial batch of an idle input after the linger time, without waiting for the end', async () => {
    const out = recorder();
    const batches = new PendingBatches(out.send, 1000, 40);
    await batches.addRecord(record(0, 'live1'), 1);
    await batches.addRecord(record(3, 'live2'), 2);
    expect(out.sent).toEqual([]);
    await sleep(120);
    expect(out.sent.map((b) => b.ids)).toEqual([['live1'], ['live2']]);
    await batches.addRecord(record(0, 'live3'), 3);
    await batches.flushAll();
    expect(out.sent.map((b) => b.ids)).toEqual([['live1'], ['live2'], ['live3']]);
  });

  it('with linger 0, holds a partial batch until the input ends', async () => {
    const out = recorder();
    const batches = new PendingBatches(out.send, 1000, 0);
    await batches.addRecord(record(0, 'x'), 1);
    await sleep(60);
    expect(out.sent).toEqual([]);
    await batches.flushAll();
    expect(out.sent.map((b) => b.ids)).toEqual([['x']]);
  });

  it('does not cut the other partitions while the reader waits for room in the queue, and keeps send order', async () => {
    const out = recorder();
    const batches = new PendingBatches(out.send, 2, 30);
    await batches.addRecord(record(1, 'p1'), 1);
    out.holdSends();
    const blocked = batches.addRecord(record(0, 'f1', 'f2'), 2); // full: its send waits on the queue
    await sleep(100); // three linger periods pass while the reader is blocked
    expect(out.sent).toEqual([]);
    out.releaseSends();
    await blocked;
    expect(out.sent.map((b) => b.ids)).toEqual([['f1', 'f2']]);
    await batches.addRecord(record(1, 'p2'), 3); // partition 1 was not cut: it fills now
    expect(out.sent.map((b) => b.ids)).toEqual([['f1', 'f2'], ['p1', 'p2']]);
    await batches.flushAll();
  });

  it('cuts no more batches by time while one already cut waits for room, however slowly the input trickles', async () => {
    vi.useFakeTimers();
    try {
      const out = recorder();
      const batches = new PendingBatches(out.send, 1000, 30);
      out.holdSends();
      await batches.addRecord(record(0, 'a'), 1);
      await vi.advanceTimersByTimeAsync(40); // partition 0 is cut and its send waits (the queue is full)
      await batches.addRecord(record(1, 'b'), 2);
      await batches.addRecord(record(2, 'c'), 3);
      await vi.advanceTimersByTimeAsync(100); // a trickle: the reader is not blocked, the queue has no room
      out.releaseSends();
      await vi.advanceTimersByTimeAsync(0);
      expect(out.sent.map((b) => b.ids)).toEqual([['a']]);
      await vi.advanceTimersByTimeAsync(40); // room again: the held batches go at their next period
      expect(out.sent.map((b) => b.ids)).toEqual([['a'], ['b'], ['c']]);
      await batches.flushAll();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a linger send that failed while the input was idle, and refuses more records', async () => {
    const failures: Error[] = [];
    const batches = new PendingBatches(async () => Promise.reject(new Error('redis went away')), 10, 20, (err) => failures.push(err));
    await batches.addRecord(record(0, 'lost?'), 1);
    await sleep(80);
    expect(failures.map((e) => e.message)).toEqual(['redis went away']);
    await expect(batches.addRecord(record(0, 'next'), 2)).rejects.toThrow('redis went away');
    await expect(batches.flushAll()).rejects.toThrow('redis went away');
  });
});
