#!/usr/bin/env node
import { Command } from 'commander';
import { registerApi } from './commands/api.js';
import { registerDlq } from './commands/dlq.js';
import { registerFindings } from './commands/findings.js';
import { registerHunt } from './commands/hunt.js';
import { registerIngest } from './commands/ingest.js';
import { registerKeys } from './commands/keys.js';
import { registerMigrate } from './commands/migrate.js';
import { registerRetention } from './commands/retention.js';
import { registerTriage } from './commands/triage.js';
import { registerSuppressions } from './commands/suppressions.js';
import { registerStart } from './commands/start.js';
import { exitQuietlyWhenStdoutCloses } from './closedStdout.js';

exitQuietlyWhenStdoutCloses();

const program = new Command('provhunt')
  .description('Find compromised software installs and updates in a provenance graph (MITRE DET0309)')
  .showHelpAfterError();

registerStart(program);
registerIngest(program);
registerFindings(program);
registerHunt(program);
registerTriage(program);
registerSuppressions(program);
registerMigrate(program);
registerApi(program);
registerKeys(program);
registerDlq(program);
registerRetention(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Expected failures (bad config, stack not running, bad input) get one clear line, not a stack trace.
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = process.exitCode || 1;
}
