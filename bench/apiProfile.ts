import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import { cypher } from '../src/graph/cypher.js';
import { evidenceKeys } from '../src/services/evidenceGraph.js';
import { findingStatuses, FindingsService } from '../src/services/findingsService.js';
import type { Samples } from './apiQueries.js';

/**
 * PROFILE of the statements behind each query kind, with the parameters the services send, on
 * one sample each (the most prevalent hash: the worst case). Where a slow kind spends its work.
 */
export interface StatementProfile {
  ms: number;
  rows: number;
  dbHits: number;
  /** The operators with the most db hits: `Operator rows/hits details`. */
  top: string[];
}

export async function profileStatements(driver: Driver, samples: Samples, database?: string): Promise<Record<string, StatementProfile>> {
  const finding = await new FindingsService(driver, database).get(samples.findingIds[0]!);
  const keys = evidenceKeys(finding!.evidence);
  const noFilter = { analytic: null, hostName: null, severity: null, status: null };
  const sha256 = samples.hashes.popular[0];
  const cases: Record<string, [string, Record<string, unknown>]> = {
    'findings/list': ['findings/list', { ...noFilter, skip: neo4j.int(0), limit: neo4j.int(51) }],
    'findings/count-unfiltered': ['findings/count-unfiltered', {}],
    'findings/count-of-analytic': ['findings/count-of-analytic', { analytic: finding!.analytic, statuses: findingStatuses, severities: [finding!.severity] }],
    'pivots/binary-summary (popular)': ['pivots/binary-summary', { sha256 }],
    'pivots/binary-hosts (popular, first 100)': ['pivots/binary-hosts', { sha256, after: '', limit: neo4j.int(101) }],
    'pivots/binary-processes (popular)': ['pivots/binary-processes', { sha256, limit: neo4j.int(20) }],
    'pivots/binary-findings (popular)': ['pivots/binary-findings', { sha256 }],
    'pivots/binary-summary (rare)': ['pivots/binary-summary', { sha256: samples.hashes.rare[0] }],
    'findings/get': ['findings/get', { id: finding!.id }],
    'investigation/evidence-graph': ['investigation/evidence-graph', { processUids: keys.Process, fileUids: keys.File, ipAddresses: keys.IP, packageKeys: keys.Package, hostId: finding!.hostId }],
  };
  const out: Record<string, StatementProfile> = {};
  for (const [label, [file, params]] of Object.entries(cases)) {
    // The first run plans the statement; the second is the one measured.
    await driver.executeQuery(`PROFILE ${cypher(file)}`, params, { database, routing: 'READ' });
    const t0 = performance.now();
    const { summary } = await driver.executeQuery(`PROFILE ${cypher(file)}`, params, { database, routing: 'READ' });
    const operators = flatten(summary.profile as ProfiledPlan);
    out[label] = {
      ms: Math.round(performance.now() - t0),
      rows: (summary.profile as ProfiledPlan).rows,
      dbHits: operators.reduce((sum, op) => sum + op.dbHits, 0),
      top: operators
        .sort((a, b) => b.dbHits - a.dbHits)
        .slice(0, 3)
        .map((op) => `${op.operatorType} rows=${op.rows} hits=${op.dbHits} ${String(op.arguments.Details ?? '').slice(0, 120)}`),
    };
  }
  return out;
}

function flatten(plan: ProfiledPlan): ProfiledPlan[] {
  return [plan, ...plan.children.flatMap(flatten)];
}
