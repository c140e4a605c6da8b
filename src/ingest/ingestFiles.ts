import fs from 'node:fs';
import path from 'node:path';
import { expandGlob, isGlob } from './globInputs.js';
import { ingestQueue } from '../queue/queues.js';
import { BatchTracker } from './batchTracker.js';
import { emptyCounts, submitInput, type Reject, type SubmitCounts } from './submit.js';

export interface IngestRunOptions {
  redisUrl: string;
  prefix: string;
  batchSize: number;
  /** Host partitions (src/ingest/submit.ts partitionOf); 1 keeps input order in every batch. */
  partitions?: number;
  /** How long a partial batch of a slow input (stdin) waits for more events; 0: until full or the end. */
  lingerMs?: number;
  format?: string;
  /** Host for logs that do not name their host (dpkg.log). */
  hostName?: string;
  /** Return only when every batch is written and its analytics have run. */
  wait: boolean;
  onReject: (reject: Reject) => void;
  onProgress?: (counts: SubmitCounts) => void;
}

export interface IngestRunResult extends SubmitCounts {
  files: number;
  /** Batches that failed even after retries (they are in the dead-letter queue); only known with wait. */
  failedBatches: number;
  findings: number;
}

/**
 * Files, every file below a folder, and the files a quoted glob matches (each sorted, so runs are
 * repeatable); `-` is standard input.
 */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (!stat && isGlob(input)) {
      const matched = expandGlob(input);
      if (matched.length === 0) throw new Error(`${input}: no file matches this pattern`);
      files.push(...matched);
      continue;
    }
    if (!stat) throw new Error(`${input}: no such file or folder`);
    if (stat.isDirectory()) {
      const below = fs.readdirSync(input, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => path.join(d.parentPath, d.name))
        .sort();
      files.push(...below);
    } else files.push(input);
  }
  return files;
}

export async function ingestFiles(inputs: string[], opts: IngestRunOptions): Promise<IngestRunResult> {
  const files = expandInputs(inputs);
  const queue = ingestQueue(opts.redisUrl, opts.prefix);
  const tracker = opts.wait ? new BatchTracker(opts.redisUrl, opts.prefix, queue) : undefined;
  const counts = emptyCounts();
  try {
    await tracker?.ready();
    for (const file of files) {
      await submitInput(file, {
        queue,
        batchSize: opts.batchSize,
        partitions: opts.partitions,
        lingerMs: opts.lingerMs,
        format: opts.format,
        hostName: opts.hostName,
        onReject: opts.onReject,
        onBatch: (job, c) => {
          tracker?.track(job.id!);
          opts.onProgress?.(c);
        },
      }, counts);
    }
    const done = tracker ? await tracker.allDone() : { failed: 0, findings: 0 };
    return { ...counts, files: files.length, failedBatches: done.failed, findings: done.findings };
  } finally {
    await tracker?.close();
    await queue.close();
  }
}
