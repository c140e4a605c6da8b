import fs from 'node:fs';
import path from 'node:path';
import { QueueEvents, type Job } from 'bullmq';
import { INGEST_QUEUE, ingestQueue, redisConnection, type IngestJob, type IngestResult } from '../queue/queues.js';
import { emptyCounts, submitInput, type Reject, type SubmitCounts } from './submit.js';

export interface IngestRunOptions {
  redisUrl: string;
  prefix: string;
  batchSize: number;
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

/** Files, and every file below a folder (sorted, so runs are repeatable); `-` is standard input. */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const stat = fs.statSync(input, { throwIfNoEntry: false });
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
  // Subscribed before the first job is added, so no completion can be missed.
  const events = opts.wait ? new QueueEvents(INGEST_QUEUE, { connection: redisConnection(opts.redisUrl), prefix: opts.prefix }) : undefined;
  const jobs: Job<IngestJob, IngestResult>[] = [];
  const counts = emptyCounts();
  try {
    await events?.waitUntilReady();
    for (const file of files) {
      await submitInput(file, {
        queue,
        batchSize: opts.batchSize,
        format: opts.format,
        hostName: opts.hostName,
        onReject: opts.onReject,
        onBatch: (job, c) => {
          if (opts.wait) jobs.push(job);
          opts.onProgress?.(c);
        },
      }, counts);
    }
    let failedBatches = 0;
    let findings = 0;
    if (events) {
      for (const job of jobs) {
        try {
          const result = await job.waitUntilFinished(events);
          findings += result.findings;
        } catch {
          failedBatches++;
        }
      }
    }
    return { ...counts, files: files.length, failedBatches, findings };
  } finally {
    await events?.close();
    await queue.close();
  }
}
