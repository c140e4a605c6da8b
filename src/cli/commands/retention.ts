import type { Command } from 'commander';
import { parseDuration } from '../../analytics/tunables.js';
import { expireTelemetry } from '../../services/retentionService.js';
import { withClient } from '../runtime.js';

export function registerRetention(program: Command): void {
  program
    .command('expire')
    .description("delete telemetry older than a retention period, in batches; findings and their evidence are kept")
    .requiredOption('--older-than <duration>', 'e.g. 30d, 12w')
    .option('--batch <n>', 'rows per transaction', '10000')
    .action((opts: { olderThan: string; batch: string }) =>
      withClient(async ({ driver, connections }) => {
        const cutoff = Date.now() - parseDuration(opts.olderThan);
        const result = await expireTelemetry(driver, cutoff, Number(opts.batch) || 10_000, connections.neo4j.database);
        process.stderr.write(`expired ${result.events} events and ${result.processes} processes older than ${new Date(cutoff).toISOString()}\n`);
      }),
    );
}
