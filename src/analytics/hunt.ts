import type { Driver } from 'neo4j-driver';
import { FindingsService } from '../services/findingsService.js';
import { TuningService } from '../services/tuningService.js';
import { analyticById, loadCatalog, type Analytic } from './catalog.js';
import { evaluateAnalytic } from './evaluate.js';
import type { Finding } from './findings.js';

export interface HuntRequest {
  /** Analytic ids, or 'all'. */
  analytics: string[] | 'all';
  /** Anchor time range (epoch ms); open ends cover all history. */
  since?: number;
  until?: number;
  hostIds?: string[];
  /** Tunable overrides by the seeds' names, applied to every analytic that has them. */
  overrides?: Record<string, unknown>;
  /** Store the findings as live ones; by default a hunt only reports. */
  store?: boolean;
}

/**
 * A retro-hunt: analytics over a time range of history with overridden tunables (e.g. a 14-day
 * TimeWindow for a SUNBURST-style delayed beacon). Results are reported, not stored, unless asked.
 */
export async function hunt(driver: Driver, request: HuntRequest, database?: string): Promise<Finding[]> {
  await new TuningService(driver, database).refresh(true);
  const analytics: Analytic[] = request.analytics === 'all' ? loadCatalog() : request.analytics.map(analyticById);
  const findings: Finding[] = [];
  for (const analytic of analytics) {
    const overrides = Object.fromEntries(Object.entries(request.overrides ?? {}).filter(([name]) => request.analytics === 'all' ? name in analytic.tunables : true));
    const scope = { since: request.since ?? 0, until: request.until ?? Number.MAX_SAFE_INTEGER, hostIds: request.hostIds, overrides };
    findings.push(...(await evaluateAnalytic(driver, analytic, scope, database)));
  }
  if (request.store) await new FindingsService(driver, database).upsert(findings);
  return findings;
}
