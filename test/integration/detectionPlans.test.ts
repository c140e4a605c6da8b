import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/analytics/catalog.js';
import { detectAfterBatch } from '../../src/analytics/detector.js';
import { analyticParams, anchorsInWindow, anchorsQuery, evaluateAnchors } from '../../src/analytics/evaluate.js';
import { ensureGraphTokens, warmDetectionQueries } from '../../src/analytics/warmup.js';
import { applyMigration } from '../../src/graph/migrate.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { Redis } from 'ioredis';
import { currentPlanGeneration, detectionCypher, usePlanGeneration } from '../../src/analytics/planGenerations.js';
import { maintainDetectionPlans } from '../../src/analytics/planRefresh.js';
import { createLogger } from '../../src/log.js';
import { freshGraph, operatorsOf, stack, uniquePrefix } from '../support/graph.js';

/** n msiexec starts on one host, each with its own image file and content: every batch size touches the same statements. */
function msiexecStarts(n: number, batch: number): NormalizedEvent[] {
  const host = { id: 'plans-host', name: 'plans-host', os: 'windows' as const };
  return Array.from({ length: n }, (_, i) => {
    const key = `${batch}-${i}`;
    return {
      v: 1,
      id: `plans-${key}`,
      ts: 1_700_000_000_000 + batch * 1000 + i,
      host,
      source: { format: 'test', recordId: key },
      kind: 'process.start',
      process: { uid: `plans-host|p-${key}`, pid: 1000 + i, image: `C:\\Windows\\Temp\\${key}\\msiexec.exe`, commandLine: 'msiexec /i https://example.invalid/a.msi', hashes: { sha256: key.padStart(64, '0') } },
      parent: { uid: `plans-host|parent-${batch}`, pid: 4 },
    } as NormalizedEvent;
  });
}

/** How many plans Neo4j holds, counted by clearing them (db.clearQueryCaches reports the number). */
async function clearPlans(driver: Driver): Promise<number> {
  const message = (await driver.executeQuery('CALL db.clearQueryCaches()')).records[0]!.get(0) as string;
  return Number(/cleared of (\d+) quer/.exec(message)?.[1] ?? 0);
}

/** What workers do at start so that batches do not pay for query planning. */
describe('detection query plans prepared ahead of batches (real Neo4j)', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('creates the tokens of every query, also those no data has used yet (macOS verdicts on a Windows-only graph)', async () => {
    const tokens = await ensureGraphTokens(driver);
    expect(tokens.labels).toEqual(expect.arrayContaining(['Process', 'File', 'Binary', 'Signer', 'Finding', 'Package']));
    expect(tokens.relationshipTypes).toEqual(expect.arrayContaining(['VERIFIED', 'INSTALLED', 'IMPLICATES', 'SPAWNED']));
    const keys = (await driver.executeQuery('CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys')).records[0]!.get('keys') as string[];
    expect(keys).toEqual(expect.arrayContaining(['notarized', 'teamId', 'verdict', 'platformBinary']));
    // (db.labels() and db.relationshipTypes() list only tokens in use; property keys are listed once created.)
  });

  it('plans every chain to expand from its anchors, never to read a relationship index or scan a label or index', async () => {
    // Planned on this small graph, where the statistics favour index scans most: the time
    // predicates are written as differences (x.ts - w.ts >= -$skewMs) and the signer tests with
    // coalesce, forms no index can serve, so whatever the statistics no plan trades an expansion
    // for a fleet-wide relationship index read. (Node index scans behind an index hint still depend
    // on the statistics, and on how many nodes earlier tests left: not asserted here.)
    await writeEvents(driver, msiexecStarts(20, 900));
    const offenders: string[] = [];
    for (const analytic of loadCatalog()) {
      const params = { ...analyticParams(analytic), since: 0, until: 1, anchors: { uids: ['plans:none'] } };
      const { summary } = await driver.executeQuery(`EXPLAIN CYPHER replan=force ${detectionCypher(`analytics/${analytic.dir}/${analytic.queries.chain}`, currentPlanGeneration())}`, params);
      const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): void => {
        const details = String(plan.arguments.Details ?? '');
        // Every index hint is a SEEK hint: the planner once met `USING INDEX root:Process(hostId, startTs)`
        // with a scan of the whole index per install (AN0940: 268 s of worker time at 1M events, run s6).
        if (/RelationshipIndex(Scan|Seek)|NodeIndexScan|NodeByLabelScan|AllNodesScan/.test(plan.operatorType)) offenders.push(`${analytic.id}: ${plan.operatorType} ${details.slice(0, 120)}`);
        plan.children.forEach((c) => walk(c as typeof plan));
      };
      walk(summary.plan as unknown as Parameters<typeof walk>[0]);
    }
    expect(offenders).toEqual([]);
  });

  it('reads per host and per command line what it used to read for the whole fleet', async () => {
    await writeEvents(driver, msiexecStarts(20, 901));
    const hostParams = { since: 0, until: 1, scope: { hostIds: ['plans-host'] }, imageNames: ['msiexec.exe'] };
    // Host-level telemetry (Zeek, package logs): one (hostId, time) range per host named, not every
    // write or process start of the fleet in the window (migration 018 puts the host on writes).
    const fileAnchors = await operatorsOf(driver, detectionCypher('analytics/_shared/file-anchors-in-window'), hostParams);
    expect(fileAnchors.some((o) => o.startsWith('DirectedRelationshipIndexSeek') && o.includes('WROTE(hostId, ts)'))).toBe(true);
    const processAnchors = await operatorsOf(driver, detectionCypher('analytics/_shared/process-anchors-in-window'), hostParams);
    expect(processAnchors.some((o) => o.startsWith('NodeIndexSeek') && o.includes('Process(hostId, startTs)'))).toBe(true);
    const byAnalytic = new Map(loadCatalog().map((a) => [a.id, a]));
    const chainOperators = async (id: string) => {
      const analytic = byAnalytic.get(id)!;
      return operatorsOf(driver, detectionCypher(`analytics/${analytic.dir}/${analytic.queries.chain}`), { ...analyticParams(analytic), since: 0, until: 1, anchors: { uids: ['plans:none'] } });
    };
    // AN0940's shell prevalence seeks the command line (it read every process of the look-back by start time).
    const an0940 = await chainOperators('AN0940');
    expect(an0940.some((o) => o.includes('TEXT INDEX o:Process(commandLineLower)'))).toBe(true);
    expect(an0940.filter((o) => /Process\(startTs\)/.test(o))).toEqual([]);
    // AN0445 expands from a named address to its talkers (it joined them with every process of the host).
    expect((await chainOperators('AN0445')).filter((o) => o.startsWith('NodeHashJoin'))).toEqual([]);
  });

  it('finds the files a host wrote in a window by the host on the write, also for writes stored before migration 018', async () => {
    const write = (hostId: string, n: number): NormalizedEvent => ({
      v: 1, id: `anchors-${hostId}-${n}`, ts: 1_700_100_000_000 + n, host: { id: hostId, name: hostId, os: 'windows' }, source: { format: 'test', recordId: `${hostId}-${n}` },
      kind: 'file', op: 'create', path: `C:\\Program Files\\Vendor\\app${n}.exe`, actor: { uid: `${hostId}|setup`, pid: 7, image: 'C:\\Temp\\setup.exe' },
    }) as NormalizedEvent;
    await writeEvents(driver, [write('anchors-a', 1), write('anchors-b', 2)]);
    const an0862 = loadCatalog().find((a) => a.id === 'AN0862')!;
    const window = { since: 1_700_100_000_000, until: 1_700_100_000_010 };
    const onHostA = () => anchorsInWindow(driver, an0862, { ...window, hostIds: ['anchors-a'] });
    expect(await onHostA()).toEqual(['anchors-a|c:\\program files\\vendor\\app1.exe']);
    // Run, not only planned: with hosts named, the fleet branch reads no write at all (PROFILE rows).
    const { text, params } = anchorsQuery(an0862, { ...window, hostIds: ['anchors-a'] });
    const profiled = await driver.executeQuery(`PROFILE ${text}`, params);
    const rowsByOperator: string[] = [];
    const walk = (plan: { operatorType: string; rows: number; arguments: Record<string, unknown>; children: unknown[] }): void => {
      rowsByOperator.push(`${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')} rows=${plan.rows}`);
      plan.children.forEach((c) => walk(c as typeof plan));
    };
    walk(profiled.summary.profile as unknown as Parameters<typeof walk>[0]);
    const fleetReads = rowsByOperator.filter((o) => /WROTE/.test(o) && !/hostId/.test(o));
    const hostReads = rowsByOperator.filter((o) => /WROTE\(hostId, ts\)/.test(o));
    // The window holds both hosts' writes: a fleet read that ran would return 2 rows.
    expect(fleetReads).toEqual([expect.stringMatching(/WROTE\(ts\).* rows=0$/)]);
    expect(hostReads).toEqual([expect.stringMatching(/ rows=1$/)]);
    expect((await anchorsInWindow(driver, an0862, window)).sort()).toEqual(['anchors-a|c:\\program files\\vendor\\app1.exe', 'anchors-b|c:\\program files\\vendor\\app2.exe']);
    // Writes stored by a version before 018 carry no host: invisible to the per-host read until the back-fill.
    await driver.executeQuery("MATCH (:Process)-[w:WROTE]->(f:File) WHERE f.hostId STARTS WITH 'anchors-' REMOVE w.hostId");
    expect(await onHostA()).toEqual([]);
    await applyMigration(driver, '018_writes_by_host', stack().neo4j.database);
    expect(await onHostA()).toEqual(['anchors-a|c:\\program files\\vendor\\app1.exe']);
  });

  it('needs one plan per statement whatever the batch size, because lists travel inside maps', async () => {
    let batch = 0;
    // What a worker runs for one batch of n events, plus every chain and window scan with n anchors and hosts.
    const liveRound = async (n: number) => {
      const events = msiexecStarts(n, batch++);
      await detectAfterBatch(driver, events, undefined, await writeEvents(driver, events));
      const fakes = Array.from({ length: n }, (_, i) => `plans:none:${i}`);
      for (const analytic of loadCatalog()) {
        await evaluateAnchors(driver, analytic, analyticParams(analytic), { since: 0, until: 1 }, fakes);
        await anchorsInWindow(driver, analytic, { since: 0, until: 1, hostIds: fakes });
      }
    };
    // Four rounds each time: Neo4j also caches a query a second time once it is hot (after ~10 runs,
    // with compiled expressions), so only rounds of the same number compare, and only as a bound.
    await clearPlans(driver);
    for (const n of [1, 1, 1, 1]) await liveRound(n);
    const plansForOneSize = await clearPlans(driver);
    for (const n of [1, 2, 11, 150]) await liveRound(n);
    // A top-level list parameter would add a plan per size bucket (0, 1, 2-10, 11-100, 101-1,000):
    // three more for each of the ~17 statements here.
    expect(plansForOneSize).toBeGreaterThan(10);
    expect(await clearPlans(driver)).toBeLessThanOrEqual(plansForOneSize);
  });

  it("plans every analytic's queries with the parameters batches use", async () => {
    expect(loadCatalog().length).toBe(5);
    // Throws (ParameterMissing, syntax) if a query needs a parameter the warm-up does not pass.
    await expect(warmDetectionQueries(driver)).resolves.toBeGreaterThan(0);
  });

  it('plans a new generation of the detection queries in the background once the graph has grown by the factor, and every worker switches to it', async () => {
    const redis = new Redis(stack().redisUrl);
    const prefix = uniquePrefix('plans');
    const announced = async () => Number(await redis.get(`${prefix}:plans:generation`)) || 0;
    const plannedAt = async () => Number(await redis.get(`${prefix}:plans:plannedAtNodes`));
    const waitFor = async (done: () => boolean | Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
    };
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await driver.executeQuery('UNWIND range(1, 20) AS i CREATE (:PlanProbe {i: i})');
    usePlanGeneration(0);
    const stop = await maintainDetectionPlans(driver, redis, prefix, createLogger('test', 'silent'), undefined, { checkEveryMs: 100, growthFactor: 2, minNodes: 30 });
    try {
      expect(await plannedAt()).toBe(20); // the size the start-up plans were made for
      expect(currentPlanGeneration()).toBe(0);
      await clearPlans(driver);
      await driver.executeQuery('UNWIND range(1, 30) AS i CREATE (:PlanProbe {i: i})'); // 50 nodes: 2.5 times 20
      await waitFor(async () => (await announced()) === 1);
      expect(await plannedAt()).toBe(50);
      expect(currentPlanGeneration()).toBe(1);
      expect(detectionCypher('analytics/_shared/neighbourhood')).toMatch(/^\/\/ plan generation 1\n/);
      // The neighbourhood, five chains and two window scans at least, planned without any batch.
      expect(await clearPlans(driver)).toBeGreaterThanOrEqual(8);
      // A worker still on generation 0 (another process) switches at its next check.
      usePlanGeneration(0);
      await waitFor(() => currentPlanGeneration() === 1);
      expect(currentPlanGeneration()).toBe(1);
      await driver.executeQuery('UNWIND range(1, 40) AS i CREATE (:PlanProbe {i: i})'); // 90 nodes: under 2 times 50
      await new Promise((r) => setTimeout(r, 500));
      expect(await announced()).toBe(1);
      // Only the size checks and this test's own CREATE: no detection query was planned again.
      expect(await clearPlans(driver)).toBeLessThanOrEqual(2);
    } finally {
      stop();
      usePlanGeneration(0);
      await driver.executeQuery('MATCH (n:PlanProbe) DELETE n');
      redis.disconnect();
    }
  });
});
