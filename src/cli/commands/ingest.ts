import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { ingestFiles } from '../../ingest/ingestFiles.js';
import type { Reject, SubmitCounts } from '../../ingest/submit.js';
import { resolveConnections } from '../../stack/stack.js';

interface IngestOptions {
  format?: string;
  host?: string;
  wait?: boolean;
  rejects?: string;
  batchSize?: string;
  partitions?: string;
  lingerMs?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('load telemetry files (or folders, or - for stdin) into the graph through the ingest queue')
    .argument('<paths...>', "files, folders, quoted globs ('logs/**/*.jsonl.gz'), or - for standard input")
    .option('--format <format>', 'skip auto-detection (e.g. sysmon)')
    .option('--host <name>', 'host the input came from, for logs that do not name it (dpkg.log, apt history.log, raw eslogger captures)')
    .option('--wait', 'return when everything submitted is in the graph and analysed')
    .option('--rejects <file>', 'where to write the rejects report (default: provhunt-rejects-<time>.ndjson)')
    .option('--batch-size <n>', 'events per queued batch')
    .option('--partitions <n>', 'host partitions, 1-64: each batch holds one partition\'s hosts, so workers mostly write different hosts (default PROVHUNT_BATCH_PARTITIONS, 4)')
    .option('--linger-ms <ms>', 'queue a partial batch of standard input once it is this old, so a live stream (tail -F ... | provhunt ingest -) reaches the graph while it runs; 0 waits for a full batch (default PROVHUNT_BATCH_LINGER_MS, 1000)')
    .action(async (paths: string[], opts: IngestOptions) => {
      const config = loadConfig();
      if (opts.partitions !== undefined && !/^([1-9]|[1-5]\d|6[0-4])$/.test(opts.partitions)) throw new Error(`--partitions: expected a whole number from 1 to 64, got "${opts.partitions}"`);
      if (opts.lingerMs !== undefined && !(/^\d{1,6}$/.test(opts.lingerMs) && Number(opts.lingerMs) <= 600_000)) throw new Error(`--linger-ms: expected a whole number of milliseconds from 0 to 600000, got "${opts.lingerMs}"`);
      const connections = resolveConnections(config);
      const rejectsFile = opts.rejects ?? `provhunt-rejects-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson`;
      const rejects = new RejectsReport(rejectsFile);
      const rejectReasons = new ReasonTally();
      const started = Date.now();
      const progress = process.stderr.isTTY ? (c: SubmitCounts) => showProgress(c, started) : undefined;
      const result = await ingestFiles(paths, {
        redisUrl: connections.redis.url,
        prefix: config.queuePrefix,
        batchSize: opts.batchSize ? Number(opts.batchSize) : config.ingest.batchSize,
        partitions: opts.partitions ? Number(opts.partitions) : config.ingest.partitions,
        lingerMs: opts.lingerMs !== undefined ? Number(opts.lingerMs) : config.ingest.lingerMs,
        format: opts.format,
        hostName: opts.host,
        wait: !!opts.wait,
        onReject: (r) => (rejects.add(r), rejectReasons.add(r)),
        onProgress: progress,
      });
      await rejects.close();
      if (progress) process.stderr.write('\n');
      const seconds = (Date.now() - started) / 1000;
      const summary = [
        `files ${result.files}`,
        `records ${result.records}`,
        `accepted ${result.accepted} events`,
        `skipped ${result.skipped}`,
        `rejected ${result.rejected}`,
        `batches ${result.batches}`,
        opts.wait ? `failed batches ${result.failedBatches}` : 'queued (use --wait to wait for the graph)',
        opts.wait ? `findings touched ${result.findings}` : undefined,
        `${seconds.toFixed(1)} s`,
      ].filter(Boolean);
      process.stderr.write(`provhunt ingest: ${summary.join(', ')}\n`);
      for (const [reason, n] of Object.entries(result.skippedByReason)) process.stderr.write(`  skipped ${n}: ${reason}\n`);
      // The commonest reasons here, so a log ingested without --host says so without opening the report.
      for (const line of rejectReasons.top(3)) process.stderr.write(`  rejected ${line}\n`);
      if (result.rejected > 0) process.stderr.write(`  rejects report: ${rejectsFile}\n`);
      if (result.rejected > 0 || result.failedBatches > 0) process.exitCode = 1;
    });
}

function showProgress(c: SubmitCounts, started: number): void {
  const rate = c.accepted / Math.max(0.001, (Date.now() - started) / 1000);
  process.stderr.write(`\r${c.accepted} events, ${c.rejected} rejected, ${c.batches} batches, ${Math.round(rate)} events/s   `);
}

/** Rejected lines as NDJSON (file, line, field, reason); the file is created only when needed. */
class RejectsReport {
  private stream?: fs.WriteStream;
  constructor(private readonly file: string) {}

  add(reject: Reject): void {
    this.stream ??= fs.createWriteStream(this.file);
    this.stream.write(`${JSON.stringify(reject)}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.stream ? this.stream.end(resolve) : resolve()));
  }
}

/** Reject counts by reason (a bounded number of distinct reasons), each with its first place. */
class ReasonTally {
  private readonly byReason = new Map<string, { n: number; first: string }>();
  private other = 0;

  add(r: Reject): void {
    const key = r.field ? `${r.field}: ${r.reason}` : r.reason;
    const seen = this.byReason.get(key);
    if (seen) seen.n++;
    else if (this.byReason.size < 100) this.byReason.set(key, { n: 1, first: `${r.file}:${r.line}` });
    else this.other++;
  }

  top(count: number): string[] {
    const sorted = [...this.byReason.entries()].sort((a, b) => b[1].n - a[1].n);
    const lines = sorted.slice(0, count).map(([reason, { n, first }]) => `${n}: ${reason} (first at ${first})`);
    const rest = sorted.slice(count).reduce((sum, [, v]) => sum + v.n, 0) + this.other;
    return rest > 0 && lines.length > 0 ? [...lines, `${rest}: other reasons (see the report)`] : lines;
  }
}
