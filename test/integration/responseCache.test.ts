import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analytics/findings.js';
import type { RunningApi } from '../../src/api/server.js';
import { announceCacheStale } from '../../src/events/cacheStale.js';
import { cypherNameOf } from '../../src/graph/cypher.js';
import { ApiKeysService } from '../../src/services/apiKeysService.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { observedDriver, postGraphql, startTestApiOnQueue } from '../support/api.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';

const bootstrap = 'cache-bootstrap-key-0123456789';
const PAGE = '{ findings(first: 10) { totalCount edges { node { id status } } } }';

function finding(i: number, analytic = 'AN0862'): Finding {
  const hostId = `cache-${i}.corp.example`;
  return {
    id: `cache-${i}`, analytic, hostId, hostName: hostId, severity: 'high', score: 70, reasons: ['first run spawned cmd.exe'], signals: ['shellChild'],
    firstSeen: 1_700_000_000_000 + i, lastSeen: 1_700_000_000_000 + i,
    evidence: [{ stage: 1, role: 'installer', kind: 'Process', key: `${hostId}|installer`, label: 'setup.exe', ts: 1_700_000_000_000, source: null }],
    facts: { installer: 'setup.exe', signer: null, destinations: [] },
  };
}

describe('response cache: repeated queries from memory, fresh after any finding change or mutation', () => {
  const prefix = uniquePrefix('cache');
  let driver: Driver;
  let api: RunningApi;
  let viewer: string;
  let analyst: string;
  /** The cypher/ files the API ran, in order. */
  const statements: string[] = [];
  const ran = async (fn: () => Promise<unknown>) => {
    const before = statements.length;
    await fn();
    return statements.slice(before);
  };
  const page = async (key: string) => {
    const body = (await (await postGraphql(api.url, key, PAGE)).json()) as { data?: { findings: { totalCount: number; edges: Array<{ node: { id: string; status: string } }> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data!.findings;
  };

  beforeAll(async () => {
    driver = await freshGraph();
    await new FindingsService(driver, stack().neo4j.database).upsert([finding(1), finding(2)]);
    const keys = new ApiKeysService(driver, stack().neo4j.database);
    viewer = (await keys.create('cache-viewer', 'viewer', 'test')).token;
    analyst = (await keys.create('cache-analyst', 'analyst', 'test')).token;
    const recording = observedDriver(driver, (text) => statements.push(cypherNameOf(text) ?? 'inline'));
    api = await startTestApiOnQueue(prefix, { apiKey: bootstrap, driver: recording, responseCacheMs: 60_000 });
    await page(viewer); // verifies and records the keys' first use
    await page(analyst);
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  it('answers a repeated query without Cypher, and per role', async () => {
    expect(await ran(() => page(viewer))).toEqual([]);
    expect((await page(viewer)).edges.map((e) => e.node.id)).toEqual(['cache-2', 'cache-1']);
    expect(await ran(() => page(analyst))).toEqual([]);
    // Another query is answered from the graph once per role: a viewer's answer is not an analyst's.
    const count = (key: string) => ran(() => postGraphql(api.url, key, '{ findings(first: 3) { totalCount } }').then((r) => r.json()));
    expect(await count(viewer)).toEqual(['findings/list', 'findings/count-unfiltered']);
    expect(await count(viewer)).toEqual([]);
    expect(await count(analyst)).toEqual(['findings/list', 'findings/count-unfiltered']);
    // /metrics counts them: 4 answers from memory, 4 executed and stored (2 in beforeAll) so far.
    const metrics = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${viewer}` } })).text();
    const lookups = (outcome: string) => Number(new RegExp(`provhunt_api_response_cache_lookups_total\\{outcome="${outcome}"\\} (\\d+)`).exec(metrics)?.[1]);
    expect({ hits: lookups('hit'), misses: lookups('miss') }).toEqual({ hits: 4, misses: 4 });
  });

  it('serves a new finding at once, announced on Redis by the process that stored it', async () => {
    await new FindingsService(driver, stack().neo4j.database).upsert([finding(3)]);
    const deadline = Date.now() + 2_000;
    let ids: string[] = [];
    while (Date.now() < deadline) {
      ids = (await page(viewer)).edges.map((e) => e.node.id);
      if (ids.length === 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(ids).toEqual(['cache-3', 'cache-2', 'cache-1']);
  });

  it("keeps other analytics' findings pages cached while one analytic's findings change", async () => {
    const ofAnalytic = (analytic: string) => `{ findings(filter: { analytic: "${analytic}" }, first: 5) { edges { node { id } } } }`;
    const viaVariable = 'query($filter: FindingFilter) { findings(filter: $filter, first: 5) { edges { node { id } } } }';
    const ask = (query: string, variables?: Record<string, unknown>) => ran(() => postGraphql(api.url, viewer, query, variables).then((r) => r.json()));
    const idsOf = async (query: string) => ((await (await postGraphql(api.url, viewer, query)).json()) as { data: { findings: { edges: Array<{ node: { id: string } }> } } }).data.findings.edges.map((e) => e.node.id);
    const eventually = async (query: string, id: string) => {
      const deadline = Date.now() + 2_000;
      while (Date.now() < deadline && !(await idsOf(query)).includes(id)) await new Promise((r) => setTimeout(r, 20));
      return idsOf(query);
    };
    const findings = new FindingsService(driver, stack().neo4j.database);
    await findings.upsert([finding(40, 'AN0940')]);
    expect(await eventually(ofAnalytic('AN0940'), 'cache-40')).toEqual(['cache-40']);
    await ask(viaVariable, { filter: { analytic: 'an0940' } });
    await ask(ofAnalytic('AN0862'));
    expect(await ask(ofAnalytic('AN0940'))).toEqual([]);
    expect(await ask(viaVariable, { filter: { analytic: 'an0940' } })).toEqual([]);

    // An AN0862 finding lands: its analytic's pages and the unfiltered ones are read again, AN0940's are not.
    await findings.upsert([finding(4)]);
    expect((await eventually(ofAnalytic('AN0862'), 'cache-4'))[0]).toBe('cache-4');
    expect((await page(viewer)).edges.map((e) => e.node.id)).toContain('cache-4');
    expect(await ask(ofAnalytic('AN0940'))).toEqual([]);
    expect(await ask(viaVariable, { filter: { analytic: 'an0940' } })).toEqual([]);

    // And the other way round.
    await findings.upsert([finding(41, 'AN0940')]);
    expect(await eventually(ofAnalytic('AN0940'), 'cache-41')).toEqual(['cache-41', 'cache-40']);
    expect(await ask(ofAnalytic('AN0862'))).toEqual([]);
    // A page naming two analytics, or an analytic not in the catalog, is in the scope every change empties.
    const two = '{ a: findings(filter: { analytic: "AN0862" }, first: 1) { totalCount } b: findings(filter: { analytic: "AN0940" }, first: 1) { totalCount } }';
    await ask(two);
    expect(await ask(two)).toEqual([]);
    await findings.upsert([finding(42, 'AN0940')]);
    await eventually(ofAnalytic('AN0940'), 'cache-42');
    expect(await ask(two)).not.toEqual([]);
  });

  it("reads a pivot's telemetry once per TTL while findings change, and its findings each time", async () => {
    const sha256 = 'c0'.repeat(32);
    await driver.executeQuery('MERGE (:Binary {sha256: $sha256})', { sha256 });
    const pivot = `{ binary(sha256: "${sha256}") { prevalence hosts(first: 5) { totalCount } processes(first: 5) { image } findings(first: 5) { totalCount edges { node { id } } } } }`;
    const ask = () => ran(() => postGraphql(api.url, viewer, pivot).then((r) => r.json()));
    expect((await ask()).sort()).toEqual(['pivots/binary-findings', 'pivots/binary-findings-count', 'pivots/binary-hosts', 'pivots/binary-processes', 'pivots/binary-summary']);
    expect(await ask()).toEqual([]);
    // A finding lands: the cached answer goes, but only the findings are read again.
    await new FindingsService(driver, stack().neo4j.database).upsert([finding(5)]);
    const deadline = Date.now() + 2_000;
    let again: string[] = [];
    while (Date.now() < deadline && again.length === 0) again = await ask();
    expect(again.sort()).toEqual(['pivots/binary-findings', 'pivots/binary-findings-count']);
  });

  it('serves what a mutation changed at once', async () => {
    await page(analyst);
    const set = (await (await postGraphql(api.url, analyst, 'mutation { setFindingStatus(id: "cache-2", status: ACKNOWLEDGED, note: "seen") { status } }')).json()) as { errors?: unknown };
    expect(set.errors).toBeUndefined();
    const after = await ran(() => page(analyst));
    expect(after).toContain('findings/list');
    expect((await page(analyst)).edges.find((e) => e.node.id === 'cache-2')?.node.status).toBe('ACKNOWLEDGED');
  });

  it("serves another API process's mutation, and the CLI's, at once (announced on Redis)", async () => {
    const other = await startTestApiOnQueue(prefix, { apiKey: bootstrap, driver, responseCacheMs: 60_000 });
    try {
      const statusOf = async (id: string) => (await page(viewer)).edges.find((e) => e.node.id === id)?.node.status;
      const eventually = async (id: string, status: string) => {
        const deadline = Date.now() + 2_000;
        while (Date.now() < deadline && (await statusOf(id)) !== status) await new Promise((r) => setTimeout(r, 20));
        return statusOf(id);
      };
      expect(await statusOf('cache-1')).toBe('NEW'); // cached here
      const set = (await (await postGraphql(other.url, analyst, 'mutation { setFindingStatus(id: "cache-1", status: RESOLVED) { status } }')).json()) as { errors?: unknown };
      expect(set.errors).toBeUndefined();
      expect(await eventually('cache-1', 'RESOLVED')).toBe('RESOLVED');
      // What `provhunt triage` does after writing: a status set outside any API process.
      await new FindingsService(driver, stack().neo4j.database).setStatus('cache-1', 'acknowledged', 'cli:test');
      expect(await statusOf('cache-1')).toBe('RESOLVED'); // not announced yet: the cached answer
      await announceCacheStale(stack().redisUrl, prefix);
      expect(await eventually('cache-1', 'ACKNOWLEDGED')).toBe('ACKNOWLEDGED');
    } finally {
      await other.close();
    }
  });

  it('keeps an answer that mixes findings with telemetry no longer than the telemetry TTL', async () => {
    const recording = observedDriver(driver, (text) => statements.push(cypherNameOf(text) ?? 'inline'));
    const short = await startTestApiOnQueue(prefix, { apiKey: bootstrap, driver: recording, responseCacheMs: 300 });
    try {
      const ask = (query: string) => ran(() => postGraphql(short.url, viewer, query).then((r) => r.json()));
      const findingsOnly = '{ findings(first: 2) { totalCount } }';
      const mixed = `{ findings(first: 2) { totalCount } binary(sha256: "${'ab'.repeat(32)}") { prevalence } }`;
      expect(await ask(findingsOnly)).not.toEqual([]);
      expect(await ask(mixed)).not.toEqual([]);
      expect(await ask(mixed)).toEqual([]);
      await new Promise((r) => setTimeout(r, 450));
      // Past the 300 ms telemetry TTL: the pivot is read again; the findings-only answer is kept.
      expect(await ask(mixed)).toContain('pivots/binary-summary');
      expect(await ask(findingsOnly)).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('never answers a request without a valid key, and never caches a hunt', async () => {
    expect((await postGraphql(api.url, 'not-a-key-but-long-enough', PAGE)).status).toBe(401);
    const hunt = '{ hunt(analytic: "AN0862") { findings { id } } }';
    expect((await ran(() => postGraphql(api.url, analyst, hunt).then((r) => r.json()))).length).toBeGreaterThan(0);
    expect((await ran(() => postGraphql(api.url, analyst, hunt).then((r) => r.json()))).length).toBeGreaterThan(0);
  });
});
