import os from 'node:os';
import type { Command } from 'commander';
import { findingStatuses, FindingsService, type FindingStatus } from '../../services/findingsService.js';
import { SuppressionsService, type SuppressionScope } from '../../services/suppressionsService.js';
import { announceChange } from '../announceChange.js';
import { withClient } from '../runtime.js';
import { findingJson } from './findings.js';

interface TriageOptions {
  status?: string;
  note?: string;
  suppress?: string;
  json?: boolean;
}

export function registerTriage(program: Command): void {
  program
    .command('triage')
    .description("set a finding's status (audited with your user name), or show its audit trail")
    .argument('<finding-id>', 'as printed by provhunt findings')
    .option('--status <status>', `one of ${findingStatuses.join(', ')}`)
    .option('--note <text>', 'why: kept in the audit trail')
    .option('--suppress <scope>', 'also suppress look-alikes, scoped by any of installer,signer,destination[=name],host (comma-separated)')
    .option('--json', 'print the finding and its audit trail as JSON')
    .action((id: string, opts: TriageOptions) =>
      withClient(async ({ driver, connections, config }) => {
        const service = new FindingsService(driver, connections.neo4j.database);
        const status = opts.status?.toLowerCase().replace(/[\s-]/g, '_') as FindingStatus | undefined;
        let finding;
        try {
          finding = status ? await service.setStatus(id, status, `cli:${os.userInfo().username}`, opts.note) : await service.get(id);
          if (!finding) throw new Error(`no finding with id '${id}' (provhunt findings lists them)`);
          if (opts.suppress) {
            const suppression = await new SuppressionsService(driver, connections.neo4j.database).createFromFinding(finding, parseScope(opts.suppress), `cli:${os.userInfo().username}`, opts.note);
            process.stderr.write(`suppression ${suppression.id}: ${finding.analytic} ${JSON.stringify({ installer: suppression.installer, signer: suppression.signer, destination: suppression.destination, host: suppression.hostId })}\n`);
          }
        } finally {
          // A status set before a failed suppression is saved too: announce whatever was written.
          if (status || opts.suppress) await announceChange(connections.redis.url, config.queuePrefix);
        }
        const history = await service.history(id);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...findingJson(finding), history: history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })) })}\n`);
          return;
        }
        process.stdout.write(`${finding.id}: ${finding.status}\n`);
        for (const h of history) process.stdout.write(`  ${new Date(h.at).toISOString()} ${h.actor} ${h.action} ${h.from ?? ''} -> ${h.to ?? ''}${h.note ? `: ${h.note}` : ''}\n`);
      }),
    );
}

/** `installer,signer,destination=cdn.example.net,host` → which facts scope a suppression. */
export function parseScope(text: string): SuppressionScope {
  const scope: SuppressionScope = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=', 2) as [string, string | undefined];
    if (name === 'destination') scope.destination = value ?? true;
    else if (name === 'installer' || name === 'signer' || name === 'host') scope[name] = true;
    else throw new Error(`--suppress: unknown scope '${name}' (use installer, signer, destination[=name], host)`);
  }
  return scope;
}
