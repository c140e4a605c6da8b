import { QueueEvents, type Queue } from 'bullmq';
import { INGEST_QUEUE, redisConnection, type IngestJob, type IngestResult } from '../queue/queues.js';

/**
 * Waits for submitted batches by id, from the queue's event stream. Only ids are held, never the
 * batches themselves, so a producer's memory stays flat however large its input.
 */
export class BatchTracker {
  private readonly pending = new Set<string>();
  private readonly finished = new Map<string, IngestResult | Error>();
  private readonly events: QueueEvents;
  private wake: () => void = () => {};

  constructor(
    redisUrl: string,
    prefix: string,
    private readonly queue: Queue<IngestJob, IngestResult>,
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
    if (!this.finished.has(jobId)) this.pending.add(jobId);
  }

  private settle(jobId: string, outcome: IngestResult | Error): void {
    if (!this.pending.delete(jobId)) {
      this.finished.set(jobId, outcome); // finished before track() was called
      return;
    }
    this.finished.set(jobId, outcome);
    this.wake();
  }

  /** Waits for every tracked batch; returns how many failed for good and the findings touched. */
  async allDone(): Promise<{ failed: number; findings: number }> {
    while (this.pending.size > 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        // A safety net for events missed across a Redis reconnect: look at the jobs themselves.
        setTimeout(resolve, 5000);
      });
      if (this.pending.size > 0) await this.recheck();
    }
    let failed = 0;
    let findings = 0;
    for (const outcome of this.finished.values()) {
      if (outcome instanceof Error) failed++;
      else findings += Number(outcome?.findings ?? 0);
    }
    return { failed, findings };
  }

  private async recheck(): Promise<void> {
    for (const jobId of [...this.pending]) {
      const job = await this.queue.getJob(jobId);
      const state = job ? await job.getState() : 'completed';
      if (state === 'completed') this.settle(jobId, (job?.returnvalue as IngestResult | undefined) ?? { written: 0, findings: 0 });
      else if (state === 'failed') this.settle(jobId, new Error(job?.failedReason ?? 'failed'));
    }
  }

  close(): Promise<void> {
    return this.events.close();
  }
}

/** The event stream carries the return value as JSON text in some BullMQ versions, parsed in others. */
function parseResult(value: unknown): IngestResult {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as IngestResult;
    } catch {
      return { written: 0, findings: 0 };
    }
  }
  return (value as IngestResult | null) ?? { written: 0, findings: 0 };
}
