import type { Command } from 'commander';
import { migrate } from '../../graph/migrate.js';
import { withClient } from '../runtime.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply the graph schema (constraints and indexes); idempotent')
    .action(() =>
      withClient(async ({ driver, connections }) => {
        const applied = await migrate(driver, connections.neo4j.database);
        process.stdout.write(`applied: ${applied.join(', ')}\n`);
      }),
    );
}
