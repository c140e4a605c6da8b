import type { NormalizedEvent } from '../model/event.js';

export type SendBatch = (events: NormalizedEvent[], firstLine: number) => Promise<void>;

interface OpenBatch {
  events: NormalizedEvent[];
  firstLine: number;
  lingerTimer?: NodeJS.Timeout;
}

/**
 * The batches one input is filling, one per host partition. A batch is sent when it is full, when
 * the input ends, or when its first event is `lingerMs` old: without that, a live stream
 * (`tail -F sysmon.json | provhunt ingest -`, a slow HTTP upload) would hold a quiet host's last
 * events, and the chain they complete, until more arrive.
 *
 * The linger clock starts at a batch's first event (a maximum age, so a steady trickle is sent too)
 * and is held while the queue is full: while the reader waits for room, or a batch already closed
 * waits to be queued. Memory stays within one open batch per partition plus the batch being sent.
 *
 * Sends run one at a time, in the order batches were closed, so a host's events reach the queue in
 * input order whichever of size, end or linger closed their batch. A batch is closed synchronously
 * between records, so a record's events are never split across batches of one partition.
 */
export class PendingBatches {
  private readonly open = new Map<number, OpenBatch>();
  private sending: Promise<void> = Promise.resolve();
  private lingerFailure?: Error;
  /** The reader is waiting for full batches to be queued (backpressure), not for input. */
  private readerBlocked = 0;
  /** Batches closed and not yet queued: while one waits for room, no other batch is cut by time. */
  private unsent = 0;

  constructor(
    private readonly send: SendBatch,
    private readonly batchSize: number,
    /** 0: a batch waits until it is full or the input ends. */
    private readonly lingerMs: number,
    /** A linger send failed while the input was idle: the caller stops reading (the error is rethrown too). */
    private readonly onLingerFailure: (err: Error) => void = () => undefined,
  ) {}

  /** One record's events, each with its partition; resolves once the batches it filled are queued. */
  async addRecord(events: { partition: number; event: NormalizedEvent }[], line: number): Promise<void> {
    if (this.lingerFailure) throw this.lingerFailure;
    const touched = new Set<number>();
    for (const { partition, event } of events) {
      this.batchOf(partition, line).events.push(event);
      touched.add(partition);
    }
    const full = [...touched].filter((p) => (this.open.get(p)?.events.length ?? 0) >= this.batchSize);
    if (full.length === 0) return;
    this.readerBlocked++;
    try {
      await Promise.all(full.map((p) => this.close(p)));
    } finally {
      this.readerBlocked--;
    }
  }

  /** Sends every open batch (lowest partition first) and waits for every send, including lingering ones. */
  async flushAll(): Promise<void> {
    const closing = [...this.open.keys()].sort((a, b) => a - b).map((p) => this.close(p));
    await Promise.all(closing);
    await this.sending;
    if (this.lingerFailure) throw this.lingerFailure;
  }

  private batchOf(partition: number, line: number): OpenBatch {
    let batch = this.open.get(partition);
    if (!batch) {
      batch = { events: [], firstLine: line };
      this.open.set(partition, batch);
      this.armLinger(partition, batch);
    }
    return batch;
  }

  private armLinger(partition: number, batch: OpenBatch): void {
    if (this.lingerMs > 0) batch.lingerTimer = setTimeout(() => this.lingerExpired(partition, batch), this.lingerMs).unref();
  }

  private lingerExpired(partition: number, batch: OpenBatch): void {
    if (this.open.get(partition) !== batch) return;
    // A reader held up by a full queue is not an idle input, and a send still waiting for room means
    // the queue is full: cutting batches then would only pile up small ones in memory (the reader
    // keeps reading a slow stream) and queue them all at once later. Looked at again a period later.
    if (this.readerBlocked > 0 || this.unsent > 0) return this.armLinger(partition, batch);
    this.close(partition).catch((err: Error) => {
      this.lingerFailure ??= err;
      this.onLingerFailure(err);
    });
  }

  /** Takes the partition's batch out now and queues its send behind every earlier one. */
  private close(partition: number): Promise<void> {
    const batch = this.open.get(partition);
    if (!batch) return this.sending;
    this.open.delete(partition);
    clearTimeout(batch.lingerTimer);
    this.unsent++;
    const sent = this.sending.then(() => this.send(batch.events, batch.firstLine)).finally(() => this.unsent--);
    // The chain continues past a failed send (its error reaches whoever awaits `sent`).
    this.sending = sent.catch(() => undefined);
    return sent;
  }
}
