import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setConfiguredTuning } from '../../src/analytics/tuning.js';
import { type RunningApi } from '../../src/api/server.js';
import { projectRoot } from '../../src/config/paths.js';
import { ingestFiles } from '../../src/ingest/ingestFiles.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { ApiKeysService } from '../../src/services/apiKeysService.js';
import { PivotService } from '../../src/services/pivotService.js';
import { applyTuning, loadScenarios, runScenario } from '../scenarios/scenarioRunner.js';
import { postGraphql, startTestApi } from '../support/api.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { startWorkerProcess, stopProcess } from '../support/workers.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');
const HOUR = 3_600_000;

interface StoredRow {
  id: string;
  analytic: string;
  hostId: string;
  hostName: string;
  severity: string;
  score: number;
  status: string;
  firstSeen: number;
  lastSeen: number;
  destinations: string[] | null;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string }>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const countBy = <T>(items: T[], key: (t: T) => string) => items.reduce((m, t) => m.set(key(t), (m.get(key(t)) ?? 0) + 1), new Map<string, number>());

describe('dashboard aggregates against the real Neo4j, Redis and worker', () => {
  const prefix = uniquePrefix('dash');
  let driver: Driver;
  let worker: ChildProcess;
  let queue: ReturnType<typeof ingestQueue>;
  let api: RunningApi;
  let viewer: string;
  /** The oracle: every finding as stored, read without the dashboards' Cypher. */
  let stored: StoredRow[];

  beforeAll(async () => {
    driver = await freshGraph();
    // Every attack scenario, the way workers deliver it: findings on several hosts, analytics and days.
    for (const scenario of loadScenarios().filter((s) => s.kind === 'attack')) {
      applyTuning(scenario);
      await runScenario(driver, scenario);
    }
    setConfiguredTuning(undefined);
    worker = startWorkerProcess(stack(), prefix);
    queue = ingestQueue(stack().redisUrl, prefix);
    const keys = new ApiKeysService(driver, stack().neo4j.database);
    viewer = (await keys.create('dash-viewer', 'viewer', 'test')).token;
    api = await startTestApi({ apiKey: 'dash-bootstrap-key-0123456789', driver, ingestQueue: queue, queuePrefix: prefix });
    // The same 3CX chain again through the real queue and worker: feeds ingestRate and the queues.
    const ingested = await ingestFiles([sample], { redisUrl: stack().redisUrl, prefix, batchSize: 5, wait: true, onReject: () => {} });
    expect(ingested).toMatchObject({ accepted: 13, batches: 3, failedBatches: 0 });
    stored = await readStoredFindings();
  }, 240_000);

  afterAll(async () => {
    await stopProcess(worker);
    await api.close();
    await queue.close();
    await driver.close();
  });

  async function readStoredFindings(): Promise<StoredRow[]> {
    const { records } = await driver.executeQuery('MATCH (f:Finding) RETURN f {.*} AS f');
    return records.map((r) => r.get('f') as StoredRow);
  }

  async function graphql<T>(query: string): Promise<GraphQLBody<T>> {
    const response = await postGraphql(api.url, viewer, query);
    expect(response.status).toBe(200);
    return (await response.json()) as GraphQLBody<T>;
  }

  async function dashboard<T>(since: number, until: number, selection: string): Promise<T> {
    const body = await graphql<{ dashboard: T }>(`{ dashboard(since: "${iso(since)}", until: "${iso(until)}") { ${selection} } }`);
    expect(body.errors).toBeUndefined();
    return body.data!.dashboard;
  }

  const live = () => stored.filter((f) => f.status !== 'suppressed');
  const fullRange = () => ({ since: Math.min(...stored.map((f) => f.firstSeen)), until: Math.max(...stored.map((f) => f.firstSeen)) + 1 });

  it('has findings of several analytics on several hosts to aggregate', () => {
    expect(new Set(live().map((f) => f.analytic)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(live().map((f) => f.hostId)).size).toBeGreaterThanOrEqual(5);
    expect(live().some((f) => f.hostName === 'WS-FIN-042.corp.example' && (f.destinations ?? []).includes('akamaicontainer.com'))).toBe(true);
  });

  it('counts findings per day and per hour by analytic and severity, matching the stored findings', async () => {
    const { until } = fullRange();
    // The latest 900 buckets of each size (the API allows 1,000).
    for (const [bucket, size] of [['DAY', 24 * HOUR], ['HOUR', HOUR]] as const) {
      const since = until - 900 * size;
      const inRange = live().filter((f) => f.firstSeen >= since);
      expect(inRange.length, bucket).toBeGreaterThan(0);
      const got = await dashboard<{ findingsOverTime: Array<{ start: string; analytic: string; severity: string; count: number }> }>(since, until, `findingsOverTime(bucket: ${bucket}) { start analytic severity count }`);
      const expected = countBy(inRange, (f) => `${iso(f.firstSeen - (f.firstSeen % size))}|${f.analytic}|${f.severity.toUpperCase()}`);
      const actual = new Map(got.findingsOverTime.map((b) => [`${b.start}|${b.analytic}|${b.severity}`, b.count]));
      expect(actual, bucket).toEqual(expected);
      const starts = got.findingsOverTime.map((b) => b.start);
      expect(starts, 'oldest first').toEqual([...starts].sort());
    }
  });

  it('keeps to the range: a range of the 3CX day holds only that day\'s findings', async () => {
    const day = Date.parse('2023-03-29T00:00:00Z');
    const got = await dashboard<{ topHosts: Array<{ host: string; findings: number }> }>(day, day + 24 * HOUR, 'topHosts(first: 100) { host findings }');
    const expected = live().filter((f) => f.firstSeen >= day && f.firstSeen < day + 24 * HOUR);
    expect(expected.length).toBeGreaterThan(0);
    expect(got.topHosts.reduce((n, h) => n + h.findings, 0)).toBe(expected.length);
    expect(got.topHosts.map((h) => h.host)).toContain('WS-FIN-042.corp.example');
  });

  it('ranks hosts by findings with their critical count, top score and last activity', async () => {
    const { since, until } = fullRange();
    const got = await dashboard<{ topHosts: Array<{ hostId: string; host: string; findings: number; critical: number; maxScore: number; lastSeen: string }> }>(since, until, 'topHosts(first: 100) { hostId host findings critical maxScore lastSeen }');
    const byHost = new Map<string, StoredRow[]>();
    for (const f of live()) byHost.set(f.hostId, [...(byHost.get(f.hostId) ?? []), f]);
    expect(got.topHosts).toHaveLength(byHost.size);
    for (const h of got.topHosts) {
      const own = byHost.get(h.hostId)!;
      expect(h).toEqual({
        hostId: h.hostId, host: own[0]!.hostName, findings: own.length, critical: own.filter((f) => f.severity === 'critical').length,
        maxScore: Math.max(...own.map((f) => f.score)), lastSeen: iso(Math.max(...own.map((f) => f.lastSeen))),
      });
    }
    const counts = got.topHosts.map((h) => h.findings);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const top2 = await dashboard<{ topHosts: unknown[] }>(since, until, 'topHosts(first: 2) { hostId }');
    expect(top2.topHosts).toEqual(got.topHosts.slice(0, 2).map((h) => ({ hostId: h.hostId })));
  });

  it('ranks the destinations findings name, with how many findings and hosts', async () => {
    const { since, until } = fullRange();
    const got = await dashboard<{ topDestinations: Array<{ destination: string; findings: number; hosts: number; analytics: string[]; lastSeen: string }> }>(since, until, 'topDestinations(first: 100) { destination findings hosts analytics lastSeen }');
    const expected = new Map<string, StoredRow[]>();
    for (const f of live()) for (const d of new Set(f.destinations ?? [])) expected.set(d, [...(expected.get(d) ?? []), f]);
    expect(got.topDestinations.map((d) => d.destination).sort()).toEqual([...expected.keys()].sort());
    expect(got.topDestinations.map((d) => d.destination)).toContain('akamaicontainer.com');
    for (const d of got.topDestinations) {
      const fs = expected.get(d.destination)!;
      expect({ ...d, analytics: [...d.analytics].sort() }).toEqual({
        destination: d.destination, findings: fs.length, hosts: new Set(fs.map((f) => f.hostId)).size, analytics: [...new Set(fs.map((f) => f.analytic))].sort(), lastSeen: iso(Math.max(...fs.map((f) => f.lastSeen))),
      });
    }
  });

  it('ranks binaries implicated in findings by findings and by prevalence, agreeing with the binary pivot', async () => {
    const { since, until } = fullRange();
    type Row = { sha256: string; names: string[]; findings: number; prevalence: number; runCount: number };
    const byFindings = (await dashboard<{ topBinaries: Row[] }>(since, until, 'topBinaries(first: 100) { sha256 names findings prevalence runCount }')).topBinaries;
    const byPrevalence = (await dashboard<{ topBinaries: Row[] }>(since, until, 'topBinaries(first: 100, orderBy: PREVALENCE) { sha256 names findings prevalence runCount }')).topBinaries;
    expect(byFindings.length).toBeGreaterThan(3);
    expect(new Set(byPrevalence.map((b) => b.sha256))).toEqual(new Set(byFindings.map((b) => b.sha256)));
    expect(byFindings.map((b) => b.findings)).toEqual(byFindings.map((b) => b.findings).sort((a, b) => b - a));
    expect(byPrevalence.map((b) => b.prevalence)).toEqual(byPrevalence.map((b) => b.prevalence).sort((a, b) => b - a));
    const pivots = new PivotService(driver);
    const liveIds = new Set(live().map((f) => f.id));
    for (const b of byFindings) {
      const pivot = (await pivots.binary(b.sha256))!;
      expect({ prevalence: b.prevalence, runCount: b.runCount }, b.sha256).toEqual({ prevalence: pivot.prevalence, runCount: pivot.runCount });
      expect(b.findings, b.sha256).toBe((await pivots.findings(b.sha256, 500)).items.filter((f) => liveIds.has(f.id)).length);
      expect(b.names.length).toBeGreaterThan(0);
    }
  });

  it('leaves suppressed findings out of every aggregate', async () => {
    const target = live().find((f) => f.hostName === 'WS-FIN-042.corp.example')!;
    const { until } = fullRange();
    const selection = 'topHosts(first: 100) { hostId findings } topDestinations(first: 100) { destination findings } findingsOverTime(bucket: DAY) { count }';
    type Aggregates = { topHosts: Array<{ hostId: string; findings: number }>; topDestinations: Array<{ destination: string; findings: number }>; findingsOverTime: Array<{ count: number }> };
    const before = await dashboard<Aggregates>(until - 900 * 24 * HOUR, until, selection);
    // As a suppression holds back a finding when it is found (stored with status suppressed).
    const setStatus = (status: string) => driver.executeQuery('MATCH (f:Finding {id: $id}) SET f.status = $status', { id: target.id, status });
    await setStatus('suppressed');
    try {
      const after = await dashboard<Aggregates>(until - 900 * 24 * HOUR, until, selection);
      const hostCount = (a: Aggregates) => a.topHosts.find((h) => h.hostId === target.hostId)?.findings ?? 0;
      const akamai = (a: Aggregates) => a.topDestinations.find((d) => d.destination === 'akamaicontainer.com')?.findings ?? 0;
      const total = (a: Aggregates) => a.findingsOverTime.reduce((n, b) => n + b.count, 0);
      expect([hostCount(after), akamai(after), total(after)]).toEqual([hostCount(before) - 1, akamai(before) - 1, total(before) - 1]);
    } finally {
      await setStatus(target.status);
    }
  });

  it('reports the events the worker wrote per minute, and the queues', async () => {
    const rate = await graphql<{ ingestRate: Array<{ minute: string; events: number }> }>('{ ingestRate(minutes: 60) { minute events } }');
    expect(rate.errors).toBeUndefined();
    const minutes = rate.data!.ingestRate;
    expect(minutes).toHaveLength(60);
    expect(minutes.reduce((n, m) => n + m.events, 0)).toBe(13);
    expect(minutes.every((m) => Date.parse(m.minute) % 60_000 === 0)).toBe(true);
    expect(Date.parse(minutes[59]!.minute) - Date.parse(minutes[0]!.minute)).toBe(59 * 60_000);

    const depths = await graphql<{ queueDepths: Array<Record<string, number | string>> }>('{ queueDepths { queue waiting active delayed prioritized failed completed } }');
    expect(depths.data!.queueDepths).toEqual([
      { queue: 'ingest', waiting: 0, active: 0, delayed: 0, prioritized: 0, failed: 0, completed: 3 },
      { queue: 'dead-letter', waiting: 0, active: 0, delayed: 0, prioritized: 0, failed: 0, completed: 0 },
    ]);
  });

  it('says what is wrong with a bad range, bucket count or list size', async () => {
    const messages = async (query: string) => (await graphql(query)).errors?.map((e) => e.message);
    expect(await messages('{ dashboard(since: "2023-03-29T00:00:00Z", until: "2023-03-28T00:00:00Z") { since } }')).toEqual(['until must be after since (2023-03-29T00:00:00.000Z)']);
    expect(await messages('{ dashboard(since: "2020-01-01T00:00:00Z", until: "2023-01-01T00:00:00Z") { findingsOverTime(bucket: HOUR) { count } } }')).toEqual([
      'the range spans 26304 hours; at most 1000 buckets (use a larger bucket or a shorter range)',
    ]);
    expect(await messages('{ dashboard(since: "2023-03-29T00:00:00Z") { topHosts(first: 0) { host } } }')).toEqual(['first must be between 1 and 100, got 0']);
    expect(await messages('{ ingestRate(minutes: 500) { events } }')).toEqual(['minutes must be between 1 and 120, got 500']);
  });
});
