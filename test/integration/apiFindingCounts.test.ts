import type { Driver, ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/analytics/findings.js';
import type { RunningApi } from '../../src/api/server.js';
import { cypherNameOf } from '../../src/graph/cypher.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { SuppressionsService } from '../../src/services/suppressionsService.js';
import { observedDriver, postGraphql, startTestApiOnQueue } from '../support/api.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';

const bootstrap = 'counts-bootstrap-key-0123456789';
const analytics = ['AN0862', 'AN0863', 'AN0940'];
const severities: Severity[] = ['low', 'medium', 'high', 'critical'];
const hostOf = (i: number) => `count-${i % 4}.corp.example`;

function finding(i: number, installer = 'setup.exe'): Finding {
  const hostId = hostOf(i);
  return {
    id: `count-${String(i).padStart(3, '0')}`,
    analytic: analytics[i % 3]!,
    hostId,
    hostName: hostId,
    severity: severities[Math.floor(i / 3) % 4]!,
    score: 10 + (i % 90),
    reasons: ['first run spawned cmd.exe'],
    signals: ['shellChild'],
    firstSeen: 1_700_000_000_000 + i * 1_000,
    lastSeen: 1_700_000_000_000 + i * 1_000 + 500,
    evidence: [{ stage: 1, role: 'installer', kind: 'Process', key: `${hostId}|installer-${i}`, label: installer, ts: 1_700_000_000_000, source: null }],
    facts: { installer, signer: null, destinations: [] },
  };
}

/** The count as findings/list filters (the statement totalCount used before): every finding read. */
const READ_EVERY_FINDING = `MATCH (f:Finding)
WHERE ($analytic IS NULL OR f.analytic = $analytic) AND ($hostName IS NULL OR f.hostName = $hostName) AND ($severity IS NULL OR f.severity = $severity)
  AND CASE WHEN $status IS NULL THEN f.status <> 'suppressed' ELSE f.status = $status END
RETURN count(f) AS total`;

interface Filter {
  analytic?: string;
  severity?: string;
  status?: string;
  host?: string;
}

describe('findings totalCount: counted only when selected, from the count store or an index, exactly', () => {
  const prefix = uniquePrefix('counts');
  let driver: Driver;
  let api: RunningApi;
  /** Every statement the API ran: its cypher/ file and parameters. */
  const statements: Array<{ name: string; text: string; params: Record<string, unknown> }> = [];

  beforeAll(async () => {
    driver = await freshGraph();
    const findings = new FindingsService(driver, stack().neo4j.database);
    await findings.upsert(Array.from({ length: 60 }, (_, i) => finding(i)));
    for (let i = 0; i < 60; i++) {
      const status = (['new', 'acknowledged', 'resolved', 'false_positive', 'new'] as const)[i % 5]!;
      if (status !== 'new') await findings.setStatus(finding(i).id, status, 'test:counts');
    }
    // Findings a suppression matches are born suppressed: kept, counted only when asked for.
    await new SuppressionsService(driver, stack().neo4j.database).createFromFinding(finding(2, 'noisy-setup.exe'), { installer: true }, 'test:counts');
    await findings.upsert(Array.from({ length: 9 }, (_, k) => finding(60 + 3 * k + 2, 'noisy-setup.exe')));
    const recording = observedDriver(driver, (text, params) => statements.push({ name: cypherNameOf(text) ?? 'inline', text, params }));
    api = await startTestApiOnQueue(prefix, { apiKey: bootstrap, driver: recording });
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  const page = async (filter: Filter, selection: string, extra = '') => {
    const body = (await (await postGraphql(api.url, bootstrap, `query($filter: FindingFilter) { findings(filter: $filter${extra}) { ${selection} } }`, { filter })).json()) as {
      data?: { findings: { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string } } };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    return body.data!.findings;
  };
  const readEveryFinding = async (f: Filter) => {
    const params = { analytic: f.analytic ?? null, hostName: f.host ?? null, severity: f.severity?.toLowerCase() ?? null, status: f.status?.toLowerCase() ?? null };
    return (await driver.executeQuery(READ_EVERY_FINDING, params)).records[0]!.get('total') as number;
  };
  const filters: Filter[] = [];
  for (const analytic of [undefined, 'AN0862', 'AN0940', 'AN9999']) {
    for (const severity of [undefined, 'HIGH']) {
      for (const status of [undefined, 'NEW', 'RESOLVED', 'SUPPRESSED']) {
        for (const host of [undefined, hostOf(2)]) filters.push(Object.fromEntries(Object.entries({ analytic, severity, status, host }).filter(([, v]) => v !== undefined)));
      }
    }
  }

  it('counts exactly the findings the pages hold, under every combination of analytic, severity, status and host', async () => {
    const nonEmpty: number[] = [];
    for (const filter of filters) {
      const all = await page(filter, 'totalCount edges { node { id } }', ', first: 500');
      expect(all.totalCount, JSON.stringify(filter)).toBe(all.edges.length);
      expect(all.totalCount, JSON.stringify(filter)).toBe(await readEveryFinding(filter));
      nonEmpty.push(all.totalCount);
    }
    // The fixture makes the filters bite: most combinations hold some findings, none holds all.
    expect(nonEmpty.filter((n) => n > 0).length).toBeGreaterThan(30);
    expect(await page({}, 'totalCount')).toEqual({ totalCount: 60 });
    expect(await page({ status: 'SUPPRESSED' }, 'totalCount')).toEqual({ totalCount: 9 });
    // The same total on every page.
    const first = await page({ analytic: 'AN0862' }, 'totalCount pageInfo { endCursor }', ', first: 5');
    const second = (await (await postGraphql(api.url, bootstrap, `{ findings(filter: { analytic: "AN0862" }, first: 5, after: "${first.pageInfo.endCursor}") { totalCount } }`)).json()) as { data: { findings: { totalCount: number } } };
    expect(second.data.findings.totalCount).toBe(first.totalCount);
  });

  it('runs the count only when totalCount is selected', async () => {
    const ran = async (selection: string) => {
      const before = statements.length;
      await page({}, selection, ', first: 5');
      return statements.slice(before).map((s) => s.name);
    };
    expect(await ran('edges { node { id } }')).toEqual(['findings/list']);
    expect(await ran('pageInfo { hasNextPage } edges { node { id } }')).toEqual(['findings/list']);
    expect((await ran('totalCount edges { node { id } }')).sort()).toEqual(['findings/count-unfiltered', 'findings/list']);
  });

  it('answers from the count store or index entries, never by reading the findings', async () => {
    const plans = new Map<string, ProfiledPlan>();
    for (const filter of [{}, { status: 'RESOLVED' }, { severity: 'HIGH' }, { analytic: 'AN0940', status: 'NEW' }, { host: hostOf(1), severity: 'LOW' }] as Filter[]) {
      const before = statements.length;
      await page(filter, 'totalCount', ', first: 1');
      const count = statements.slice(before).find((s) => s.name.startsWith('findings/count'))!;
      const { summary } = await driver.executeQuery(`PROFILE ${count.text}`, count.params);
      plans.set(count.name, summary.profile as ProfiledPlan);
    }
    expect([...plans.keys()].sort()).toEqual(['findings/count-by-status-severity', 'findings/count-of-analytic', 'findings/count-on-host', 'findings/count-unfiltered']);
    const operators = (plan: ProfiledPlan): ProfiledPlan[] => [plan, ...plan.children.flatMap(operators)];
    const names = (plan: ProfiledPlan) => operators(plan).map((o) => o.operatorType.replace(/@.*/, ''));
    for (const [name, plan] of plans) expect(names(plan), name).not.toContain('NodeByLabelScan');
    expect(names(plans.get('findings/count-unfiltered')!)).toContain('NodeCountFromCountStore');
    // Status, severity and analytic: the composite index's entries are the count. The planner seeks
    // or (on a graph this small) scans it, and filters on the values it holds: nothing but the index
    // is read (no database hit above it).
    for (const name of ['findings/count-by-status-severity', 'findings/count-of-analytic']) {
      const [leaf, ...above] = operators(plans.get(name)!).reverse();
      expect(leaf!.operatorType.replace(/@.*/, ''), name).toMatch(/^NodeIndex(Seek|Scan)$/);
      expect(String(leaf!.arguments.Details), name).toContain('Finding(status, severity, analytic)');
      expect(above.map((o) => o.dbHits), name).toEqual(above.map(() => 0));
    }
    expect(String(operators(plans.get('findings/count-on-host')!).at(-1)!.arguments.Details)).toContain('Finding(hostName)');
    // A sanity check of the seek's size: the unfiltered count reads only the suppressed entries.
    const suppressedSeek = operators(plans.get('findings/count-unfiltered')!).find((o) => o.operatorType.startsWith('NodeIndexSeek'))!;
    expect(suppressedSeek.rows).toBe(9);
  });

  it('pages through every finding once, newest first, each page seeking from the cursor instead of skipping', async () => {
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const body = (await (await postGraphql(api.url, bootstrap, 'query($after: String) { findings(first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id lastSeen } } } }', { after })).json()) as {
        data: { findings: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: string; lastSeen: string } }> } };
      };
      ids.push(...body.data.findings.edges.map((e) => e.node.id));
      if (!body.data.findings.pageInfo.hasNextPage) break;
      after = body.data.findings.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : -1))); // lastSeen grows with the id here
    // A deep page: the index seek starts at the cursor, so it reads about a page, not every finding before it.
    const list = statements.filter((s) => s.name === 'findings/list').at(-1)!;
    const { summary } = await driver.executeQuery(`PROFILE ${list.text}`, list.params);
    const operators = (plan: ProfiledPlan): ProfiledPlan[] => [plan, ...plan.children.flatMap(operators)];
    const seek = operators(summary.profile as ProfiledPlan).find((o) => o.operatorType.startsWith('NodeIndexSeekByRange'));
    expect(seek, 'a range seek on lastSeen').toBeDefined();
    expect(seek!.rows).toBeLessThanOrEqual(15);
  });
});
