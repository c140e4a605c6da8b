import path from 'node:path';
import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAfterBatch } from '../../src/analytics/detector.js';
import type { Finding } from '../../src/analytics/findings.js';
import type { RunningApi } from '../../src/api/server.js';
import { projectRoot } from '../../src/config/paths.js';
import { cypher } from '../../src/graph/cypher.js';
import { applyMigration } from '../../src/graph/migrate.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { openInput } from '../../src/ingest/openInput.js';
import { parseInput } from '../../src/ingest/parseInput.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { PivotService } from '../../src/services/pivotService.js';
import { postGraphql, startTestApiOnQueue } from '../support/api.js';
import { freshGraph, uniquePrefix } from '../support/graph.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');
// The SHA-256 of the tampered ffmpeg.dll in the sample, and of the 3CX app's image.
const ffmpeg = '7986BBAEE8940DA11CE089383521AB420C443AB7B15ED42AED91FD31CE833896';

describe('binary pivot against the real Neo4j', () => {
  let driver: Driver;
  let pivots: PivotService;
  beforeAll(async () => {
    driver = await freshGraph();
    pivots = new PivotService(driver);
    const events: NormalizedEvent[] = [];
    for await (const o of parseInput(await openInput(sample), { fileName: sample })) if (o.outcome === 'events') events.push(...o.events);
    const plan = await writeEvents(driver, events);
    await detectAfterBatch(driver, events, undefined, plan);
  });
  afterAll(async () => driver.close());

  it('shows where a DLL exists, its signature state, and the finding it is evidence of', async () => {
    const pivot = await pivots.binary(ffmpeg); // any case
    expect(pivot).toMatchObject({
      sha256: ffmpeg.toLowerCase(),
      prevalence: 1,
      runCount: 0,
      signatures: [{ signer: null, status: 'unavailable', signed: false, files: 1 }],
    });
    expect(await pivots.hosts(ffmpeg, 10)).toEqual({
      hosts: [{ hostId: 'ws-fin-042.corp.example', paths: ['C:\\Program Files\\3CXDesktopApp\\ffmpeg.dll'], firstSeen: pivot!.firstSeen, lastSeen: pivot!.lastSeen }],
      hasNextPage: false,
    });
    expect((await pivots.findings(ffmpeg, 10)).items.map((f) => f.analytic)).toEqual(['AN0862']);
    expect(await pivots.findingsCount(ffmpeg)).toBe(1);
  });

  it('lists the runs of an executable with their children and destinations', async () => {
    const { records } = await driver.executeQuery("MATCH (p:Process {imageName: '3cxdesktopapp.exe'})-[:INSTANCE_OF]->(b:Binary) RETURN b.sha256 AS sha");
    const sha = records[0]!.get('sha') as string;
    const runs = await pivots.processes(sha, 10);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.children.map((c) => c.image)).toEqual(['C:\\Windows\\System32\\cmd.exe']);
    expect(runs[0]!.connections).toEqual([expect.objectContaining({ ip: '203.0.113.50', hostname: 'akamaicontainer.com', port: 443 })]);
    expect(await pivots.binary('0'.repeat(64))).toBeUndefined();
  });

  it('counts the files whose loads reported each signature state of a shared DLL, across hosts, and lists the newest runs first', async () => {
    const dll = 'ab'.repeat(32);
    const exe = 'cd'.repeat(32);
    const events: NormalizedEvent[] = [];
    const hostOf = (i: number) => ({ id: `pivot-${i}.corp.example`, name: `pivot-${i}.corp.example`, os: 'windows' as const });
    const source = (id: string) => ({ format: 'test', recordId: id });
    for (let i = 0; i < 3; i++) {
      const host = hostOf(i);
      const uid = `${host.id}|runner-${i}`;
      const started = Date.parse('2026-01-0' + (i + 1) + 'T10:00:00Z');
      events.push({ v: 1, id: `start-${i}`, ts: started, host, source: source(`start-${i}`), kind: 'process.start', process: { uid, image: 'C:\\Tools\\runner.exe', hashes: { sha256: exe } } } as NormalizedEvent);
      // Host 0 loads it three times (twice signed, once from a second copy of the file, unsigned).
      const loads = i === 0 ? [['C:\\Tools\\shared.dll', true], ['C:\\Tools\\shared.dll', true], ['C:\\Temp\\shared.dll', false]] : [['C:\\Tools\\shared.dll', true]];
      loads.forEach(([file, signed], n) => {
        const signature = signed ? { signed: true, status: 'valid', signer: 'Vendor Inc' } : { signed: false, status: 'unavailable' };
        events.push({ v: 1, id: `load-${i}-${n}`, ts: started + 1_000 + n, host, source: source(`load-${i}-${n}`), kind: 'module.load', actor: { uid }, path: file as string, hashes: { sha256: dll }, signature } as NormalizedEvent);
      });
    }
    await writeEvents(driver, events);

    const pivot = await pivots.binary(dll);
    expect(pivot?.prevalence).toBe(3);
    expect((await pivots.hosts(dll, 1)).hosts).toEqual([{ hostId: 'pivot-0.corp.example', paths: ['C:\\Temp\\shared.dll', 'C:\\Tools\\shared.dll'], firstSeen: null, lastSeen: null }]);
    // Tools\shared.dll on three hosts (host 0's two loads of it are one file); Temp\shared.dll on host 0.
    expect(pivot?.signatures).toEqual([
      { signer: 'Vendor Inc', status: 'valid', signed: true, files: 3 },
      { signer: null, status: 'unavailable', signed: false, files: 1 },
    ]);
    // Migration 016 back-fills the same states from the loads written before it.
    const loadSignatures = async () => (await driver.executeQuery('MATCH ()-[s:LOAD_SIGNATURE]->(:Binary {sha256: $dll}) RETURN count(s) AS n', { dll })).records[0]!.get('n') as number;
    expect(await loadSignatures()).toBe(4);
    await driver.executeQuery('MATCH ()-[s:LOAD_SIGNATURE]->() DELETE s');
    // Without them, the content's own first signature stands for it, on every file holding it.
    expect((await pivots.binary(dll))?.signatures).toEqual([{ signer: 'Vendor Inc', status: 'valid', signed: true, files: 4 }]);
    await applyMigration(driver, '016_binary_summary');
    expect((await pivots.binary(dll))?.signatures).toEqual(pivot?.signatures);
    // Loading them again adds no state.
    await writeEvents(driver, events);
    expect(await loadSignatures()).toBe(4);
    const newest = await pivots.processes(exe, 2);
    expect(newest.map((r) => r.process.hostId)).toEqual(['pivot-2.corp.example', 'pivot-1.corp.example']);
  });
});

describe('binary pivot hosts, a page at a time, from the (sha256, hostId) index', () => {
  // One tool on 7 hosts: written on each, a second copy on hosts 0 and 3, run on hosts 2 and 5.
  const tool = 'ef'.repeat(32);
  const T0 = Date.parse('2026-02-01T08:00:00Z');
  const hostIds = Array.from({ length: 7 }, (_, i) => `page-${i}.corp.example`);
  const expected = hostIds.map((hostId, i) => {
    const written = T0 + i * 60_000;
    const times = [written, ...(i % 3 === 0 ? [written + 10_000] : []), ...(i % 3 === 2 ? [written + 30_000] : [])];
    return { hostId, paths: i % 3 === 0 ? ['C:\\Apps\\tool.exe', 'D:\\Backup\\tool.exe'] : ['C:\\Apps\\tool.exe'], firstSeen: Math.min(...times), lastSeen: Math.max(...times) };
  });
  const bootstrap = 'pivot-pages-bootstrap-key-0123456789';
  const prefix = uniquePrefix('pivot-pages');
  let driver: Driver;
  let api: RunningApi;

  beforeAll(async () => {
    driver = await freshGraph();
    const events: NormalizedEvent[] = [];
    hostIds.forEach((hostId, i) => {
      const host = { id: hostId, name: hostId, os: 'windows' as const };
      const base = (n: string, ts: number) => ({ v: 1, id: `${n}-${i}`, ts, host, source: { format: 'test', recordId: `${n}-${i}` } });
      const installer = { uid: `${hostId}|installer` };
      events.push({ ...base('write', T0 + i * 60_000), kind: 'file', op: 'create', actor: installer, path: 'C:\\Apps\\tool.exe', hashes: { sha256: tool } } as NormalizedEvent);
      if (i % 3 === 0) events.push({ ...base('copy', T0 + i * 60_000 + 10_000), kind: 'file', op: 'create', actor: installer, path: 'D:\\Backup\\tool.exe', hashes: { sha256: tool } } as NormalizedEvent);
      if (i % 3 === 2) events.push({ ...base('run', T0 + i * 60_000 + 30_000), kind: 'process.start', process: { uid: `${hostId}|tool`, image: 'C:\\Apps\\tool.exe', hashes: { sha256: tool } } } as NormalizedEvent);
    });
    await writeEvents(driver, events);
    api = await startTestApiOnQueue(prefix, { apiKey: bootstrap, driver });
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  const hostsQuery = `query($sha256: String!, $first: Int, $after: String) { binary(sha256: $sha256) { prevalence runCount firstSeen lastSeen
    hosts(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { hostId paths firstSeen lastSeen } } } } }`;
  interface HostsPage {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { hostId: string; paths: string[]; firstSeen: string; lastSeen: string } }>;
  }
  const graphql = async (variables: Record<string, unknown>) =>
    (await (await postGraphql(api.url, bootstrap, hostsQuery, { sha256: tool, ...variables })).json()) as { data?: { binary: { prevalence: number; runCount: number; firstSeen: string; lastSeen: string; hosts: HostsPage } }; errors?: Array<{ message: string }> };
  const iso = (ms: number) => new Date(ms).toISOString();

  it('pages through every host once, in host id order, with the paths and times of its files and runs, over GraphQL', async () => {
    const pages: HostsPage[] = [];
    let after: string | null = null;
    do {
      const body = await graphql({ first: 3, after });
      expect(body.errors).toBeUndefined();
      expect(body.data!.binary).toMatchObject({ prevalence: 7, runCount: 2, firstSeen: iso(T0), lastSeen: iso(Math.max(...expected.map((h) => h.lastSeen))) });
      pages.push(body.data!.binary.hosts);
      after = body.data!.binary.hosts.pageInfo.endCursor;
    } while (pages.at(-1)!.pageInfo.hasNextPage);
    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 1]);
    expect(pages.every((p) => p.totalCount === 7)).toBe(true);
    expect(pages.map((p) => p.pageInfo.endCursor)).toEqual(pages.map((p) => p.edges.at(-1)!.cursor));
    expect(pages.flatMap((p) => p.edges.map((e) => e.node))).toEqual(expected.map((h) => ({ ...h, firstSeen: iso(h.firstSeen), lastSeen: iso(h.lastSeen) })));
  });

  it('refuses a page size over 500 and a cursor it did not make, saying so', async () => {
    expect((await graphql({ first: 501 })).errors?.map((e) => e.message)).toEqual(['first must be between 1 and 500, got 501']);
    // Written into the query, the size is checked before it runs; the largest page passes the query limits.
    const literal = async (first: number) =>
      (await (await postGraphql(api.url, bootstrap, `{ binary(sha256: "${tool}") { hosts(first: ${first}) { totalCount edges { cursor node { hostId paths firstSeen lastSeen } } } } }`)).json()) as { data?: { binary: { hosts: { totalCount: number } } }; errors?: Array<{ message: string }> };
    expect((await literal(501)).errors?.map((e) => e.message)).toEqual(['first must be between 1 and 500, got 501']);
    expect((await literal(500)).data?.binary.hosts.totalCount).toBe(7);
    const findingsCursor = Buffer.from('offset:3').toString('base64url');
    expect((await graphql({ after: findingsCursor })).errors?.map((e) => e.message)).toEqual([`after: '${findingsCursor}' is not a cursor returned by this API`]);
  });

  it('reads a page in host order from the relationship index and stops at the page, whatever the prevalence', async () => {
    const { summary } = await driver.executeQuery(`PROFILE ${cypher('pivots/binary-hosts')}`, { sha256: tool, after: hostIds[1]!, limit: neo4j.int(3) });
    const operators: ProfiledPlan[] = [];
    const walk = (plan: ProfiledPlan): void => (operators.push(plan), plan.children.forEach(walk));
    walk(summary.profile as ProfiledPlan);
    const seek = operators.find((o) => o.operatorType.startsWith('DirectedRelationshipIndexSeek') && String(o.arguments.Details).includes('hostId > $after'));
    expect(seek, 'the page starts from an index seek after the cursor').toBeDefined();
    // Ordered distinct hosts stopped at the limit: the seek read the first 3 hosts' entries (plus
    // the one that stopped it), not the 5 hosts after the cursor.
    expect(operators.some((o) => o.operatorType.startsWith('Sort') && String(o.arguments.Details).includes('sha256'))).toBe(false);
    expect(seek!.rows).toBeLessThanOrEqual(5);
    expect((await new PivotService(driver).hosts(tool, 3, hostIds[1])).hosts.map((h) => h.hostId)).toEqual(hostIds.slice(2, 5));
  });

  it('pages through the findings that implicate the content, newest activity first, with their count', async () => {
    // Nine findings whose evidence holds a file with the tool; three share a lastSeen (ordered by id).
    const findingOf = (i: number): Finding => {
      const hostId = hostIds[i % 7]!;
      const lastSeen = T0 + 3_600_000 + Math.min(i, 6) * 1_000;
      return {
        id: `tool-finding-${i}`, analytic: 'AN0862', hostId, hostName: hostId, severity: 'high', score: 70, reasons: ['unsigned first run'], signals: ['unsignedFirstRun'],
        firstSeen: T0, lastSeen, evidence: [{ stage: 1, role: 'written binary', kind: 'File', key: `${hostId}|c:\\apps\\tool.exe`, label: 'tool.exe', ts: T0, source: null }],
        facts: { installer: 'setup.exe', signer: null, destinations: [] },
      };
    };
    await new FindingsService(driver).upsert(Array.from({ length: 9 }, (_, i) => findingOf(i)));
    const query = `query($sha256: String!, $after: String) { binary(sha256: $sha256) { findings(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`;
    type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: { id: string } }> };
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const body = (await (await postGraphql(api.url, bootstrap, query, { sha256: tool, after })).json()) as { data?: { binary: { findings: Page } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      pages.push(body.data!.binary.findings);
      after = pages.at(-1)!.pageInfo.endCursor;
    } while (pages.at(-1)!.pageInfo.hasNextPage);
    expect(pages.map((p) => p.edges.length)).toEqual([4, 4, 1]);
    expect(pages.every((p) => p.totalCount === 9)).toBe(true);
    // Newest first: 6, 7, 8 share the newest lastSeen and come in id order, then 5 down to 0.
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.id))).toEqual([6, 7, 8, 5, 4, 3, 2, 1, 0].map((i) => `tool-finding-${i}`));
    const hostCursor = pages[0]!.edges[0]!.cursor.replace(/.*/, Buffer.from('host:page-1.corp.example').toString('base64url'));
    const refused = (await (await postGraphql(api.url, bootstrap, query, { sha256: tool, after: hostCursor })).json()) as { errors?: Array<{ message: string }> };
    expect(refused.errors?.map((e) => e.message)).toEqual([`after: '${hostCursor}' is not a cursor returned by this API`]);
  });

  it('back-fills the index properties of content links written before migration 014', async () => {
    await driver.executeQuery('MATCH ()-[c:HAS_CONTENT]->() REMOVE c.sha256, c.hostId');
    expect((await new PivotService(driver).hosts(tool, 10)).hosts).toEqual([]);
    await applyMigration(driver, '014_binary_hosts');
    expect((await new PivotService(driver).hosts(tool, 10)).hosts).toEqual(expected);
  });
});
