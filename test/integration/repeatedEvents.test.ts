import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { loadCatalog } from '../../src/analytics/catalog.js';
import { detectAfterBatch } from '../../src/analytics/detector.js';
import { analyticParams } from '../../src/analytics/evaluate.js';
import { detectionCypher } from '../../src/analytics/planGenerations.js';
import { warmDetectionQueries } from '../../src/analytics/warmup.js';
import { cypher, cypherNamesUnder } from '../../src/graph/cypher.js';
import { applyMigration } from '../../src/graph/migrate.js';
import { planWrites, type WritePlan } from '../../src/graph/eventRows.js';
import { withIntegers, writeEvents } from '../../src/graph/writeEvents.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { dbHitsOf, freshGraph, operatorsOf, stack, statementHeldOpen, writeTwiceAtOnce } from '../support/graph.js';

const host = { id: 'beacon-host', name: 'beacon-host', os: 'windows' as const };
const actor = { uid: 'beacon-host|{beacon-guid}', pid: 4242, image: 'C:\\Program Files\\Vendor\\updater.exe' };
const t0 = Date.parse('2024-05-01T00:00:00Z');
const source = (id: string) => ({ format: 'sysmon', recordId: id });

/** One beacon: the updater resolves the same name, connects to the same address and appends to the same log. */
function beacon(n: number): NormalizedEvent[] {
  const ts = t0 + n * 60_000;
  return [
    { v: 1, id: `dns-${n}`, ts, host, source: source(`dns-${n}`), kind: 'dns.query', actor, query: 'cdn.beacon.example', answers: ['203.0.113.7'] },
    { v: 1, id: `net-${n}`, ts, host, source: source(`net-${n}`), kind: 'network.connect', actor, direction: 'outbound', protocol: 'tcp', dstIp: '203.0.113.7', dstPort: 443 },
    { v: 1, id: `log-${n}`, ts, host, source: source(`log-${n}`), kind: 'file', op: 'modify', actor, path: 'C:\\ProgramData\\Vendor\\update.log' },
    { v: 1, id: `dll-${n}`, ts, host, source: source(`dll-${n}`), kind: 'module.load', actor, path: 'C:\\Windows\\System32\\winhttp.dll' },
  ];
}
const beacons = (from: number, count: number) => Array.from({ length: count }, (_, i) => beacon(from + i)).flat();

async function edgeCounts(driver: Driver): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery("MATCH (:Process {uid: $uid})-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type", { uid: actor.uid });
  return Object.fromEntries(records.map((r) => [r.get('type') as string, Number(r.get('n'))]));
}

/** Database hits of one per-event write statement for a batch. */
const statementDbHits = (driver: Driver, statement: string, rows: WritePlan[keyof WritePlan]) => dbHitsOf(driver, cypher(statement), { batch: { rows: rows.map(withIntegers) } });

/** A process that repeats one event thousands of times (a beacon, a log it appends to), against real Neo4j. */
describe('repeated events between the same two nodes', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('stores each event once, and a replayed or doubled event not again', async () => {
    for (let batch = 0; batch < 3; batch++) await writeEvents(driver, beacons(batch * 500, 500));
    const expected = { CONNECTED: 1500, LOADED: 1500, QUERIED: 1500, WROTE: 1500 };
    expect(await edgeCounts(driver)).toEqual(expected);
    await writeEvents(driver, beacons(0, 500)); // a replayed batch
    await writeEvents(driver, [...beacons(1499, 2), ...beacons(1500, 1)]); // one old event, one new one twice
    expect(await edgeCounts(driver)).toEqual({ CONNECTED: 1501, LOADED: 1501, QUERIED: 1501, WROTE: 1501 });
  });

  it("costs a batch the same database work whatever the pair's earlier events (no walk of them)", async () => {
    const plan = planWrites(beacons(10_000, 200));
    const steps: Array<[keyof WritePlan, string]> = [['dnsQueries', 'ingest/dns-query'], ['connections', 'ingest/network-connect'], ['fileWrites', 'ingest/file-write'], ['moduleLoads', 'ingest/module-load']];
    const before = await Promise.all(steps.map(([key, statement]) => statementDbHits(driver, statement, plan[key])));
    for (let batch = 0; batch < 4; batch++) await writeEvents(driver, beacons(2000 + batch * 500, 500)); // 2,000 more per pair
    const after = await Promise.all(steps.map(([key, statement]) => statementDbHits(driver, statement, plan[key])));
    // A walk of the pair's relationships would read 1,500 and then 3,500 of them per row.
    steps.forEach((_, i) => expect(after[i]!).toBeLessThan(before[i]! * 1.2));
    expect(before.every((hits) => hits < 200 * 40)).toBe(true);
  });

  it('plans every per-event write to seek its eventId index, never to walk the pair (whatever the statistics)', async () => {
    const perEvent = cypherNamesUnder('ingest').filter((name) => /\{eventId: r\.eventId\}/.test(cypher(name)) && !/MERGE \(h\)-\[i:INSTALLED/.test(cypher(name)));
    expect(perEvent).toHaveLength(10);
    for (const name of perEvent) {
      const operators = await operatorsOf(driver, cypher(name), { batch: { rows: [] } });
      expect(operators.filter((o) => /RelationshipIndexSeek .*\(eventId\)/.test(o)), name).toHaveLength(1);
      expect(operators.filter((o) => o.startsWith('Expand(Into)')), name).toEqual([]);
    }
  });

  it('keeps workers from starting when an eventId index is missing (a migration not applied)', async () => {
    await driver.executeQuery('DROP INDEX queried_event_id');
    try {
      await expect(warmDetectionQueries(driver)).rejects.toThrow(/write statement ingest\/dns-query cannot use its index hint .*are the migrations applied\?/);
    } finally {
      await applyMigration(driver, '019_event_ids', stack().neo4j.database);
      await driver.executeQuery('CALL db.awaitIndexes(60)');
    }
    await expect(warmDetectionQueries(driver)).resolves.toBeGreaterThan(0);
  });

  it('reports a beaconing first run once per destination and module, with work that grows linearly, not with the square', async () => {
    // An installer writes the implant, which then beacons and reloads an unsigned DLL, inside TimeWindow.
    const h = { id: 'implant-host', name: 'implant-host', os: 'windows' as const };
    const setup = { uid: 'implant-host|{setup}', pid: 10, image: 'C:\\Windows\\System32\\msiexec.exe' };
    const implant = { uid: 'implant-host|{implant}', pid: 11, image: 'C:\\Program Files\\Vendor\\agent.exe' };
    const at = (id: string, ts: number) => ({ v: 1 as const, id, ts, host: h, source: source(id) });
    const installed: NormalizedEvent[] = [
      { ...at('i-start', t0), kind: 'process.start', process: { ...setup, commandLine: 'msiexec.exe /i agent.msi /qn' } },
      { ...at('i-write', t0 + 1000), kind: 'file', op: 'create', actor: setup, path: implant.image, hashes: { sha256: 'c'.repeat(64) } },
      { ...at('i-run', t0 + 2000), kind: 'process.start', process: { ...implant, commandLine: 'agent.exe' }, parent: setup },
    ];
    const beats = (from: number, n: number): NormalizedEvent[] => Array.from({ length: n }, (_, k) => from + k).flatMap((i) => [
      { ...at(`i-net-${i}`, t0 + 3000 + i * 100), kind: 'network.connect', actor: implant, direction: 'outbound', protocol: 'tcp', dstIp: '198.51.100.9', dstPort: 443, dstHostname: 'c2.example.net' } as NormalizedEvent,
      { ...at(`i-dll-${i}`, t0 + 3000 + i * 100), kind: 'module.load', actor: implant, path: 'C:\\Program Files\\Vendor\\helper.dll', signature: { signed: false } } as NormalizedEvent,
    ]);
    const an0862 = loadCatalog().find((a) => a.id === 'AN0862')!;
    const chainHits = () => dbHitsOf(driver, detectionCypher(`analytics/${an0862.dir}/${an0862.queries.chain}`), {
      ...analyticParams(an0862), since: neo4j.int(t0), until: neo4j.int(t0 + 2000), anchors: { uids: [`implant-host|${implant.image.toLowerCase()}`] },
    });
    const events = [...installed, ...beats(0, 250)];
    await detectAfterBatch(driver, events, undefined, await writeEvents(driver, events));
    const hitsAt250 = await chainHits();
    const more = beats(250, 750);
    await detectAfterBatch(driver, more, undefined, await writeEvents(driver, more));
    const hitsAt1000 = await chainHits();
    // Four times the repeats: a join or check per repeat pair would cost about sixteen times the work.
    expect(hitsAt1000).toBeLessThan(hitsAt250 * 6);
    const { records } = await driver.executeQuery("MATCH (f:Finding {analytic: 'AN0862'}) WHERE f.hostName = 'implant-host' RETURN f.evidenceJson AS evidence");
    expect(records).toHaveLength(1);
    const evidence = JSON.parse(records[0]!.get('evidence') as string) as Array<{ role: string; key: string; ts: number }>;
    expect(evidence.filter((e) => e.role === 'connection')).toEqual([expect.objectContaining({ key: '198.51.100.9', ts: t0 + 3000 })]);
    expect(evidence.filter((e) => e.role === 'unsigned-module')).toEqual([expect.objectContaining({ ts: t0 + 3000 })]);
  });

  it('stores a process-less event once when two writers attribute it to different hosts (the lock is the destination\'s)', async () => {
    const sensorHost = { id: 'ip:10.9.9.9', name: '10.9.9.9', os: 'unknown' as const };
    const ts = t0 + 5_000_000;
    const lookup = (id: string): NormalizedEvent => ({ v: 1, id, ts, host: sensorHost, source: source(id), kind: 'dns.query', query: 'updates.example.org', answers: ['192.0.2.44'], hostByIp: '10.9.9.9' });
    await writeEvents(driver, [lookup('zeek-dns-0')]); // the domain and the placeholder host exist
    const plan = planWrites([lookup('zeek-dns-1')]);
    // The first writer knows nothing of 10.9.9.9 (the placeholder host); meanwhile an endpoint
    // reports that it had 10.9.9.9 then, and the second writer attributes the event to it.
    const realInfo = () => writeEvents(driver, [{ v: 1, id: 'real-info', ts, host: { id: 'real-host', name: 'real-host', os: 'linux' }, source: source('real-info'), kind: 'host.info', ips: ['10.9.9.9'] } as NormalizedEvent]);
    expect(await writeTwiceAtOnce(driver, () => statementHeldOpen(driver, 'ingest/host-dns-query', plan.hostDnsQueries), realInfo)).toBe(true);
    const { records } = await driver.executeQuery("MATCH (h:Host)-[q:QUERIED {eventId: 'zeek-dns-1'}]->() RETURN h.id AS host");
    expect(records.map((r) => r.get('host'))).toEqual(['ip:10.9.9.9']);
  });

  it('stores an event once when two transactions write it at the same moment (the second waits for the actor)', async () => {
    const plan = planWrites(beacon(90_000));
    await writeEvents(driver, [{ ...beacon(90_000)[0]!, id: 'dns-setup' }]); // the domain and process exist
    expect(await writeTwiceAtOnce(driver, () => statementHeldOpen(driver, 'ingest/dns-query', plan.dnsQueries))).toBe(true);
    const { records } = await driver.executeQuery("MATCH ()-[q:QUERIED {eventId: 'dns-90000'}]->() RETURN count(q) AS n");
    expect(Number(records[0]!.get('n'))).toBe(1);
  });
});
