import { afterEach, describe, expect, it, vi } from 'vitest';
import { TelemetryMemo } from '../../src/services/telemetryMemo.js';

describe('TelemetryMemo: telemetry answers shared for a TTL', () => {
  afterEach(() => vi.useRealTimers());

  it('reads once per TTL, and concurrent asks share the read', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const memo = new TelemetryMemo(5_000);
    let reads = 0;
    const read = async () => ++reads;
    const [a, b] = await Promise.all([memo.remember('k', read), memo.remember('k', read)]);
    expect([a, b, reads]).toEqual([1, 1, 1]);
    vi.setSystemTime(1_004_999);
    expect(await memo.remember('k', read)).toBe(1);
    vi.setSystemTime(1_005_000);
    expect(await memo.remember('k', read)).toBe(2);
    expect(await memo.remember('other', read)).toBe(3);
  });

  it('does not remember a failed read', async () => {
    const memo = new TelemetryMemo(60_000);
    await expect(memo.remember('k', () => Promise.reject(new Error('Neo4j unavailable')))).rejects.toThrow('Neo4j unavailable');
    await new Promise((r) => setImmediate(r));
    expect(await memo.remember('k', async () => 'read again')).toBe('read again');
  });

  it('keeps at most its bound, dropping the least recently used', async () => {
    const memo = new TelemetryMemo(60_000, 2);
    let reads = 0;
    const read = async () => ++reads;
    await memo.remember('a', read);
    await memo.remember('b', read);
    await memo.remember('a', read); // a is now the most recent
    await memo.remember('c', read); // b goes
    expect(await memo.remember('a', read)).toBe(1);
    expect(await memo.remember('b', read)).toBe(4);
  });

  it('with a TTL of 0 reads every time', async () => {
    const memo = new TelemetryMemo(0);
    let reads = 0;
    await memo.remember('k', async () => ++reads);
    await memo.remember('k', async () => ++reads);
    expect(reads).toBe(2);
  });
});
