/**
 * Where one ingest job's time went, by stage (each write statement, neighbourhood, each analytic,
 * upsert), in milliseconds, and counts of what happened in it (the write transaction's attempts).
 * Returned with the job's result, so BullMQ keeps it beside the job and a slow batch can be
 * explained after the fact (bench/detect reports its slowest batches' stages).
 */
export class StageClock {
  readonly stagesMs: Record<string, number> = {};
  readonly counts: Record<string, number> = {};

  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.stagesMs[stage] = Math.round((this.stagesMs[stage] ?? 0) + performance.now() - started);
    }
  }

  /** Counts an occurrence (e.g. a transaction attempt: more than one means the driver retried it). */
  count(what: string): void {
    this.counts[what] = (this.counts[what] ?? 0) + 1;
  }
}
