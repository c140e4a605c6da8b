import type { Driver, ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/analytics/findings.js';
import type { RunningApi } from '../../src/api/server.js';
import { cypher, cypherNameOf } from '../../src/graph/cypher.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { applyMigration } from '../../src/graph/migrate.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { observedDriver, postGraphql, startTestApiOnQueue } from '../support/api.js';
import { freshGraph, operatorsOf, stack, uniquePrefix } from '../support/graph.js';

const key = 'filters-bootstrap-key-0123456789';
const T0 = Date.parse('2026-10-01T00:00:00Z');
const HOUR = 3_600_000;
const severities: Severity[] = ['low', 'medium', 'high', 'critical'];
const installers = ['3CXDesktopApp.exe', 'msiexec.exe', 'Update.exe', 'softwareupdate'];

/**
 * Finding i: active from hour i to hour 2 * floor(i / 2) + 5 (pairs share a lastSeen); its first run writes to one of two folders and
 * its score does not follow its times, so each order gives a different sequence.
 */
function finding(i: number): Finding {
  const hostId = `filters-${i % 3}.corp.example`;
  const dropped = i % 4 === 0 ? `C:\\Users\\ann\\AppData\\Local\\Temp\\Drop${i}.exe` : `C:\\Program Files\\Vendor${i}\\app.exe`;
  return {
    id: `filters-${String(i).padStart(2, '0')}`,
    analytic: i % 2 ? 'AN0862' : 'AN0940',
    hostId,
    hostName: hostId,
    severity: severities[i % 4]!,
    score: 20 + ((i * 37) % 30),
    reasons: [i % 7 === 0 ? 'first run spawned C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe' : 'first run loaded an unsigned module'],
    signals: ['shellChild'],
    firstSeen: T0 + i * HOUR,
    lastSeen: T0 + (2 * Math.floor(i / 2) + 5) * HOUR,
    evidence: [
      { stage: 1, role: 'installer', kind: 'Process', key: `filters-proc-${i}`, label: installers[i % 4]!, ts: T0 + i * HOUR, source: null },
      { stage: 2, role: 'written-binary', kind: 'File', key: `filters-file-${i}`, label: dropped, ts: T0 + i * HOUR, source: null },
    ],
    facts: { installer: installers[i % 4]!, signer: i % 6 === 0 ? 'Example Signing Ltd' : null, destinations: i % 5 === 0 ? ['raw.githubusercontent.com'] : [] },
  };
}

const all = Array.from({ length: 40 }, (_, i) => finding(i));

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: { id: string } }>;
}

describe('findings: text and time-range filters, orders, cursors that keep their order', () => {
  const prefix = uniquePrefix('filters');
  let driver: Driver;
  let api: RunningApi;
  const statements: Array<{ name: string; text: string; params: Record<string, unknown> }> = [];

  beforeAll(async () => {
    driver = await freshGraph();
    // The evidence's graph entities, as ingest writes them: the text search reads their images, command lines and paths.
    await driver.executeQuery(
      `UNWIND $rows AS r
       CREATE (:Process {uid: r.proc, image: r.image, commandLine: r.image + ' /quiet'})
       CREATE (:File {uid: r.file, path: r.path})`,
      { rows: all.map((f) => ({ proc: f.evidence[0]!.key, image: `C:\\Installers\\${f.facts.installer}`, file: f.evidence[1]!.key, path: f.evidence[1]!.label })) },
    );
    await new FindingsService(driver, stack().neo4j.database).upsert(all);
    const recording = observedDriver(driver, (text, params) => statements.push({ name: cypherNameOf(text) ?? 'inline', text, params }));
    api = await startTestApiOnQueue(prefix, { apiKey: key, driver: recording });
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  const query = async (args: Record<string, unknown>) =>
    (await (
      await postGraphql(
        api.url,
        key,
        'query($filter: FindingFilter, $orderBy: FindingOrder, $first: Int, $after: String) { findings(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        args,
      )
    ).json()) as { data?: { findings: Page }; errors?: Array<{ message: string }> };

  /** Every page of a query, `first` at a time, following the cursors. */
  const everyPage = async (args: Record<string, unknown>, first = 6) => {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const body = await query({ ...args, first, after });
      expect(body.errors, JSON.stringify(args)).toBeUndefined();
      ids.push(...body.data!.findings.edges.map((e) => e.node.id));
      totals.add(body.data!.findings.totalCount);
      if (!body.data!.findings.pageInfo.hasNextPage) break;
      after = body.data!.findings.pageInfo.endCursor!;
    }
    expect(totals.size, 'the same total on every page').toBe(1);
    expect([...totals][0]).toBe(ids.length);
    return ids;
  };

  const idsWhere = (match: (f: Finding) => boolean, by: (a: Finding, b: Finding) => number = (a, b) => b.lastSeen - a.lastSeen) =>
    all
      .filter(match)
      .sort((a, b) => by(a, b) || (a.id < b.id ? -1 : 1))
      .map((f) => f.id);

  it('finds by a text of the evidence, reasons or facts, in any case', async () => {
    const cases: Array<[string, (f: Finding) => boolean]> = [
      // A path of the written binary (an evidence File's path), typed in another case.
      ['\\appdata\\local\\TEMP\\', (f) => f.evidence[1]!.label.includes('\\Temp\\')],
      // An installer's command line (an evidence Process's), not in the finding's own fields.
      ['3cxdesktopapp.exe /quiet', (f) => f.facts.installer === '3CXDesktopApp.exe'],
      ['POWERSHELL.EXE', (f) => f.reasons[0]!.includes('powershell')],
      ['example signing', (f) => f.facts.signer !== null],
      ['githubusercontent', (f) => f.facts.destinations.length > 0],
      ['filters-2.corp', (f) => f.hostName === 'filters-2.corp.example'],
    ];
    for (const [text, match] of cases) {
      const expected = idsWhere(match);
      expect(expected.length, text).toBeGreaterThan(0);
      expect(expected.length, text).toBeLessThan(all.length);
      expect(await everyPage({ filter: { text } }), text).toEqual(expected);
    }
    expect(await everyPage({ filter: { text: 'no such text anywhere' } })).toEqual([]);
    // Combined with the other filters.
    expect(await everyPage({ filter: { text: 'temp', analytic: 'AN0940', severity: 'LOW' } })).toEqual(
      idsWhere((f) => f.evidence[1]!.label.includes('Temp') && f.analytic === 'AN0940' && f.severity === 'low'),
    );
  });

  it('filters by host name in any case, or by its first label, with counts that agree', async () => {
    // The hosts as ingest writes them (their host info).
    await writeEvents(driver, [0, 1, 2].map((i): NormalizedEvent => ({ v: 1, id: `filters-info-${i}`, ts: T0, host: { id: `filters-${i}.corp.example`, name: `filters-${i}.corp.example`, os: 'windows' }, source: { format: 'test', recordId: `info-${i}` }, kind: 'host.info', ips: [`10.77.0.${i + 1}`] })));
    // The look-up seeks the lower-cased names (migration 021) instead of reading every host.
    const plan = await operatorsOf(driver, cypher('findings/host-names'), { lower: 'filters-1' });
    expect(plan.filter((o) => /^NodeIndexSeek/.test(o))).toHaveLength(2);
    expect(plan.filter((o) => /NodeByLabelScan|AllNodesScan|NodeIndexScan/.test(o))).toEqual([]);
    const expected = idsWhere((f) => f.hostName === 'filters-1.corp.example');
    for (const host of ['filters-1.corp.example', 'FILTERS-1.Corp.Example', 'filters-1']) {
      expect(await everyPage({ filter: { host } }), host).toEqual(expected); // everyPage checks totalCount against the pages
      expect(await everyPage({ filter: { host, text: 'vendor' } }), host).toEqual(idsWhere((f) => f.hostName === 'filters-1.corp.example' && f.evidence[1]!.label.includes('Vendor')));
    }
    expect(await everyPage({ filter: { host: 'filters-9' } })).toEqual([]);
  });

  it('reads a text search from the text index, not every finding, counting in the same statement', async () => {
    const before = statements.length;
    await query({ filter: { text: 'appdata' }, first: 5 });
    expect(statements.slice(before).map((s) => s.name)).toEqual(['findings/list-ordered']);
    const list = statements.filter((s) => s.name === 'findings/list-ordered').at(-1)!;
    const { summary } = await driver.executeQuery(`PROFILE ${list.text}`, list.params);
    const operators = (plan: ProfiledPlan): ProfiledPlan[] => [plan, ...plan.children.flatMap(operators)];
    const names = operators(summary.profile as ProfiledPlan).map((o) => o.operatorType.replace(/@.*/, ''));
    expect(names).toContain('NodeIndexContainsScan');
    expect(names).not.toContain('NodeByLabelScan');
  });

  it('keeps findings active in a time range: last seen at or after since, first seen at or before until', async () => {
    const since = T0 + 10 * HOUR;
    const until = T0 + 20 * HOUR;
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(await everyPage({ filter: { since: iso(since), until: iso(until) } })).toEqual(idsWhere((f) => f.lastSeen >= since && f.firstSeen <= until));
    expect(await everyPage({ filter: { since: iso(since) } })).toEqual(idsWhere((f) => f.lastSeen >= since));
    expect(await everyPage({ filter: { until: iso(until), analytic: 'AN0862' } })).toEqual(idsWhere((f) => f.firstSeen <= until && f.analytic === 'AN0862'));
    // With a text and another order too.
    expect(await everyPage({ filter: { since: iso(since), text: 'program files' }, orderBy: { field: 'SCORE', direction: 'DESC' } })).toEqual(
      idsWhere((f) => f.lastSeen >= since && f.evidence[1]!.label.includes('Program Files'), (a, b) => b.score - a.score),
    );
  });

  it('orders by score, first seen or last seen, either way, each finding on exactly one page', async () => {
    const orders: Array<[Record<string, string>, (a: Finding, b: Finding) => number]> = [
      [{ field: 'SCORE', direction: 'DESC' }, (a, b) => b.score - a.score],
      [{ field: 'SCORE', direction: 'ASC' }, (a, b) => a.score - b.score],
      [{ field: 'FIRST_SEEN', direction: 'ASC' }, (a, b) => a.firstSeen - b.firstSeen],
      [{ field: 'FIRST_SEEN', direction: 'DESC' }, (a, b) => b.firstSeen - a.firstSeen],
      [{ field: 'LAST_SEEN', direction: 'ASC' }, (a, b) => a.lastSeen - b.lastSeen],
      [{ field: 'LAST_SEEN', direction: 'DESC' }, (a, b) => b.lastSeen - a.lastSeen],
    ];
    for (const [orderBy, by] of orders) {
      // Several findings share a score or a lastSeen: the id breaks ties, so pages neither repeat nor skip.
      expect(await everyPage({ orderBy }, 7), JSON.stringify(orderBy)).toEqual(idsWhere(() => true, by));
      expect(await everyPage({ orderBy, filter: { severity: 'HIGH' } }, 3), JSON.stringify(orderBy)).toEqual(idsWhere((f) => f.severity === 'high', by));
    }
    const sharedScores = new Set(all.map((f) => f.score)).size < all.length;
    const sharedLastSeen = new Set(all.map((f) => f.lastSeen)).size < all.length;
    expect(sharedScores && sharedLastSeen, 'the fixture has ties to break').toBe(true);
  });

  it('refuses a cursor of another order, an empty or overlong text and a backwards range, naming the argument', async () => {
    const first = await query({ orderBy: { field: 'SCORE', direction: 'DESC' }, first: 2 });
    const cursor = first.data!.findings.pageInfo.endCursor;
    const mixed = await query({ orderBy: { field: 'FIRST_SEEN', direction: 'DESC' }, first: 2, after: cursor });
    expect(mixed.errors?.[0]?.message).toBe('after: the cursor continues the order SCORE DESC, but orderBy asks for FIRST_SEEN DESC');
    const defaultOrder = await query({ first: 2, after: cursor });
    expect(defaultOrder.errors?.[0]?.message).toMatch(/^after: the cursor continues the order SCORE DESC, but orderBy asks for LAST_SEEN DESC/);
    expect((await query({ filter: { text: '   ' } })).errors?.[0]?.message).toMatch(/^filter\.text must be 1-200 characters/);
    expect((await query({ filter: { text: 'x'.repeat(201) } })).errors?.[0]?.message).toMatch(/^filter\.text must be 1-200 characters/);
    const backwards = await query({ filter: { since: '2026-10-02T00:00:00Z', until: '2026-10-01T00:00:00Z' } });
    expect(backwards.errors?.[0]?.message).toBe('filter.since must not be after filter.until');
    expect((await query({ orderBy: { field: 'SEVERITY' } })).errors?.[0]?.message).toMatch(/SEVERITY/);
  });

  it('continues the default order from a cursor made before orders existed', async () => {
    const newest = idsWhere(() => true);
    const third = all.find((f) => f.id === newest[2])!;
    const legacy = Buffer.from(`finding:${third.lastSeen}|${third.id}`).toString('base64url');
    const body = await query({ first: 3, after: legacy });
    expect(body.errors).toBeUndefined();
    expect(body.data!.findings.edges.map((e) => e.node.id)).toEqual(newest.slice(3, 6));
  });

  it('announces a change of text alone (a new reason while the score cannot rise), so cached searches go stale', async () => {
    const findings = new FindingsService(driver, stack().neo4j.database);
    const f = all[3]!;
    expect(await findings.upsert([f])).toEqual([]);
    const changes = await findings.upsert([{ ...f, reasons: [...f.reasons, 'contacted a host no vendor uses'] }]);
    expect(changes.map((c) => [c.id, c.kind])).toEqual([[f.id, 'updated']]);
    expect(await everyPage({ filter: { text: 'no vendor uses' } })).toEqual([f.id]);
    await findings.upsert([f]);
  });

  it('back-fills the search text of findings stored before migration 017 with the text the upsert writes', async () => {
    const written = await driver.executeQuery('MATCH (f:Finding) RETURN f.id AS id, f.searchText AS text ORDER BY id');
    expect(written.records.every((r) => typeof r.get('text') === 'string' && (r.get('text') as string).length > 0)).toBe(true);
    await driver.executeQuery('MATCH (f:Finding) REMOVE f.searchText');
    await applyMigration(driver, '017_finding_search', stack().neo4j.database);
    const backFilled = await driver.executeQuery('MATCH (f:Finding) RETURN f.id AS id, f.searchText AS text ORDER BY id');
    expect(backFilled.records.map((r) => r.toObject())).toEqual(written.records.map((r) => r.toObject()));
    expect(written.records[0]!.get('text')).toContain('c:\\installers\\3cxdesktopapp.exe /quiet');
  });

  it('back-fills the lower-cased host names of hosts written before migration 021 as ingest writes them', async () => {
    const written = await driver.executeQuery("MATCH (h:Host) WHERE h.id STARTS WITH 'filters-' RETURN h.id AS id, h.nameLower AS name, h.shortNameLower AS short ORDER BY id");
    expect(written.records.map((r) => [r.get('name'), r.get('short')])[1]).toEqual(['filters-1.corp.example', 'filters-1']);
    await driver.executeQuery("MATCH (h:Host) WHERE h.id STARTS WITH 'filters-' REMOVE h.nameLower, h.shortNameLower");
    await applyMigration(driver, '021_host_name_lookup', stack().neo4j.database);
    const backFilled = await driver.executeQuery("MATCH (h:Host) WHERE h.id STARTS WITH 'filters-' RETURN h.id AS id, h.nameLower AS name, h.shortNameLower AS short ORDER BY id");
    expect(backFilled.records.map((r) => r.toObject())).toEqual(written.records.map((r) => r.toObject()));
  });
});

