import type { Command } from 'commander';
import type { Severity } from '../../analytics/findings.js';
import { FindingsService, NEWEST_FIRST, type FindingFilter, type FindingOrder, type FindingStatus, type StoredFinding } from '../../services/findingsService.js';
import { withClient } from '../runtime.js';

interface FindingsOptions {
  json?: boolean;
  analytic?: string;
  host?: string;
  severity?: string;
  status?: string;
  since?: string;
  until?: string;
  text?: string;
  order?: string;
  limit: string;
}

export function registerFindings(program: Command): void {
  program
    .command('findings')
    .description('print findings, newest activity first')
    .option('--json', 'one JSON object per line')
    .option('--analytic <id>', 'only this analytic, e.g. AN0862')
    .option('--host <name>', 'only this host: its name in any case, or its first label (ws-fin-042)')
    .option('--severity <level>', 'low, medium, high or critical')
    .option('--status <status>', 'new, acknowledged, false_positive, resolved or suppressed (default: all but suppressed)')
    .option('--since <time>', 'only findings active at or after this ISO 8601 time')
    .option('--until <time>', 'only findings active at or before this ISO 8601 time')
    .option('--text <text>', 'only findings whose text or evidence contains this (any case), e.g. a path or command-line fragment')
    .option('--order <field[:asc|desc]>', 'lastSeen (default), firstSeen or score; desc unless :asc')
    .option('--limit <n>', 'at most this many', '100')
    .action((opts: FindingsOptions) =>
      withClient(async ({ driver, connections }) => {
        const service = new FindingsService(driver, connections.neo4j.database);
        const filter = filterOf(opts);
        const page = await service.list(filter, Math.max(1, Number(opts.limit) || 100), undefined, orderOf(opts.order));
        for (const finding of page.items) process.stdout.write(opts.json ? `${JSON.stringify(findingJson(finding))}\n` : formatFinding(finding));
        if (!opts.json) process.stdout.write(`${page.total ?? (await service.count(filter))} finding(s)\n`);
      }),
    );
}

function filterOf(opts: FindingsOptions): FindingFilter {
  const since = opts.since === undefined ? undefined : timeOption('--since', opts.since);
  const until = opts.until === undefined ? undefined : timeOption('--until', opts.until);
  if (since !== undefined && until !== undefined && since > until) throw new Error('--since must not be after --until');
  return {
    analytic: opts.analytic?.toUpperCase(),
    hostName: opts.host,
    severity: opts.severity?.toLowerCase() as Severity | undefined,
    status: opts.status?.toLowerCase().replace(/[\s-]/g, '_') as FindingStatus | undefined,
    since,
    until,
    text: opts.text?.trim() || undefined,
  };
}

function timeOption(name: string, value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`${name} must be an ISO 8601 time, e.g. 2026-11-01T00:00:00Z, got '${value}'`);
  return ms;
}

function orderOf(option: string | undefined): FindingOrder {
  if (!option) return NEWEST_FIRST;
  const [field, direction = 'desc'] = option.split(':');
  if (!['lastSeen', 'firstSeen', 'score'].includes(field!) || !['asc', 'desc'].includes(direction)) {
    throw new Error(`--order must be lastSeen, firstSeen or score, optionally with :asc or :desc, got '${option}'`);
  }
  return { field: field as FindingOrder['field'], descending: direction === 'desc' };
}

/** What the CLI prints: a stored finding, or a hunt's result (status 'hunt': not stored). */
type PrintableFinding = Omit<StoredFinding, 'status'> & { status: string };

/** The line format shared by `findings --json` and `hunt --json`. */
export function findingJson(f: PrintableFinding) {
  return {
    id: f.id,
    analytic: f.analytic,
    host: f.hostName,
    severity: f.severity,
    score: f.score,
    status: f.status,
    firstSeen: new Date(f.firstSeen).toISOString(),
    lastSeen: new Date(f.lastSeen).toISOString(),
    reasons: f.reasons,
    evidence: f.evidence.map((e) => ({ ...e, ts: e.ts === null ? null : new Date(e.ts).toISOString() })),
  };
}

export function formatFinding(f: PrintableFinding): string {
  const lines = [`${f.severity.toUpperCase()} ${f.score} ${f.analytic} on ${f.hostName} (${f.id}, ${f.status})`];
  for (const reason of f.reasons) lines.push(`  - ${reason}`);
  for (const e of f.evidence) lines.push(`    [${e.stage}] ${e.role.padEnd(16)} ${e.ts === null ? '' : new Date(e.ts).toISOString()} ${e.label}`);
  return `${lines.join('\n')}\n`;
}
