import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Job, Queue } from 'bullmq';
import type { NormalizedEvent } from '../model/event.js';
import { enqueueBatch, queuedBatches, type IngestJob, type IngestResult } from '../queue/queues.js';
import { inputsOf } from './openInput.js';
import { parseInput } from './parseInput.js';

export interface Reject {
  file: string;
  line: number;
  field?: string;
  reason: string;
}

export interface SubmitCounts {
  records: number;
  accepted: number;
  skipped: number;
  rejected: number;
  batches: number;
  skippedByReason: Record<string, number>;
}

export interface SubmitOptions {
  queue: Queue<IngestJob, IngestResult>;
  batchSize: number;
  format?: string;
  /** Host for logs that do not name their host (dpkg.log). */
  hostName?: string;
  onReject: (reject: Reject) => void;
  onBatch?: (job: Job<IngestJob, IngestResult>, counts: SubmitCounts) => void;
  /** Backpressure: pause reading while more than this many batches wait in the queue. */
  maxWaitingBatches?: number;
  /** Batches hold the events of one host partition each (default 1: input order); see partitionOf. */
  partitions?: number;
}

export function emptyCounts(): SubmitCounts {
  return { records: 0, accepted: 0, skipped: 0, rejected: 0, batches: 0, skippedByReason: {} };
}

/**
 * Streams one input through its adapter onto the ingest queue in batches. Memory stays bounded by
 * one pending batch per host partition (partitions x batch size) whatever the input size; every
 * record ends up accepted, skipped (with a reason) or rejected (reported with file, line and field).
 */
export async function submitInput(file: string, opts: SubmitOptions, counts: SubmitCounts = emptyCounts()): Promise<SubmitCounts> {
  // A zip archive is several inputs: each entry is detected, parsed and reported on its own.
  for (const input of await inputsOf(file)) await submitStream(await input.open(), input.name, opts, counts);
  return counts;
}

/** The same for an already open stream (an HTTP request body); `name` appears in rejects. */
export async function submitStream(input: Readable, file: string, opts: SubmitOptions, counts: SubmitCounts = emptyCounts()): Promise<SubmitCounts> {
  const partitions = opts.partitions ?? 1;
  const pending = new Map<number, { events: NormalizedEvent[]; firstLine: number }>();

  const flush = async (partition: number) => {
    const batch = pending.get(partition);
    if (!batch) return;
    pending.delete(partition);
    await waitForRoom(opts.queue, opts.maxWaitingBatches ?? 200);
    const batchId = crypto.randomUUID();
    const job = await enqueueBatch(opts.queue, { batchId, origin: file, firstLine: batch.firstLine, events: batch.events });
    counts.batches++;
    opts.onBatch?.(job, counts);
  };

  const flushAll = async () => {
    for (const partition of [...pending.keys()].sort((a, b) => a - b)) await flush(partition);
  };

  try {
    for await (const outcome of parseInput(input, { fileName: file, format: opts.format, hostName: opts.hostName })) {
      counts.records++;
      if (outcome.outcome === 'rejected') {
        counts.rejected++;
        opts.onReject({ file, line: outcome.line, field: outcome.field, reason: outcome.reason });
      } else if (outcome.outcome === 'skipped') {
        counts.skipped++;
        counts.skippedByReason[outcome.reason] = (counts.skippedByReason[outcome.reason] ?? 0) + 1;
      } else {
        const touched = new Set<number>();
        for (const event of outcome.events) {
          const partition = partitionOf(event.host.id, partitions);
          let batch = pending.get(partition);
          if (!batch) pending.set(partition, (batch = { events: [], firstLine: outcome.line }));
          batch.events.push(event);
          touched.add(partition);
        }
        counts.accepted += outcome.events.length;
        // A record's events stay in one batch per partition: flushed only after the whole record.
        for (const partition of touched) if (pending.get(partition)!.events.length >= opts.batchSize) await flush(partition);
      }
    }
  } catch (err) {
    // Accepted means queued: the partial batches go out before the error does (a broken gzip
    // stream, a body over its limit), so what a client was told was accepted is in the queue.
    await flushAll().catch(() => undefined);
    throw err;
  }
  await flushAll();
  return counts;
}

/**
 * Which of `partitions` batch streams a host's events travel in (FNV-1a of the host id). Two
 * workers writing batches of the same hosts wait on each other's locks on those hosts' processes
 * (a batch holds them until it commits: at 1M events, 391 of 1,235 samples of the transactions
 * found one blocked on `nodes/processes`, docs/benchmarks.md run s3); batches of disjoint hosts
 * share only content, address and domain nodes.
 */
export function partitionOf(hostId: string, partitions: number): number {
  if (partitions <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < hostId.length; i++) hash = Math.imul(hash ^ hostId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % partitions;
}

async function waitForRoom(queue: Queue, maxWaiting: number): Promise<void> {
  while ((await queuedBatches(queue)) > maxWaiting) await new Promise((r) => setTimeout(r, 200));
}
