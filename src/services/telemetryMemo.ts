/**
 * Answers of reads that touch only telemetry, shared by an API process's requests for a short TTL
 * (the response cache's telemetry TTL, PROVHUNT_API_CACHE_MS). A finding change empties the
 * response cache, but cannot make these stale (they read no finding), so while detections land a
 * pivot's expensive parts (a content on every host) are read once per TTL instead of once per
 * change, and only its findings are read again. Concurrent asks for one answer share one read;
 * a failed read is not remembered. Bounded by entries, least recently used first out.
 */
export class TelemetryMemo {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 2_000,
  ) {}

  remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return read();
    const now = Date.now();
    const kept = this.entries.get(key);
    this.entries.delete(key);
    if (kept && now - kept.at < this.ttlMs) {
      this.entries.set(key, kept); // most recently used last
      return kept.value as Promise<T>;
    }
    const entry = { at: now, value: read() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return entry.value as Promise<T>;
  }
}

/** No memo: every read goes to the graph (the CLI, tests of the services). */
export const NO_MEMO = new TelemetryMemo(0);
