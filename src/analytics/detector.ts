import type { Driver } from 'neo4j-driver';
import type { NormalizedEvent } from '../model/event.js';
import { FindingsService } from '../services/findingsService.js';
import { loadCatalog } from './catalog.js';
import { analyticParams, evaluateAnalytic } from './evaluate.js';

/**
 * Continuous detection after an ingest batch: re-evaluates only the hosts the batch touched, over
 * the anchor times a batch event could complete (a late connection at t completes a write up to
 * TimeWindow before t), so cost follows the new data rather than the size of the graph.
 */
export async function detectAfterBatch(driver: Driver, events: NormalizedEvent[], database?: string): Promise<number> {
  if (events.length === 0) return 0;
  const hostIds = [...new Set(events.map((e) => e.host.id))];
  const oses = new Set(events.map((e) => e.host.os));
  let minTs = Infinity;
  let maxTs = -Infinity;
  for (const e of events) {
    if (e.ts < minTs) minTs = e.ts;
    if (e.ts > maxTs) maxTs = e.ts;
  }
  const service = new FindingsService(driver, database);
  let found = 0;
  for (const analytic of loadCatalog()) {
    if (!analytic.platforms.some((p) => oses.has(p) || oses.has('unknown'))) continue;
    const params = analyticParams(analytic);
    const reach = Number(params.windowMs ?? 0) + Number(params.skewMs ?? 0);
    const findings = await evaluateAnalytic(driver, analytic, { since: minTs - reach, until: maxTs + reach, hostIds }, database);
    await service.upsert(findings);
    found += findings.length;
  }
  return found;
}
