import { graphql } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/api/schema.js';
import { cypher, statements } from '../../src/graph/cypher.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { EVENT_MODEL_VERSION, type HostRef, type NormalizedEvent, type ProcessInfo, type Signature } from '../../src/model/event.js';
import { EntityPivotService } from '../../src/services/entityPivotService.js';
import { SearchService } from '../../src/services/searchService.js';
import { freshGraph, stack } from '../support/graph.js';

// A small fleet: a vendor updater installed on ws-a, overwritten by a dropper on ws-b, both calling
// home to updates.acme.example; a Zeek-only host (ws-c); a Linux host with case-distinct paths; a
// Mac whose Gatekeeper verdict names the vendor's Team ID.
const T0 = Date.UTC(2026, 0, 10, 9);
const at = (minute: number) => T0 + minute * 60_000;
const content = (c: string) => c.repeat(64);
const [SETUP, GOOD, BAD, DLL, DROP, CURL, LNX1, LNX2, MAC] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(content) as [string, string, string, string, string, string, string, string, string];
const ACME = 'Acme Software Ltd';
const valid: Signature = { signed: true, status: 'valid', signer: ACME };
const updater = 'C:\\Program Files\\Acme\\AcmeUpdate.exe';

const wsA: HostRef = { id: 'ws-a.corp.example', name: 'WS-A.corp.example', os: 'windows' };
const wsB: HostRef = { id: 'ws-b.corp.example', name: 'WS-B.corp.example', os: 'windows' };
const wsC: HostRef = { id: 'ws-c.corp.example', name: 'WS-C.corp.example', os: 'windows' };
const zeekSeen: HostRef = { id: 'ip:10.0.0.7', name: '10.0.0.7', os: 'unknown' };
const lnx: HostRef = { id: 'lnx-1', name: 'lnx-1', os: 'linux' };
const mac: HostRef = { id: 'mac-1', name: 'mac-1', os: 'macos' };

let seq = 0;
const base = (host: HostRef, minute: number) => ({ v: EVENT_MODEL_VERSION as typeof EVENT_MODEL_VERSION, id: `search-${++seq}`, ts: at(minute), host, source: { format: 'test', recordId: String(seq) } });
const uid = (host: HostRef, name: string) => `${host.id}|${name}`;
const start = (host: HostRef, minute: number, process: ProcessInfo, parentUid?: string): NormalizedEvent => ({ ...base(host, minute), kind: 'process.start', process, parent: parentUid ? { uid: parentUid } : undefined });
const write = (host: HostRef, minute: number, actor: string, path: string, sha256: string, op: 'create' | 'overwrite' = 'create'): NormalizedEvent => ({ ...base(host, minute), kind: 'file', op, actor: { uid: actor }, path, hashes: { sha256 } });
const connect = (host: HostRef, minute: number, actor: string | undefined, dstPort: number, dstHostname?: string, hostByIp?: string): NormalizedEvent => ({
  ...base(host, minute),
  kind: 'network.connect',
  actor: actor ? { uid: actor } : undefined,
  direction: 'outbound',
  dstIp: '198.51.100.7',
  dstPort,
  dstHostname,
  hostByIp,
});
const lookup = (host: HostRef, minute: number, actor: string | undefined, hostByIp?: string): NormalizedEvent => ({ ...base(host, minute), kind: 'dns.query', actor: actor ? { uid: actor } : undefined, query: 'updates.acme.example', answers: ['198.51.100.7'], hostByIp });

const fleet: NormalizedEvent[] = [
  { ...base(wsC, 0), kind: 'host.info', ips: ['10.0.0.7'] },
  start(wsA, 1, { uid: uid(wsA, 'setup'), image: 'C:\\Users\\Alice\\Downloads\\AcmeSetup.exe', commandLine: '"C:\\Users\\Alice\\Downloads\\AcmeSetup.exe" /S', hashes: { sha256: SETUP }, signature: valid }),
  write(wsA, 2, uid(wsA, 'setup'), updater, GOOD),
  start(wsA, 3, { uid: uid(wsA, 'update'), image: updater, commandLine: `"${updater}" --check`, hashes: { sha256: GOOD }, signature: valid }, uid(wsA, 'setup')),
  lookup(wsA, 4, uid(wsA, 'update')),
  connect(wsA, 5, uid(wsA, 'update'), 443, 'updates.acme.example'),
  start(wsB, 10, { uid: uid(wsB, 'dropper'), image: 'C:\\Windows\\Temp\\dropper.exe', commandLine: 'C:\\Windows\\Temp\\dropper.exe -q', hashes: { sha256: DROP } }),
  write(wsB, 11, uid(wsB, 'dropper'), 'c:/program files/ACME/acmeupdate.exe', BAD, 'overwrite'),
  start(wsB, 12, { uid: uid(wsB, 'update'), image: 'C:\\PROGRAM FILES\\Acme\\AcmeUpdate.exe', commandLine: 'AcmeUpdate.exe --check --quiet', hashes: { sha256: BAD }, signature: { signed: false, status: 'failed: invalid hash', signer: ACME } }),
  { ...base(wsB, 13), kind: 'module.load', actor: { uid: uid(wsB, 'update') }, path: 'C:\\Program Files\\Acme\\acme.dll', hashes: { sha256: DLL }, signature: valid },
  connect(wsB, 14, uid(wsB, 'update'), 8443),
  // Same address, another site's name: not traffic to updates.acme.example.
  connect(wsB, 15, uid(wsB, 'update'), 443, 'shared.other.example'),
  start(lnx, 30, { uid: uid(lnx, 'curl'), image: '/usr/bin/curl', commandLine: 'curl -fsSL https://updates.acme.example/AcmeUpdate.sh -o /opt/Acme/acmeupdate', hashes: { sha256: CURL } }),
  write(lnx, 31, uid(lnx, 'curl'), '/opt/Acme/acmeupdate', LNX1),
  write(lnx, 32, uid(lnx, 'curl'), '/opt/acme/acmeupdate', LNX2),
  { ...base(mac, 40), kind: 'file.signature', path: '/Applications/Acme.app/Contents/MacOS/Acme', hashes: { sha256: MAC }, signature: { ...valid, teamId: 'ACME12345' }, verdict: 'allowed' },
];
// Zeek sees ws-c by address only; written after the host's address is known.
const zeek: NormalizedEvent[] = [lookup(zeekSeen, 20, undefined, '10.0.0.7'), connect(zeekSeen, 21, undefined, 443, undefined, '10.0.0.7')];

describe('entity pivots and search against the real Neo4j', () => {
  let driver: Driver;
  let pivots: EntityPivotService;
  let search: SearchService;
  beforeAll(async () => {
    driver = await freshGraph();
    pivots = new EntityPivotService(driver);
    search = new SearchService(driver);
    await writeEvents(driver, fleet);
    await writeEvents(driver, zeek);
  });
  afterAll(async () => driver.close());

  it('pivots on a path in any case and slash form: hosts, contents, writers and runs', async () => {
    const pivot = await pivots.path('c:/PROGRAM FILES/acme/acmeupdate.exe', 100);
    expect(pivot).toMatchObject({
      prevalence: 2,
      firstSeen: at(2),
      lastSeen: at(12),
      hosts: [
        { hostId: wsB.id, path: 'C:\\PROGRAM FILES\\Acme\\AcmeUpdate.exe', firstSeen: at(11), lastSeen: at(12), writes: 1, runs: 1, loads: 0, deletes: 0 },
        { hostId: wsA.id, path: updater, firstSeen: at(2), lastSeen: at(3), writes: 1, runs: 1, loads: 0, deletes: 0 },
      ],
      contents: [
        { sha256: BAD, hosts: 1, firstSeen: at(11), lastSeen: at(12) },
        { sha256: GOOD, hosts: 1, firstSeen: at(2), lastSeen: at(3) },
      ],
      writers: [
        { hostId: wsB.id, image: 'C:\\Windows\\Temp\\dropper.exe', sha256: DROP, ops: ['overwrite'], processes: 1, writes: 1, firstSeen: at(11) },
        { hostId: wsA.id, image: 'C:\\Users\\Alice\\Downloads\\AcmeSetup.exe', sha256: SETUP, ops: ['create'], processes: 1, writes: 1, firstSeen: at(2) },
      ],
    });
    const runs = await pivots.pathProcesses(updater, 10);
    expect(runs.map((r) => r.process.uid)).toEqual([uid(wsB, 'update'), uid(wsA, 'update')]);
    expect(runs[1]!.connections).toEqual([{ ip: '198.51.100.7', hostname: 'updates.acme.example', port: 443, ts: at(5) }]);
    expect((await pivots.pathProcesses(updater, 1)).map((r) => r.process.uid)).toEqual([uid(wsB, 'update')]);
  });

  it('matches POSIX paths exactly: two files differing only in case stay apart', async () => {
    const pivot = await pivots.path('/opt/Acme/acmeupdate', 100);
    expect(pivot).toMatchObject({ prevalence: 1, hosts: [{ hostId: lnx.id, path: '/opt/Acme/acmeupdate', writes: 1 }], contents: [{ sha256: LNX1 }] });
    expect(await pivots.path('/opt/ACME/acmeupdate', 100)).toBeUndefined();
  });

  it('stacks a file name across the fleet by path and content, rarest first', async () => {
    const pivot = await pivots.fileName('ACMEUPDATE.EXE', 100);
    expect(pivot).toMatchObject({ name: 'acmeupdate.exe', prevalence: 2, paths: 1, contents: 2 });
    expect(pivot!.groups).toEqual([
      { path: 'C:\\PROGRAM FILES\\Acme\\AcmeUpdate.exe', sha256: BAD, hosts: 1, hostIds: [wsB.id], firstSeen: at(11), lastSeen: at(12) },
      { path: updater, sha256: GOOD, hosts: 1, hostIds: [wsA.id], firstSeen: at(2), lastSeen: at(3) },
    ]);
    const linux = await pivots.fileName('acmeupdate', 100);
    expect(linux).toMatchObject({ prevalence: 1, paths: 2, contents: 2 });
    expect(linux!.groups.map((g) => [g.path, g.sha256])).toEqual([
      ['/opt/acme/acmeupdate', LNX2],
      ['/opt/Acme/acmeupdate', LNX1],
    ]);
    await expect(pivots.fileName('C:\\x\\acmeupdate.exe', 100)).rejects.toThrow("name must be a file name without a folder, got 'C:\\x\\acmeupdate.exe'; use pathPivot for a full path");
  });

  it('pivots on a signer across runs, module loads and verifier verdicts, and on a Team ID', async () => {
    const pivot = await pivots.signer(ACME, 100);
    expect(pivot).toMatchObject({
      prevalence: 3,
      sightings: 5,
      teamIds: ['ACME12345'],
      firstSeen: at(1),
      lastSeen: at(40),
      signatures: [
        { signer: ACME, status: 'valid', signed: true, count: 4 },
        { signer: ACME, status: 'failed: invalid hash', signed: false, count: 1 },
      ],
      hosts: [
        { hostId: mac.id, binaries: 1, sightings: 1, firstSeen: at(40), lastSeen: at(40) },
        { hostId: wsB.id, binaries: 2, sightings: 2, firstSeen: at(12), lastSeen: at(13) },
        { hostId: wsA.id, binaries: 2, sightings: 2, firstSeen: at(1), lastSeen: at(3) },
      ],
    });
    expect(pivot!.binaries.map((b) => [b.sha256, b.statuses])).toEqual([
      [MAC, ['valid']],
      [DLL, ['valid']],
      [BAD, ['failed: invalid hash']],
      [GOOD, ['valid']],
      [SETUP, ['valid']],
    ]);
    expect(await pivots.signer('ACME12345', 100)).toMatchObject({ prevalence: 1, binaries: [{ sha256: MAC, paths: ['/Applications/Acme.app/Contents/MacOS/Acme'] }] });
    expect(await pivots.signer('Nobody Inc', 100)).toBeUndefined();
  });

  it('shows which hosts talked to a domain, from which binaries, and when, including Zeek-only hosts', async () => {
    const pivot = await pivots.domain('Updates.Acme.Example.', 100);
    expect(pivot).toMatchObject({ name: 'updates.acme.example', prevalence: 3, contactCount: 3, firstSeen: at(4), lastSeen: at(21) });
    expect(pivot!.contacts).toEqual([
      { hostId: wsC.id, image: null, sha256: null, via: ['CONNECTED_TO_ADDRESS', 'QUERIED'], processes: 0, events: 2, ports: [443], firstSeen: at(20), lastSeen: at(21) },
      { hostId: wsB.id, image: 'C:\\PROGRAM FILES\\Acme\\AcmeUpdate.exe', sha256: BAD, via: ['CONNECTED_TO_ADDRESS'], processes: 1, events: 1, ports: [8443], firstSeen: at(14), lastSeen: at(14) },
      { hostId: wsA.id, image: updater, sha256: GOOD, via: ['CONNECTED', 'QUERIED'], processes: 1, events: 2, ports: [443], firstSeen: at(4), lastSeen: at(5) },
    ]);
    expect(pivot!.resolutions).toEqual([{ name: 'updates.acme.example', address: '198.51.100.7', firstSeen: at(4) }]);
    expect((await pivots.domain('updates.acme.example', 1))!.contacts.map((c) => c.hostId)).toEqual([wsC.id]);
    expect(await pivots.domain('never.example', 100)).toBeUndefined();
  });

  it('shows the same for an address, with the names it resolved from and the hosts that held it', async () => {
    const pivot = await pivots.ip('198.51.100.7', 100);
    expect(pivot).toMatchObject({ prevalence: 3, contactCount: 3, holders: [] });
    expect(pivot!.contacts.map((c) => [c.hostId, c.via, c.ports, c.events])).toEqual([
      [wsC.id, ['CONNECTED', 'QUERIED'], [443], 2],
      [wsB.id, ['CONNECTED'], [443, 8443], 2],
      [wsA.id, ['CONNECTED', 'QUERIED'], [443], 2],
    ]);
    expect(pivot!.resolutions).toEqual([
      { name: 'updates.acme.example', address: '198.51.100.7', firstSeen: at(4) },
      { name: 'shared.other.example', address: '198.51.100.7', firstSeen: at(15) },
    ]);
    expect(await pivots.ip('10.0.0.7', 100)).toMatchObject({ prevalence: 0, contacts: [], holders: [{ hostId: wsC.id, firstSeen: at(0), lastSeen: at(0) }] });
    await expect(pivots.ip('updates.acme.example', 100)).rejects.toThrow("address must be an IPv4 or IPv6 address, got 'updates.acme.example'");
  });

  it('searches paths, command lines and domains case-insensitively, and content by SHA-256', async () => {
    const found = await search.search('AcmeUpdate', undefined, 20);
    expect(found.truncated).toBe(false);
    expect(found.hits.map((h) => [h.kind, h.key])).toEqual([
      ['PATH', `${lnx.id}|/opt/Acme/acmeupdate`],
      ['PATH', `${lnx.id}|/opt/acme/acmeupdate`],
      ['PATH', `${wsB.id}|c:\\program files\\acme\\acmeupdate.exe`],
      ['PATH', `${wsA.id}|c:\\program files\\acme\\acmeupdate.exe`],
      ['COMMAND_LINE', uid(wsA, 'update')],
      ['COMMAND_LINE', uid(wsB, 'update')],
      ['COMMAND_LINE', uid(lnx, 'curl')],
    ]);
    expect((await search.search('PROGRAM FILES\\ACME', ['PATH'], 20)).hits.map((h) => h.label)).toEqual(['C:\\PROGRAM FILES\\Acme\\AcmeUpdate.exe', updater, 'C:\\Program Files\\Acme\\acme.dll']);
    expect((await search.search(' acme.EXAMPLE ', undefined, 20)).hits).toEqual([
      { kind: 'DOMAIN', key: 'updates.acme.example', label: 'updates.acme.example', hostId: null, ts: at(4) },
      { kind: 'COMMAND_LINE', key: uid(lnx, 'curl'), label: 'curl -fsSL https://updates.acme.example/AcmeUpdate.sh -o /opt/Acme/acmeupdate', hostId: lnx.id, ts: at(30) },
    ]);
    expect((await search.search(GOOD.toUpperCase(), ['HASH'], 20)).hits).toEqual([{ kind: 'HASH', key: GOOD, label: updater, hostId: wsA.id, ts: null }]);
  });

  it('bounds search pages and says when more matched', async () => {
    const page = await search.search('acme', ['PATH'], 2);
    expect(page.hits).toHaveLength(2);
    expect(page.truncated).toBe(true);
    const all = await search.search('acme', ['PATH'], 100);
    expect(all).toMatchObject({ truncated: false });
    // Both updaters, the DLL, the two Linux files, the Mac app and the downloaded AcmeSetup.exe.
    expect(all.hits).toHaveLength(7);
  });

  it('rejects searches it cannot answer with what is wrong', async () => {
    await expect(search.search(' ab ', undefined, 20)).rejects.toThrow("text must be at least 3 characters (spaces at either end do not count), got ' ab '");
    await expect(search.search('acme', undefined, 101)).rejects.toThrow('first must be between 1 and 100, got 101');
    await expect(search.search('acme', [], 20)).rejects.toThrow('kinds must name at least one of HASH, DOMAIN, PATH, COMMAND_LINE');
    await expect(search.search('d41d8cd98f00b204e9800998ecf8427e', ['HASH'], 20)).rejects.toThrow(
      "HASH search takes a SHA-256 (64 hexadecimal characters), got 'd41d8cd98f00b204e9800998ecf8427e'; MD5 and SHA-1 digests are not stored in the graph",
    );
    await expect(pivots.path('C:\\x.exe', 501)).rejects.toThrow('first must be between 1 and 500, got 501');
  });

  it('answers fragment searches from TEXT indexes (query plans)', async () => {
    const scans: Record<string, string> = {};
    for (const name of ['path', 'command-line', 'domain']) {
      const { summary } = await driver.executeQuery(`EXPLAIN ${cypher(`search/${name}`)}`, { fragment: 'acme', limit: neo4j.int(10) });
      scans[name] = planOperators(summary.plan as PlanNode).find((op) => op.startsWith('NodeIndexContainsScan')) ?? 'no index scan';
    }
    expect(scans).toEqual({
      path: expect.stringContaining('TEXT INDEX f:File(pathLower) WHERE pathLower CONTAINS $fragment'),
      'command-line': expect.stringContaining('TEXT INDEX p:Process(commandLineLower) WHERE commandLineLower CONTAINS $fragment'),
      domain: expect.stringContaining('TEXT INDEX d:Domain(name) WHERE name CONTAINS $fragment'),
    });
  });

  it('back-fills the lower-cased copies for graphs written before migration 010', async () => {
    await driver.executeQuery('MATCH (f:File) REMOVE f.pathLower');
    await driver.executeQuery('MATCH (p:Process) REMOVE p.commandLineLower');
    for (const statement of statements(cypher('migrations/010_search'))) await driver.executeQuery(statement);
    expect((await search.search('acmeupdate', undefined, 20)).hits).toHaveLength(7);
  });

  it('serves the pivots and search through the GraphQL schema to a viewer', async () => {
    const context = { driver, database: stack().neo4j.database, caller: { id: 'k1', name: 'hunter', role: 'viewer' as const } };
    const query = `{
      search(text: "acme.example", kinds: [DOMAIN]) { truncated hits { kind key time } }
      domain(name: "updates.acme.example", first: 1) { prevalence contactCount contacts { hostId via firstSeen } }
      pathPivot(path: "${updater.replace(/\\/g, '\\\\')}") { prevalence processes(first: 1) { hostId image started } }
    }`;
    const result = await graphql({ schema: buildSchema(), source: query, contextValue: context });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      search: { truncated: false, hits: [{ kind: 'DOMAIN', key: 'updates.acme.example', time: new Date(at(4)).toISOString() }] },
      domain: { prevalence: 3, contactCount: 3, contacts: [{ hostId: wsC.id, via: ['CONNECTED_TO_ADDRESS', 'QUERIED'], firstSeen: new Date(at(20)).toISOString() }] },
      pathPivot: { prevalence: 2, processes: [{ hostId: wsB.id, image: 'C:\\PROGRAM FILES\\Acme\\AcmeUpdate.exe', started: new Date(at(12)).toISOString() }] },
    });
    const refused = await graphql({ schema: buildSchema(), source: '{ search(text: "ab") { truncated } }', contextValue: context });
    expect(refused.errors?.map((e) => e.message)).toEqual(["text must be at least 3 characters (spaces at either end do not count), got 'ab'"]);
  });
});

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function planOperators(plan: PlanNode): string[] {
  return [`${plan.operatorType} ${String(plan.arguments.Details ?? '')}`, ...plan.children.flatMap(planOperators)];
}
