import { QueueEvents, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { INGEST_QUEUE, redisConnection, type IngestJob, type IngestResult } from '../queue/queues.js';

/**
 * Waits for submitted batches by id, from the queue's event stream. Only ids are held, never the
 * batches themselves, so a producer's memory stays flat however large its input.
 */
export class BatchTracker {
  private readonly pending = new Set<string>();
  /** Outcomes of this producer's batches only: others may share the queue. */
  private readonly finished = new Map<string, IngestResult | Error>();
  /** Batches that finished before track() named them (a fast worker), or another producer's: bounded. */
  private readonly early = new Map<string, IngestResult | Error>();
  private readonly events: QueueEvents;
  private wake: () => void = () => {};
  /** Opened at the first recheck only: the event stream settles batches in the normal case. */
  private redis?: Redis;

  constructor(
    private readonly redisUrl: string,
    prefix: string,
    private readonly queue: Queue<IngestJob, IngestResult>,
    /** How long without any batch settling before the pending ones are looked up. */
    private readonly recheckMs = 5000,
  ) {
    this.events = new QueueEvents(INGEST_QUEUE, { connection: redisConnection(redisUrl), prefix });
    this.events.on('completed', ({ jobId, returnvalue }) => this.settle(jobId, parseResult(returnvalue)));
    // 'failed' also fires for an attempt that will be retried: only the job's state says it is final.
    this.events.on('failed', ({ jobId, failedReason }) => {
      if (!this.pending.has(jobId)) return;
      void this.queue.getJobState(jobId).then((state) => state === 'failed' && this.settle(jobId, new Error(failedReason)));
    });
  }

  /** Resolves once subscribed; call before adding the first batch so no completion is missed. */
  ready(): Promise<void> {
    return this.events.waitUntilReady().then(() => undefined);
  }

  track(jobId: string): void {
    const outcome = this.early.get(jobId);
    if (outcome === undefined) {
      this.pending.add(jobId);
      return;
    }
    this.early.delete(jobId);
    this.finished.set(jobId, outcome);
  }

  private settle(jobId: string, outcome: IngestResult | Error): void {
    if (!this.pending.delete(jobId)) {
      if (this.finished.has(jobId)) return;
      // Not (yet) tracked: kept in case track() follows, oldest dropped beyond a bound.
      this.early.set(jobId, outcome);
      if (this.early.size > EARLY_LIMIT) this.early.delete(this.early.keys().next().value!);
      return;
    }
    this.finished.set(jobId, outcome);
    this.wake();
  }

  /** Waits for every tracked batch; returns how many failed for good and the findings touched. */
  async allDone(): Promise<{ failed: number; findings: number }> {
    while (this.pending.size > 0) {
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), this.recheckMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      // A safety net for events missed across a Redis reconnect: when no batch settled for a
      // while, ask for the pending ones' states. Never on every completion: each look used to
      // read every pending batch whole (5,000 events each), which cost the producer more CPU
      // than parsing its input (docs/benchmarks.md, "Where the time goes").
      if (!woken && this.pending.size > 0) await this.recheck();
    }
    let failed = 0;
    let findings = 0;
    for (const outcome of this.finished.values()) {
      if (outcome instanceof Error) failed++;
      else findings += Number(outcome?.findings ?? 0);
    }
    return { failed, findings };
  }

  /** States of the pending batches, and for a finished one its result or reason: never the batch itself. */
  private async recheck(): Promise<void> {
    const redis = (this.redis ??= new Redis(this.redisUrl, { maxRetriesPerRequest: null }));
    for (const jobId of [...this.pending]) {
      const state = await this.queue.getJobState(jobId);
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') continue;
      const [returnvalue, failedReason] = await redis.hmget(this.queue.toKey(jobId), 'returnvalue', 'failedReason');
      // A batch no longer in Redis was completed and trimmed (completed jobs are kept an hour).
      if (state === 'failed') this.settle(jobId, new Error(failedReason || 'failed'));
      else this.settle(jobId, parseResult(returnvalue));
    }
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
    await this.events.close();
  }
}

/** Completions of batches not (yet) tracked that are kept: a producer tracks its batch as soon as it is added. */
const EARLY_LIMIT = 10_000;

/** The event stream carries the return value as JSON text in some BullMQ versions, parsed in others. */
function parseResult(value: unknown): IngestResult {
  if (typeof value === 'string' && value !== '') {
    try {
      return JSON.parse(value) as IngestResult;
    } catch {
      return { written: 0, findings: 0 };
    }
  }
  return (value as IngestResult | null) ?? { written: 0, findings: 0 };
}
