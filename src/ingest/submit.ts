import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Job, Queue } from 'bullmq';
import type { NormalizedEvent } from '../model/event.js';
import { enqueueBatch, queuedBatches, type IngestJob, type IngestResult } from '../queue/queues.js';
import { inputsOf } from './openInput.js';
import { parseInput } from './parseInput.js';
import { PendingBatches } from './pendingBatches.js';

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
  /** A partial batch is queued after waiting this long for more events (0: only when full or at the end). */
  lingerMs?: number;
  /** The input is live (stdin, a stream, an upload; default) rather than a file: see parseInput's `live`. */
  live?: boolean;
}

/** How long a partial batch waits for more events by default (PROVHUNT_BATCH_LINGER_MS). */
export const DEFAULT_LINGER_MS = 1000;

export function emptyCounts(): SubmitCounts {
  return { records: 0, accepted: 0, skipped: 0, rejected: 0, batches: 0, skippedByReason: {} };
}

/**
 * Streams one input through its adapter onto the ingest queue in batches. Memory stays bounded by
 * one open batch per host partition plus the one being queued, whatever the input size, and a
 * live input's partial batch is queued once `lingerMs` old (src/ingest/pendingBatches.ts); every
 * record ends up accepted, skipped (with a reason) or rejected (reported with file, line and field).
 */
export async function submitInput(file: string, opts: SubmitOptions, counts: SubmitCounts = emptyCounts()): Promise<SubmitCounts> {
  // A zip archive is several inputs: each entry is detected, parsed and reported on its own.
  // A file is read as fast as the queue takes it, so only a live input needs its batches cut by time.
  for (const input of await inputsOf(file)) await submitStream(await input.open(), input.name, input.live ? opts : { ...opts, lingerMs: 0, live: false }, counts);
  return counts;
}

/** The same for an already open stream (an HTTP request body); `name` appears in rejects. */
export async function submitStream(input: Readable, file: string, opts: SubmitOptions, counts: SubmitCounts = emptyCounts()): Promise<SubmitCounts> {
  const partitions = opts.partitions ?? 1;
  const send = async (events: NormalizedEvent[], firstLine: number) => {
    await waitForRoom(opts.queue, opts.maxWaitingBatches ?? 200);
    const job = await enqueueBatch(opts.queue, { batchId: crypto.randomUUID(), origin: file, firstLine, events });
    counts.batches++;
    opts.onBatch?.(job, counts);
  };
  // A linger send that fails while the input is idle ends the read with its error.
  const batches = new PendingBatches(send, opts.batchSize, opts.lingerMs ?? DEFAULT_LINGER_MS, (err) => input.destroy(err));

  try {
    for await (const outcome of parseInput(input, { fileName: file, format: opts.format, hostName: opts.hostName, live: opts.live ?? true })) {
      counts.records++;
      if (outcome.outcome === 'rejected') {
        counts.rejected++;
        opts.onReject({ file, line: outcome.line, field: outcome.field, reason: outcome.reason });
      } else if (outcome.outcome === 'skipped') {
        counts.skipped++;
        counts.skippedByReason[outcome.reason] = (counts.skippedByReason[outcome.reason] ?? 0) + 1;
      } else {
        counts.accepted += outcome.events.length;
        await batches.addRecord(outcome.events.map((event) => ({ partition: partitionOf(event.host.id, partitions), event })), outcome.line);
      }
    }
  } catch (err) {
    // Accepted means queued: the partial batches go out before the error does (a broken gzip
    // stream, a body over its limit), so what a client was told was accepted is in the queue.
    await batches.flushAll().catch(() => undefined);
    throw err;
  }
  await batches.flushAll();
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
