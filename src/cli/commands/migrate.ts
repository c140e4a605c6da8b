import type { Command } from 'commander';
import { appliedMigrations, migrate } from '../../graph/migrate.js';
import { withClient } from '../runtime.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply the graph schema (constraints and indexes); idempotent')
    .action(() =>
      withClient(async ({ driver, connections }) => {
        const before = new Set(await appliedMigrations(driver, connections.neo4j.database));
        const now = (await migrate(driver, connections.neo4j.database)).filter((name) => !before.has(name));
        process.stdout.write(now.length > 0 ? `applied: ${now.join(', ')}\n` : `up to date (${before.size} migrations applied)\n`);
      }),
    );
}
