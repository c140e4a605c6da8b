import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { EVENT_MODEL_VERSION, type HostRef, type NormalizedEvent } from '../../src/model/event.js';
import { freshGraph, graphCounts } from '../support/graph.js';

const web01: HostRef = { id: 'web01', name: 'web01', os: 'linux' };
const base = (id: string, ts: number, host: HostRef = web01) => ({ v: EVENT_MODEL_VERSION as typeof EVENT_MODEL_VERSION, id, ts, host, source: { format: 'test', recordId: id } });
const T = Date.parse('2024-05-01T12:00:00Z');

const events: NormalizedEvent[] = [
  { ...base('hi1', T), kind: 'host.info', ips: ['10.0.0.5', '127.0.0.1'] },
  { ...base('pkg1', T + 1000), kind: 'package', op: 'upgrade', manager: 'apt', name: 'curl', version: '7.88.1-10+deb12u5', previousVersion: '7.88.1-10', arch: 'amd64', repository: 'deb.debian.org bookworm-security', commandLine: 'apt-get upgrade -y' },
  {
    ...base('sig1', T + 2000, { id: 'mac1', name: 'mac1', os: 'macos' }),
    kind: 'file.signature',
    path: '/Applications/3CX Desktop App.app/Contents/MacOS/3CX Desktop App',
    signature: { signed: true, status: 'valid', signer: 'Developer ID Application: 3CX (33CF4654HL)', teamId: '33CF4654HL', notarized: true },
    verdict: 'allowed',
  },
  // Zeek saw 10.0.0.5 talk out: that address belonged to web01 at the time.
  { ...base('zeek1', T + 3000, { id: 'ip:10.0.0.5', name: '10.0.0.5', os: 'unknown' }), kind: 'network.connect', direction: 'outbound', srcIp: '10.0.0.5', dstIp: '198.51.100.7', dstPort: 443, hostByIp: '10.0.0.5' },
  // Nobody is known to have had 10.9.9.9: kept under a placeholder host, not dropped.
  { ...base('zeek2', T + 4000, { id: 'ip:10.9.9.9', name: '10.9.9.9', os: 'unknown' }), kind: 'dns.query', query: 'updates.example.net', answers: ['198.51.100.8'], hostByIp: '10.9.9.9' },
];

describe('graph writes for package, signature, host-info and process-less network events', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
    await writeEvents(driver, events);
  });
  afterAll(async () => driver.close());

  it('records a package upgrade on its host with versions and repository', async () => {
    const { records } = await driver.executeQuery('MATCH (:Host {id: "web01"})-[i:INSTALLED]->(p:Package) RETURN p.key AS key, i.op AS op, i.version AS version, i.previousVersion AS previous, i.repository AS repo');
    expect(records.map((r) => r.toObject())).toEqual([{ key: 'apt|curl', op: 'upgrade', version: '7.88.1-10+deb12u5', previous: '7.88.1-10', repo: 'deb.debian.org bookworm-security' }]);
  });

  it('links a verified file to its signing identity by Team ID', async () => {
    const { records } = await driver.executeQuery('MATCH (f:File)-[v:VERIFIED]->(s:Signer) RETURN s.key AS signer, v.notarized AS notarized, v.verdict AS verdict, f.hostId AS host');
    expect(records.map((r) => r.toObject())).toEqual([{ signer: 'team:33CF4654HL', notarized: true, verdict: 'allowed', host: 'mac1' }]);
  });

  it('attributes a process-less connection to the host that had the source address, and keeps the unattributable one under a placeholder', async () => {
    const attributed = await driver.executeQuery('MATCH (h:Host)-[c:CONNECTED]->(ip:IP {address: "198.51.100.7"}) RETURN h.id AS host');
    expect(attributed.records.map((r) => r.get('host'))).toEqual(['web01']);
    const placeholder = await driver.executeQuery('MATCH (h:Host)-[:QUERIED]->(d:Domain {name: "updates.example.net"}) RETURN h.id AS host, h.placeholder AS placeholder');
    expect(placeholder.records.map((r) => r.toObject())).toEqual([{ host: 'ip:10.9.9.9', placeholder: true }]);
    const ips = await driver.executeQuery('MATCH (:Host {id: "web01"})-[:HAD_IP]->(ip) RETURN collect(ip.address) AS ips');
    expect(ips.records[0]!.get('ips')).toEqual(['10.0.0.5']);
  });

  it('writes nothing new when the same events arrive again', async () => {
    const before = await graphCounts(driver);
    await writeEvents(driver, events);
    expect(await graphCounts(driver)).toEqual(before);
  });

  it('keeps the earliest time a name resolved to an address, whichever batch brings it', async () => {
    const answer = (id: string, ts: number): NormalizedEvent => ({ ...base(id, ts, { id: 'ip:10.9.9.9', name: '10.9.9.9', os: 'unknown' }), kind: 'dns.query', query: 'updates.example.net', answers: ['198.51.100.8'], hostByIp: '10.9.9.9' });
    const firstSeen = async () => (await driver.executeQuery("MATCH (:Domain {name: 'updates.example.net'})-[r:RESOLVED_TO]->(:IP {address: '198.51.100.8'}) RETURN r.firstSeen AS t")).records.map((r) => Number(r.get('t')));
    expect(await firstSeen()).toEqual([T + 4000]);
    await writeEvents(driver, [answer('zeek3', T + 9000)]); // later: unchanged
    expect(await firstSeen()).toEqual([T + 4000]);
    await writeEvents(driver, [answer('zeek4', T - 5000)]); // arrived late, seen earlier
    expect(await firstSeen()).toEqual([T - 5000]);
  });
});
