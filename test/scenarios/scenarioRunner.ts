import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import os from 'node:os';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadTuningFile, setConfiguredTuning } from '../../src/analytics/tuning.js';
import { z } from 'zod';
import { projectRoot } from '../../src/config/paths.js';
import { detectAfterBatch } from '../../src/analytics/detector.js';
import type { Finding } from '../../src/analytics/findings.js';
import { hunt } from '../../src/analytics/hunt.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { openInput } from '../../src/ingest/openInput.js';
import { parseInput } from '../../src/ingest/parseInput.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { FindingsService, type StoredFinding } from '../../src/services/findingsService.js';

/**
 * A scenario is a folder: telemetry files in any supported format plus scenario.yaml saying how
 * to deliver them and what the analytics must (and must not) find. See test/scenarios/README.md.
 */
const expectationSchema = z.object({
  analytic: z.string(),
  host: z.string(),
  /** Signals the finding must carry (it may carry more). */
  signals: z.array(z.string()).default([]),
  minScore: z.number().default(0),
  /** How many findings of this analytic on this host; default: at least one. */
  count: z.number().optional(),
});

const scenarioSchema = z.object({
  description: z.string(),
  references: z.array(z.string()).default([]),
  kind: z.enum(['attack', 'benign']),
  /** A tuning file's content (as PROVHUNT_CONFIG would hold) in force while the scenario runs. */
  tuning: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  inputs: z.record(z.string(), z.object({ format: z.string().optional(), host: z.string().optional() })).default({}),
  delivery: z.object({ order: z.enum(['as-is', 'reversed', 'interleaved']).default('as-is'), batchSize: z.number().int().positive().default(1000) }).default({ order: 'as-is', batchSize: 1000 }),
  expect: z.array(expectationSchema).default([]),
  /** Analytics that must find nothing live ('all' for every analytic). */
  absent: z.union([z.literal('all'), z.array(z.string())]).default([]),
  hunts: z
    .array(z.object({ analytic: z.string(), set: z.record(z.string(), z.unknown()).default({}), expect: z.array(expectationSchema).default([]), absent: z.boolean().default(false) }))
    .default([]),
});

export type Scenario = z.infer<typeof scenarioSchema> & { name: string; dir: string };
export type Expectation = z.infer<typeof expectationSchema>;

// From the project root, so the compiled copy (dist/, used by bench/detect) finds the same corpus.
export const scenariosRoot = path.join(projectRoot, 'test', 'scenarios');

export function loadScenarios(): Scenario[] {
  return fs
    .readdirSync(scenariosRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((d) => {
      const dir = path.join(scenariosRoot, d.name);
      const file = path.join(dir, 'scenario.yaml');
      const parsed = scenarioSchema.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { ...parsed.data, name: d.name, dir };
    });
}

/** Parses every telemetry file of a scenario; any rejected line fails the scenario (fixtures must be clean). */
export async function scenarioEvents(scenario: Scenario): Promise<NormalizedEvent[][]> {
  const perFile: NormalizedEvent[][] = [];
  const files = fs.readdirSync(scenario.dir).filter((f) => f !== 'scenario.yaml' && !f.endsWith('.spec') && !f.startsWith('.')).sort();
  for (const name of files) {
    const opts = scenario.inputs[name] ?? {};
    const events: NormalizedEvent[] = [];
    for await (const outcome of parseInput(await openInput(path.join(scenario.dir, name)), { fileName: name, format: opts.format, hostName: opts.host })) {
      if (outcome.outcome === 'rejected') throw new Error(`${scenario.name}/${name}:${outcome.line}: rejected: ${outcome.reason}`);
      if (outcome.outcome === 'events') events.push(...outcome.events);
    }
    perFile.push(events);
  }
  return perFile;
}

/** Orders events as the scenario's delivery says: files as-is, each reversed, or files interleaved round-robin. */
export function deliveryOrder(perFile: NormalizedEvent[][], order: Scenario['delivery']['order']): NormalizedEvent[] {
  if (order === 'as-is') return perFile.flat();
  if (order === 'reversed') return perFile.flatMap((events) => [...events].reverse());
  const out: NormalizedEvent[] = [];
  for (let i = 0; out.length < perFile.reduce((n, f) => n + f.length, 0); i++) for (const f of perFile) if (i < f.length) out.push(f[i]!);
  return out;
}

/** Delivers a scenario batch by batch exactly as a worker does: write, then detect on what the batch touched. */
export async function runScenario(driver: Driver, scenario: Scenario): Promise<StoredFinding[]> {
  const events = deliveryOrder(await scenarioEvents(scenario), scenario.delivery.order);
  for (let i = 0; i < events.length; i += scenario.delivery.batchSize) {
    const batch = events.slice(i, i + scenario.delivery.batchSize);
    const plan = await writeEvents(driver, batch);
    await detectAfterBatch(driver, batch, undefined, plan);
  }
  return (await new FindingsService(driver).list({}, 1000)).items;
}

/** Puts a scenario's tuning in force through a real tuning file (validated as PROVHUNT_CONFIG is). */
export function applyTuning(scenario: Scenario): void {
  if (!scenario.tuning) return setConfiguredTuning(undefined);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scenario-tuning-')), `${scenario.name}.yaml`);
  fs.writeFileSync(file, stringifyYaml(scenario.tuning));
  setConfiguredTuning(loadTuningFile(file));
}

export function runHunt(driver: Driver, analytic: string, set: Record<string, unknown>): Promise<Finding[]> {
  return hunt(driver, { analytics: [analytic], overrides: set });
}

/** Why a set of findings does not meet an expectation, or undefined when it does. */
export function unmet(findings: Array<Pick<Finding, 'analytic' | 'hostName' | 'signals' | 'score'>>, e: Expectation): string | undefined {
  const matching = findings.filter((f) => f.analytic === e.analytic && f.hostName.toLowerCase() === e.host.toLowerCase());
  if (e.count === 0 && matching.length === 0) return undefined;
  if (e.count !== undefined && matching.length !== e.count) return `expected ${e.count} ${e.analytic} finding(s) on ${e.host}, got ${matching.length}`;
  if (matching.length === 0) return `no ${e.analytic} finding on ${e.host} (findings: ${describe(findings)})`;
  const good = matching.find((f) => e.signals.every((s) => f.signals.includes(s)) && f.score >= e.minScore);
  if (!good) return `${e.analytic} on ${e.host} lacks signals [${e.signals.join(', ')}] or score >= ${e.minScore} (got ${describe(matching)})`;
  return undefined;
}

export function describe(findings: Array<Pick<Finding, 'analytic' | 'hostName' | 'signals' | 'score'>>): string {
  return findings.length === 0 ? 'none' : findings.map((f) => `${f.analytic}@${f.hostName}[${f.signals.join(',')}]=${f.score}`).join('; ');
}
