import neo4j, { type Driver } from 'neo4j-driver';
import { currentPlanGeneration, detectionCypher } from './planGenerations.js';
import { tunableOf, type Analytic } from './catalog.js';
import { toFinding, type AnalyticMatch, type Finding } from './findings.js';
import { convertTunable } from './tunables.js';
import { configuredTuning, storedTuning } from './tuning.js';
import { catalogValues } from './vendorCatalog.js';

export interface EvaluationScope {
  /** Bounds on the anchor event's time (epoch ms). */
  since: number;
  until: number;
  /** Restricts a window scan to these hosts; undefined means the whole fleet. */
  hostIds?: string[];
  /** The anchors to evaluate (File or Process uids, by the analytic's anchor kind); undefined scans the window. */
  anchorUids?: string[];
  /** Tunable overrides by the seeds' names, e.g. { TimeWindow: '14d' }. */
  overrides?: Record<string, unknown>;
}

/**
 * Anchors per chain query: bounds one query's memory whatever a retro-hunt's range. The anchors
 * travel inside a map ($anchors.uids): Neo4j plans a top-level list parameter once per size bucket
 * (0, 1, 2-10, 11-100, ...; 1.3-1.8 s per chain query here), a list inside a map once for every size.
 */
const ANCHORS_PER_QUERY = 2_000;


export type TunableSource = 'override' | 'api' | 'file' | 'catalog' | 'default';

/**
 * The value of every tunable, by the seeds' names, and where it came from: an override (a hunt's
 * --set) wins over a value set through the API, which wins over the tuning file (PROVHUNT_CONFIG),
 * which wins over the default; a list default also includes the vendor catalog's values when the
 * tunable names a catalog field.
 */
export function resolvedTunables(analytic: Analytic, overrides: Record<string, unknown> = {}): Record<string, { value: unknown; source: TunableSource }> {
  for (const name of Object.keys(overrides)) tunableOf(analytic, name);
  const fromApi = storedTuning()[analytic.id] ?? {};
  const fromFile = configuredTuning()[analytic.id] ?? {};
  const resolved: Record<string, { value: unknown; source: TunableSource }> = {};
  for (const [name, tunable] of Object.entries(analytic.tunables)) {
    if (name in overrides) resolved[name] = { value: overrides[name], source: 'override' };
    else if (name in fromApi) resolved[name] = { value: fromApi[name], source: 'api' };
    else if (name in fromFile) resolved[name] = { value: fromFile[name], source: 'file' };
    else if (tunable.catalog && Array.isArray(tunable.default)) {
      resolved[name] = { value: [...new Set([...(tunable.default as unknown[]), ...catalogValues(tunable.catalog, analytic.platforms)])], source: 'catalog' };
    } else resolved[name] = { value: tunable.default, source: 'default' };
  }
  return resolved;
}

export function effectiveTunables(analytic: Analytic, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resolvedTunables(analytic, overrides)).map(([name, r]) => [name, r.value]));
}

/** Tunable values with overrides applied, as query parameters. */
export function analyticParams(analytic: Analytic, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(effectiveTunables(analytic, overrides))) {
    const tunable = analytic.tunables[name]!;
    const converted = convertTunable(value, tunable, name);
    params[tunable.param] = typeof converted === 'number' ? neo4j.int(converted) : converted;
  }
  return params;
}

/** How far from a batch's events an anchor can be and still have its chain changed by them. */
export function reachMs(params: Record<string, unknown>): number {
  return Number(params.windowMs ?? 0) + Number(params.skewMs ?? 0);
}

/** The anchors of an analytic within a time range (and hosts): what a retro-hunt walks. */
export async function anchorsInWindow(driver: Driver, analytic: Analytic, scope: EvaluationScope, database?: string, generation = currentPlanGeneration()): Promise<string[]> {
  const { text, params } = anchorsQuery(analytic, scope, generation);
  const { records } = await driver.executeQuery(text, params, { database, routing: 'READ' });
  return records.map((r) => r.get('uid') as string);
}

/** The window scan's statement and parameters for an analytic's anchor kind. */
export function anchorsQuery(analytic: Analytic, scope: EvaluationScope, generation = currentPlanGeneration()): { text: string; params: Record<string, unknown> } {
  const params = { since: neo4j.int(scope.since), until: neo4j.int(scope.until), scope: { hostIds: scope.hostIds ?? null }, imageNames: analytic.anchor.imageNames };
  const query = analytic.anchor.kind === 'file' ? 'analytics/_shared/file-anchors-in-window' : 'analytics/_shared/process-anchors-in-window';
  return { text: detectionCypher(query, generation), params };
}

/** Runs an analytic's chain query over a scope (its anchors, or a window scan) and returns scored findings (not yet stored). */
export async function evaluateAnalytic(driver: Driver, analytic: Analytic, scope: EvaluationScope, database?: string): Promise<Finding[]> {
  const anchors = scope.anchorUids ?? (await anchorsInWindow(driver, analytic, scope, database));
  return evaluateAnchors(driver, analytic, analyticParams(analytic, scope.overrides), scope, anchors, database);
}

/** The chain query over given anchors with already-resolved tunable parameters, in chunks. */
export async function evaluateAnchors(
  driver: Driver,
  analytic: Analytic,
  tunableParams: Record<string, unknown>,
  bounds: { since: number; until: number },
  anchors: string[],
  database?: string,
  anchorsPerQuery = ANCHORS_PER_QUERY,
): Promise<Finding[]> {
  const params = { ...tunableParams, since: neo4j.int(bounds.since), until: neo4j.int(bounds.until) };
  const findings: Finding[] = [];
  for (let i = 0; i < anchors.length; i += anchorsPerQuery) {
    const { records } = await driver.executeQuery(
      detectionCypher(`analytics/${analytic.dir}/${analytic.queries.chain}`),
      { ...params, anchors: { uids: anchors.slice(i, i + anchorsPerQuery) } },
      { database, routing: 'READ' },
    );
    for (const r of records) findings.push(toFinding(analytic, r.toObject() as unknown as AnalyticMatch));
  }
  return strongestById(findings);
}

/** One finding per id: anchors of one chain can fall into different chunks (msiexec client and server). */
function strongestById(findings: Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const seen = byId.get(f.id);
    if (!seen || f.score > seen.score || (f.score === seen.score && f.evidence.length > seen.evidence.length)) byId.set(f.id, f);
  }
  return [...byId.values()];
}
