import os from 'node:os';
import type { Command } from 'commander';
import { SuppressionsService } from '../../services/suppressionsService.js';
import { announceChange } from '../announceChange.js';
import { withClient } from '../runtime.js';

export function registerSuppressions(program: Command): void {
  const command = program.command('suppressions').description('list or remove scoped suppressions (made with triage --suppress)');
  command
    .command('list', { isDefault: true })
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }) =>
      withClient(async ({ driver, connections }) => {
        for (const s of await new SuppressionsService(driver, connections.neo4j.database).list()) {
          const line = opts.json
            ? JSON.stringify({ ...s, createdAt: new Date(s.createdAt).toISOString() })
            : `${s.id} ${s.analytic} installer=${s.installer ?? '*'} signer=${s.signer ?? '*'} destination=${s.destination ?? '*'} host=${s.hostId ?? '*'} hits=${s.hits} by ${s.createdBy}${s.note ? `: ${s.note}` : ''}`;
          process.stdout.write(`${line}\n`);
        }
      }),
    );
  command
    .command('remove')
    .argument('<id>', 'as printed by suppressions list')
    .description('remove a suppression; the findings it held back become new again')
    .action((id: string) =>
      withClient(async ({ driver, connections, config }) => {
        const result = await new SuppressionsService(driver, connections.neo4j.database).remove(id, `cli:${os.userInfo().username}`);
        if (!result.removed) throw new Error(`no suppression with id '${id}'`);
        await announceChange(connections.redis.url, config.queuePrefix);
        process.stdout.write(`removed ${id}; reopened ${result.reopened} finding(s)\n`);
      }),
    );
}
