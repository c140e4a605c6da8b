import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher.js';
import type { Analytic } from './catalog.js';
import { toFinding, type AnalyticMatch, type Finding } from './findings.js';
import { toParam, type Transform } from './tunables.js';

export interface EvaluationScope {
  /** Bounds on the anchor event's time (epoch ms). */
  since: number;
  until: number;
  /** Restricts to these hosts; undefined means the whole fleet. */
  hostIds?: string[];
  /** Tunable overrides by the seeds' names, e.g. { TimeWindow: '14d' }. */
  overrides?: Record<string, unknown>;
}

/** Tunable values with overrides applied, as query parameters. */
export function analyticParams(analytic: Analytic, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  for (const name of Object.keys(overrides)) {
    if (!(name in analytic.tunables)) throw new Error(`${analytic.id} has no tunable '${name}' (has: ${Object.keys(analytic.tunables).join(', ')})`);
  }
  const params: Record<string, unknown> = {};
  for (const [name, tunable] of Object.entries(analytic.tunables)) {
    const value = toParam(overrides[name] ?? tunable.default, tunable.as as Transform, name);
    params[tunable.param] = typeof value === 'number' ? neo4j.int(value) : value;
  }
  return params;
}

/** Runs an analytic's chain query over a scope and returns scored findings (not yet stored). */
export async function evaluateAnalytic(driver: Driver, analytic: Analytic, scope: EvaluationScope, database?: string): Promise<Finding[]> {
  const params = {
    ...analyticParams(analytic, scope.overrides),
    since: neo4j.int(scope.since),
    until: neo4j.int(scope.until),
    hostIds: scope.hostIds ?? null,
  };
  const { records } = await driver.executeQuery(cypher(`analytics/${analytic.dir}/${analytic.queries.chain}`), params, {
    database,
    routing: 'READ',
  });
  return records.map((r) => toFinding(analytic, r.toObject() as unknown as AnalyticMatch));
}
