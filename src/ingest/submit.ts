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
}

export function emptyCounts(): SubmitCounts {
  return { records: 0, accepted: 0, skipped: 0, rejected: 0, batches: 0, skippedByReason: {} };
}

/**
 * Streams one input through its adapter onto the ingest queue in batches. Memory stays bounded by
 * one batch whatever the input size; every record ends up accepted, skipped (with a reason) or
 * rejected (reported with file, line and field).
 */
export async function submitInput(file: string, opts: SubmitOptions, counts: SubmitCounts = emptyCounts()): Promise<SubmitCounts> {
  // A zip archive is several inputs: each entry is detected, parsed and reported on its own.
  for (const input of await inputsOf(file)) await submitStream(await input.open(), input.name, opts, counts);
  return counts;
}

/** The same for an already open stream (an HTTP request body); `name` appears in rejects. */
export async function submitStream(input: Readable, file: string, opts: SubmitOptions, counts: SubmitCounts = emptyCounts()): Promise<SubmitCounts> {
  let batch: NormalizedEvent[] = [];
  let batchFirstLine = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    await waitForRoom(opts.queue, opts.maxWaitingBatches ?? 200);
    const batchId = crypto.randomUUID();
    const job = await enqueueBatch(opts.queue, { batchId, origin: file, firstLine: batchFirstLine, events: batch });
    counts.batches++;
    opts.onBatch?.(job, counts);
    batch = [];
  };

  for await (const outcome of parseInput(input, { fileName: file, format: opts.format, hostName: opts.hostName })) {
    counts.records++;
    if (outcome.outcome === 'rejected') {
      counts.rejected++;
      opts.onReject({ file, line: outcome.line, field: outcome.field, reason: outcome.reason });
    } else if (outcome.outcome === 'skipped') {
      counts.skipped++;
      counts.skippedByReason[outcome.reason] = (counts.skippedByReason[outcome.reason] ?? 0) + 1;
    } else {
      if (batch.length === 0) batchFirstLine = outcome.line;
      batch.push(...outcome.events);
      counts.accepted += outcome.events.length;
      if (batch.length >= opts.batchSize) await flush();
    }
  }
  await flush();
  return counts;
}

async function waitForRoom(queue: Queue, maxWaiting: number): Promise<void> {
  while ((await queuedBatches(queue)) > maxWaiting) await new Promise((r) => setTimeout(r, 200));
}
