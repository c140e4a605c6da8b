import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { hostKey } from '../../adapters/identity.js';
import { hunt } from '../../analytics/hunt.js';
import { parseDuration } from '../../analytics/tunables.js';
import { announceChange } from '../announceChange.js';
import { withClient } from '../runtime.js';
import { findingJson, formatFinding } from './findings.js';

interface HuntOptions {
  since?: string;
  until?: string;
  set: string[];
  host: string[];
  store?: boolean;
  json?: boolean;
}

export function registerHunt(program: Command): void {
  program
    .command('hunt')
    .description('run analytics over history with overridden tunables; reports without storing unless --store')
    .argument('<analytic>', "an analytic id (e.g. AN0862) or 'all'")
    .option('--since <time>', 'anchor events from this time: ISO 8601, or a duration back from now (30d)')
    .option('--until <time>', 'anchor events up to this time: ISO 8601, or a duration back from now')
    .option('--set <Name=Value>', 'override a tunable, e.g. TimeWindow=14d or ApprovedUpdateHosts=[a.com, b.net] (repeatable)', collect, [])
    .option('--host <name>', 'only this host (repeatable)', collect, [])
    .option('--store', 'also store the results as live findings')
    .option('--json', 'one JSON object per line, as findings --json')
    .action((analytic: string, opts: HuntOptions) =>
      withClient(async ({ driver, connections, config }) => {
        const findings = await hunt(
          driver,
          {
            analytics: analytic.toLowerCase() === 'all' ? 'all' : [analytic.toUpperCase()],
            since: opts.since ? parseTime(opts.since, '--since') : undefined,
            until: opts.until ? parseTime(opts.until, '--until') : undefined,
            hostIds: opts.host.length > 0 ? opts.host.map(hostKey) : undefined,
            overrides: Object.fromEntries(opts.set.map(parseSetting)),
            store: opts.store,
          },
          connections.neo4j.database,
        );
        // Stored findings change what findings pages show: running API processes must not answer from their cache.
        if (opts.store && findings.length > 0) await announceChange(connections.redis.url, config.queuePrefix);
        for (const f of findings) {
          const shown = { ...f, status: opts.store ? 'new' : 'hunt' };
          process.stdout.write(opts.json ? `${JSON.stringify(findingJson(shown))}\n` : formatFinding(shown));
        }
        if (!opts.json) process.stdout.write(`${findings.length} finding(s)${opts.store ? ' stored' : ' (not stored; --store keeps them)'}\n`);
      }),
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `Name=Value`, the value read as YAML so lists and durations need no extra quoting rules. */
export function parseSetting(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`--set ${text}: expected Name=Value, e.g. TimeWindow=14d`);
  const value = text.slice(eq + 1);
  try {
    return [text.slice(0, eq), parseYaml(value)];
  } catch {
    return [text.slice(0, eq), value];
  }
}

/** ISO 8601, or a duration meaning that long before now. */
export function parseTime(text: string, flag: string): number {
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ts = Date.parse(text);
    if (Number.isNaN(ts)) throw new Error(`${flag} ${text}: not a valid ISO 8601 time`);
    return ts;
  }
  try {
    return Date.now() - parseDuration(text);
  } catch {
    throw new Error(`${flag} ${text}: expected an ISO 8601 time (2026-11-01T00:00Z) or a duration back from now (30d)`);
  }
}
