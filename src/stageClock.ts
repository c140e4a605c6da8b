/**
 * Where one ingest job's time went, by stage (each write statement, neighbourhood, each analytic,
 * upsert), in milliseconds, and how many attempts its write transaction took. Returned with the job's result, so BullMQ keeps it beside the job and a slow batch
 * can be explained after the fact (bench/detect reports its slowest batches' stages).
 */
export class StageClock {
  readonly stagesMs: Record<string, number> = {};

  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.stagesMs[stage] = Math.round((this.stagesMs[stage] ?? 0) + performance.now() - started);
    }
  }

  /** Counts an occurrence (e.g. a transaction attempt: more than one means the driver retried it). */
  count(stage: string): void {
    this.stagesMs[stage] = (this.stagesMs[stage] ?? 0) + 1;
  }
}
