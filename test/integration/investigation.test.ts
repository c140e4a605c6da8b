import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processUid } from '../../src/adapters/identity.js';
import { detectAfterBatch } from '../../src/analytics/detector.js';
import { type RunningApi } from '../../src/api/server.js';
import { projectRoot } from '../../src/config/paths.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { openInput } from '../../src/ingest/openInput.js';
import { parseInput } from '../../src/ingest/parseInput.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { ApiKeysService } from '../../src/services/apiKeysService.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { InvestigationService } from '../../src/services/investigationService.js';
import { postGraphql, startTestApi } from '../support/api.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');
const bootstrap = 'investigation-bootstrap-key-0123456789';
const host = { id: 'ws-fin-042.corp.example', name: 'WS-FIN-042.corp.example', os: 'windows' as const };
const at = (hms: string) => Date.parse(`2023-03-29T${hms}Z`);
const iso = (hms: string) => new Date(at(hms)).toISOString();
const uid = (guid: string) => processUid(host.id, guid);

// Processes of the sample (docs/samples/tampered-update.sysmon.jsonl) on WS-FIN-042.
const explorer = uid('2a1c9e11-0c1d-6424-1a00-000000000900');
const installer = uid('2a1c9e11-0c2f-6424-2b01-000000000900');
const firstRun = uid('2a1c9e11-0d5b-6424-4c01-000000000900');
const shell = uid('2a1c9e11-0d97-6424-5101-000000000900');
// Processes and events this test adds around them.
const userinit = uid('aaaa0000-0000-0000-0000-000000000001');
const whoami = uid('aaaa0000-0000-0000-0000-000000000002');
const rundll = uid('aaaa0000-0000-0000-0000-000000000003');
const svchost = uid('aaaa0000-0000-0000-0000-000000000004');
const msiServer = uid('aaaa0000-0000-0000-0000-000000000005');

let eventNo = 0;
function base(ts: number) {
  eventNo++;
  return { v: 1 as const, id: `inv-${eventNo}`, ts, host, source: { format: 'test', recordId: `inv-${eventNo}` } };
}
const start = (hms: string, process: { uid: string; image: string; commandLine?: string }, parent?: string): NormalizedEvent => ({
  ...base(at(hms)), kind: 'process.start', process: { ...process, user: 'CORP\\amy' }, ...(parent ? { parent: { uid: parent } } : {}),
});

/** Around the sample's chain: explorer's parent, more of the first run's family, an unrelated talker, a package, Zeek DNS. */
const extraEvents = (): NormalizedEvent[] => [
  start('09:00:00', { uid: userinit, image: 'C:\\Windows\\System32\\userinit.exe' }),
  start('09:00:01', { uid: explorer, image: 'C:\\Windows\\explorer.exe' }, userinit),
  start('09:30:00', { uid: svchost, image: 'C:\\Windows\\System32\\svchost.exe', commandLine: 'svchost.exe -k netsvcs' }),
  start('10:00:25', { uid: msiServer, image: 'C:\\Windows\\System32\\msiexec.exe', commandLine: 'msiexec.exe /V' }, installer),
  start('10:06:01', { uid: whoami, image: 'C:\\Windows\\System32\\whoami.exe', commandLine: 'whoami /all' }, shell),
  start('10:06:30', { uid: rundll, image: 'C:\\Windows\\System32\\rundll32.exe', commandLine: 'rundll32.exe d3dcompiler_47.dll,Init' }, firstRun),
  { ...base(at('10:00:30')), kind: 'package', op: 'install', manager: 'msi', name: '3CX Desktop App', version: '18.12.416', repository: 'download.3cx.com' },
  { ...base(at('10:05:40')), kind: 'network.connect', actor: { uid: svchost }, direction: 'outbound', protocol: 'tcp', srcIp: '10.20.30.42', dstIp: '198.51.100.7', dstPort: 8443, dstHostname: 'telemetry.example.net' },
  {
    ...base(at('10:05:45')), host: { id: 'ip:10.20.30.42', name: '10.20.30.42', os: 'unknown' }, source: { format: 'zeek', recordId: 'dns-1' },
    kind: 'dns.query', query: 'raw.githubusercontent.com', answers: ['185.199.108.133'], hostByIp: '10.20.30.42',
  },
];

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe('investigation views (process, host, finding graph and context, pattern queries) against the real Neo4j', () => {
  const prefix = uniquePrefix('investigation');
  let driver: Driver;
  let queue: ReturnType<typeof ingestQueue>;
  let api: RunningApi;
  let viewer: string;
  let analyst: string;
  let findingId: string;

  beforeAll(async () => {
    driver = await freshGraph();
    const events: NormalizedEvent[] = [];
    for await (const o of parseInput(await openInput(sample), { fileName: sample })) if (o.outcome === 'events') events.push(...o.events);
    await detectAfterBatch(driver, events, undefined, await writeEvents(driver, events));
    await writeEvents(driver, extraEvents());
    const keys = new ApiKeysService(driver, stack().neo4j.database);
    viewer = (await keys.create('inv-viewer', 'viewer', 'test')).token;
    analyst = (await keys.create('inv-analyst', 'analyst', 'test')).token;
    queue = ingestQueue(stack().redisUrl, prefix);
    api = await startTestApi({ apiKey: bootstrap, driver, ingestQueue: queue, queuePrefix: prefix });
  });
  afterAll(async () => {
    await api.close();
    await queue.close();
    await driver.close();
  });

  const graphql = async (query: string, variables: Record<string, unknown> = {}, key = viewer): Promise<GraphQLBody> => {
    const response = await postGraphql(api.url, key, query, variables);
    return (await response.json()) as GraphQLBody;
  };
  const data = async (query: string, variables: Record<string, unknown> = {}, key = viewer) => {
    const body = await graphql(query, variables, key);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const errors = async (query: string, variables: Record<string, unknown> = {}, key = viewer) => (await graphql(query, variables, key)).errors?.map((e) => e.message);

  describe('process', () => {
    it('shows a process with its ancestors, descendants, writes, loads, connections, DNS and findings', async () => {
      const { process } = await data(
        `query($uid: ID!) { process(uid: $uid) {
          uid hostId image started
          ancestors { uid depth image parentUid }
          descendants { uid depth parentUid image }
          loads { path signed signer status time }
          connections { ip port hostname time processUid }
          dnsQueries { domain answers time }
          findings { analytic host }
        } }`,
        { uid: firstRun },
      );
      expect(process).toMatchObject({ uid: firstRun, hostId: host.id, image: 'C:\\Program Files\\3CXDesktopApp\\3CXDesktopApp.exe', started: iso('10:05:00') });
      expect(process.ancestors).toEqual([
        { uid: explorer, depth: 1, image: 'C:\\Windows\\explorer.exe', parentUid: userinit },
        { uid: userinit, depth: 2, image: 'C:\\Windows\\System32\\userinit.exe', parentUid: null },
      ]);
      // Breadth first: both children (by start), then the grandchild.
      expect(process.descendants).toEqual([
        { uid: shell, depth: 1, parentUid: firstRun, image: 'C:\\Windows\\System32\\cmd.exe' },
        { uid: rundll, depth: 1, parentUid: firstRun, image: 'C:\\Windows\\System32\\rundll32.exe' },
        { uid: whoami, depth: 2, parentUid: shell, image: 'C:\\Windows\\System32\\whoami.exe' },
      ]);
      expect(process.loads).toEqual([{ path: 'C:\\Program Files\\3CXDesktopApp\\ffmpeg.dll', signed: false, signer: null, status: 'unavailable', time: iso('10:05:02') }]);
      expect(process.connections).toEqual([{ ip: '203.0.113.50', port: 443, hostname: 'akamaicontainer.com', time: iso('10:05:31'), processUid: firstRun }]);
      expect(process.dnsQueries).toEqual([{ domain: 'akamaicontainer.com', answers: ['203.0.113.50'], time: iso('10:05:30') }]);
      expect(process.findings).toEqual([{ analytic: 'AN0862', host: host.name }]);
    });

    it('bounds depth and page size, and lists writes newest first', async () => {
      const { process } = await data(
        `query($uid: ID!) { process(uid: $uid) { ancestors(depth: 1) { uid } descendants(depth: 1, first: 1) { uid } writes(first: 1) { path op time } all: writes { path } } }`,
        { uid: installer },
      );
      expect(process.ancestors).toEqual([{ uid: explorer }]);
      expect(process.descendants).toEqual([{ uid: msiServer }]);
      expect(process.writes).toEqual([{ path: 'C:\\Program Files\\3CXDesktopApp\\ffmpeg.dll', op: 'create', time: iso('10:00:21') }]);
      expect(process.all.map((w: { path: string }) => path.win32.basename(w.path))).toEqual(['ffmpeg.dll', '3CXDesktopApp.exe']);

      expect(await errors(`{ process(uid: "${installer}") { ancestors(depth: 11) { uid } } }`)).toEqual(['ancestors: depth must be between 1 and 10, got 11']);
      expect(await errors('query($uid: ID!) { process(uid: $uid) { descendants(first: 501) { uid } } }', { uid: installer })).toEqual(['descendants: first must be between 1 and 500, got 501']);
      expect(await errors('query($uid: ID!) { process(uid: $uid) { writes(first: 0) { path } } }', { uid: installer })).toEqual(['writes: first must be between 1 and 500, got 0']);
      expect(await data('{ process(uid: "nobody|nothing") { uid } }')).toEqual({ process: null });

      // Every list at its largest page, every field: within the API's query cost limit.
      const largest = await data(`query($uid: ID!) { process(uid: $uid) { uid hostId pid image imageName commandLine user started ended sha256 signer signed signatureStatus
        ancestors(depth: 10) { uid depth parentUid image commandLine user started }
        descendants(depth: 10, first: 500) { uid depth parentUid image commandLine user started }
        writes(first: 500) { path fileUid op sha256 previousPath time }
        loads(first: 500) { path fileUid sha256 signed signer status time }
        connections(first: 500) { ip port hostname protocol direction time processUid image }
        dnsQueries(first: 500) { domain answers time } } }`, { uid: installer });
      expect(largest.process.descendants).toHaveLength(1);
    });
  });

  describe('host', () => {
    it('finds a host by id or name (exactly one) with its addresses', async () => {
      const byName = await data('{ host(name: "WS-FIN-042.corp.example") { id name os placeholder ips { address } } }');
      expect(byName.host).toEqual({ id: host.id, name: host.name, os: 'windows', placeholder: false, ips: [{ address: '10.20.30.42' }] });
      expect((await data('{ host(id: "WS-FIN-042.corp.example") { id } }')).host).toEqual({ id: host.id });
      expect((await data('{ host(name: "ws-fin-042.corp.example") { id } }')).host).toEqual({ id: host.id });
      expect(await data('{ host(id: "nowhere") { id } }')).toEqual({ host: null });
      expect(await errors('{ host { id } }')).toEqual(['host: give exactly one of id or name, got neither']);
      expect(await errors('{ host(id: "a", name: "b") { id } }')).toEqual(['host: give exactly one of id or name, got both']);
    });

    it('pages a timeline of every kind newest first, the same events as one page', async () => {
      const query = `query($after: String, $first: Int) { host(id: "${host.id}") {
        timeline(since: "2023-03-29T00:00:00Z", until: "2023-03-29T23:59:59Z", first: $first, after: $after) {
          events { id kind time summary processUid target } pageInfo { hasNextPage endCursor } } } }`;
      const whole = (await data(query, { first: 500 })).host.timeline;
      expect(whole.pageInfo.hasNextPage).toBe(false);
      const times = whole.events.map((e: { time: string }) => e.time);
      expect(times).toEqual([...times].sort().reverse());
      const kinds = (events: Array<{ kind: string }>) => events.reduce<Record<string, number>>((n, e) => ({ ...n, [e.kind]: (n[e.kind] ?? 0) + 1 }), {});
      // Process starts: 3 in the sample (explorer is only a parent there) and 6 added.
      expect(kinds(whole.events)).toEqual({ processStart: 9, fileWrite: 2, moduleLoad: 1, network: 2, dns: 2, packageInstall: 1 });
      expect(whole.events.find((e: { kind: string }) => e.kind === 'packageInstall')).toMatchObject({ time: iso('10:00:30'), summary: 'install 3CX Desktop App 18.12.416 from download.3cx.com' });
      expect(whole.events.find((e: { target: string }) => e.target === 'raw.githubusercontent.com')).toMatchObject({ kind: 'dns', processUid: null, summary: 'the host queried raw.githubusercontent.com' });
      expect(whole.events.find((e: { target: string }) => e.target === '198.51.100.7')).toMatchObject({ summary: 'svchost.exe connected to telemetry.example.net (198.51.100.7):8443' });

      const paged: unknown[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page: { events: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (await data(query, { first: 4, after })).host.timeline;
        paged.push(...page.events);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(whole.events);
    });

    it('filters the timeline by kind and time, and says what is wrong with bad arguments', async () => {
      const { host: view } = await data(`{ host(id: "${host.id}") {
        timeline(since: "2023-03-29T10:00:00Z", until: "2023-03-29T10:05:35Z", kinds: [fileWrite, network]) { events { kind time target } } } }`);
      expect(view.timeline.events).toEqual([
        { kind: 'network', time: iso('10:05:31'), target: '203.0.113.50' },
        { kind: 'fileWrite', time: iso('10:00:21'), target: 'C:\\Program Files\\3CXDesktopApp\\ffmpeg.dll' },
        { kind: 'fileWrite', time: iso('10:00:20'), target: 'C:\\Program Files\\3CXDesktopApp\\3CXDesktopApp.exe' },
      ]);
      const timeline = (args: string) => errors(`{ host(id: "${host.id}") { timeline(${args}) { events { id } } } }`);
      expect(await timeline('first: 501')).toEqual(['timeline: first must be between 1 and 500, got 501']);
      expect(await timeline('kinds: []')).toEqual(['timeline: kinds must name at least one of processStart, fileWrite, moduleLoad, network, dns, packageInstall (or be left out for all)']);
      expect(await timeline('since: "2023-03-30T00:00:00Z", until: "2023-03-29T00:00:00Z"')).toEqual(['timeline: since (2023-03-30T00:00:00.000Z) is after until (2023-03-29T00:00:00.000Z)']);
      expect(await timeline('after: "bm90LWEtY3Vyc29y"')).toEqual(["timeline: after: 'bm90LWEtY3Vyc29y' is not a cursor returned by this API"]);
    });

    it('lists installs and the findings on the host', async () => {
      const { host: view } = await data(`{ host(id: "${host.id}") { installs { name manager op version repository time } findings { analytic host } } }`);
      expect(view.installs).toEqual([{ name: '3CX Desktop App', manager: 'msi', op: 'install', version: '18.12.416', repository: 'download.3cx.com', time: iso('10:00:30') }]);
      expect(view.findings).toEqual([{ analytic: 'AN0862', host: host.name }]);
      findingId = (await data(`{ host(id: "${host.id}") { findings { id } } }`)).host.findings[0].id;
    });
  });

  describe('finding', () => {
    it('draws the evidence as nodes and the relationships among them', async () => {
      const { finding } = await data(`query($id: ID!) { finding(id: $id) {
        evidence { kind key role }
        evidenceGraph { nodes { id kind key name roles stage inGraph properties { name value } } edges { from to type time count label } } } }`, { id: findingId });
      const graph = finding.evidenceGraph;
      // One node per evidence entity, all still in the graph.
      const evidenceIds = new Set(finding.evidence.map((e: { kind: string; key: string }) => `${e.kind}:${e.key}`));
      expect(new Set(graph.nodes.map((n: { id: string }) => n.id))).toEqual(evidenceIds);
      expect(graph.nodes.every((n: { inGraph: boolean }) => n.inGraph)).toBe(true);
      const node = (id: string) => graph.nodes.find((n: { id: string }) => n.id === id);
      expect(node(`Process:${installer}`)).toMatchObject({ name: 'msiexec.exe', roles: ['installer'], stage: 1 });
      expect(node(`Process:${installer}`).properties).toContainEqual({ name: 'user', value: 'CORP\\amy' });
      expect(node(`Process:${firstRun}`)).toMatchObject({ name: '3CXDesktopApp.exe', roles: ['first-run'], stage: 3 });
      expect(node('IP:203.0.113.50')).toMatchObject({ name: '203.0.113.50', roles: ['connection'], stage: 4 });

      const edge = (from: string, type: string, to: string) => graph.edges.find((e: { from: string; to: string; type: string }) => e.from === from && e.to === to && e.type === type);
      const exe = `File:${host.id}|c:\\program files\\3cxdesktopapp\\3cxdesktopapp.exe`;
      expect(edge(`Process:${installer}`, 'WROTE', exe)).toMatchObject({ time: iso('10:00:20'), count: 1, label: 'create' });
      expect(edge(`Process:${firstRun}`, 'EXECUTED', exe)).toMatchObject({ time: iso('10:05:00') });
      expect(edge(`Process:${firstRun}`, 'SPAWNED', `Process:${shell}`)).toMatchObject({ time: iso('10:06:00') });
      expect(edge(`Process:${firstRun}`, 'CONNECTED', 'IP:203.0.113.50')).toMatchObject({ time: iso('10:05:31'), label: '443' });
      // Every edge joins two drawn nodes.
      for (const e of graph.edges) expect([evidenceIds.has(e.from), evidenceIds.has(e.to)]).toEqual([true, true]);
    });

    it('draws a package step with the host that installed it', async () => {
      const finding = (await new FindingsService(driver).get(findingId))!;
      const packageStep = { stage: 1, role: 'package', kind: 'Package', key: 'msi|3CX Desktop App', label: '3CX Desktop App 18.12.416', ts: at('10:00:30'), source: null };
      const graph = await new InvestigationService(driver).evidenceGraph({ ...finding, evidence: [...finding.evidence, packageStep] });
      expect(graph.nodes.find((n) => n.kind === 'Package')).toMatchObject({ id: 'Package:msi|3CX Desktop App', name: '3CX Desktop App', roles: ['package'], inGraph: true });
      expect(graph.nodes.find((n) => n.kind === 'Host')).toMatchObject({ id: `Host:${host.id}`, name: host.name, roles: [] });
      expect(graph.edges.filter((e) => e.type === 'INSTALLED')).toEqual([
        { from: `Host:${host.id}`, to: 'Package:msi|3CX Desktop App', type: 'INSTALLED', ts: at('10:00:30'), lastTs: at('10:00:30'), count: 1, label: 'install' },
      ]);
    });

    it('gives the installer chain, the first run children and other connections in the window on demand', async () => {
      const { finding } = await data(`query($id: ID!) { finding(id: $id) { context {
        installer { uid image started }
        installerAncestors { uid depth }
        parentOnly: installerAncestors(depth: 1) { uid }
        firstRun { uid parentUid }
        firstRunChildren { uid image started }
        otherConnections { ip port hostname processUid image time }
        narrow: otherConnections(marginMinutes: 0) { ip }
      } } }`, { id: findingId });
      const context = finding.context;
      expect(context.installer).toEqual({ uid: installer, image: 'C:\\Windows\\System32\\msiexec.exe', started: iso('10:00:00') });
      expect(context.installerAncestors).toEqual([{ uid: explorer, depth: 1 }, { uid: userinit, depth: 2 }]);
      expect(context.parentOnly).toEqual([{ uid: explorer }]);
      expect(context.firstRun).toEqual({ uid: firstRun, parentUid: explorer });
      expect(context.firstRunChildren).toEqual([
        { uid: shell, image: 'C:\\Windows\\System32\\cmd.exe', started: iso('10:06:00') },
        { uid: rundll, image: 'C:\\Windows\\System32\\rundll32.exe', started: iso('10:06:30') },
      ]);
      // The evidence's own connection (3CX to 203.0.113.50) is left out; svchost's is not.
      expect(context.otherConnections).toEqual([
        { ip: '198.51.100.7', port: 8443, hostname: 'telemetry.example.net', processUid: svchost, image: 'C:\\Windows\\System32\\svchost.exe', time: iso('10:05:40') },
      ]);
      expect(context.narrow).toEqual([{ ip: '198.51.100.7' }]);
      expect(await errors('query($id: ID!) { finding(id: $id) { context { otherConnections(marginMinutes: 1441) { ip } } } }', { id: findingId })).toEqual([
        'otherConnections: marginMinutes must be between 0 and 1440, got 1441',
      ]);
    });
  });

  describe('spawnedAfterWrite', () => {
    const query = `query($pathFragment: String!, $image: String!, $withinMinutes: Int, $since: DateTime, $until: DateTime, $writerChildrenOnly: Boolean, $hostId: String) {
      spawnedAfterWrite(pathFragment: $pathFragment, image: $image, withinMinutes: $withinMinutes, since: $since, until: $until, writerChildrenOnly: $writerChildrenOnly, hostId: $hostId) {
        hostId spawned { uid image } write { processUid path time } delayMs byWriter runsWrittenFile } }`;
    const day = { since: '2023-03-29T00:00:00Z', until: '2023-03-30T00:00:00Z' };

    it('finds the processes started within N minutes of a write to a path by an image', async () => {
      const { spawnedAfterWrite } = await data(query, { ...day, pathFragment: '\\3CXDesktopApp\\', image: 'MSIEXEC.EXE', withinMinutes: 5 }, analyst);
      // Within 5 minutes of 10:00:20-21: the msiexec server (the writer's child) and the 3CX app (runs the written file).
      expect(spawnedAfterWrite).toEqual([
        {
          hostId: host.id, spawned: { uid: firstRun, image: 'C:\\Program Files\\3CXDesktopApp\\3CXDesktopApp.exe' },
          write: { processUid: installer, path: 'C:\\Program Files\\3CXDesktopApp\\3CXDesktopApp.exe', time: iso('10:00:20') },
          delayMs: at('10:05:00') - at('10:00:20'), byWriter: false, runsWrittenFile: true,
        },
        {
          hostId: host.id, spawned: { uid: msiServer, image: 'C:\\Windows\\System32\\msiexec.exe' },
          write: { processUid: installer, path: 'C:\\Program Files\\3CXDesktopApp\\ffmpeg.dll', time: iso('10:00:21') },
          delayMs: 4_000, byWriter: true, runsWrittenFile: false,
        },
      ]);
      const wider = (await data(query, { ...day, pathFragment: '3cxdesktopapp', image: 'C:\\Windows\\System32\\msiexec.exe', withinMinutes: 10, hostId: host.name }, analyst)).spawnedAfterWrite;
      expect(wider.map((m: { spawned: { uid: string } }) => m.spawned.uid)).toEqual([rundll, whoami, shell, firstRun, msiServer]);
      const children = (await data(query, { ...day, pathFragment: '3cxdesktopapp', image: 'msiexec.exe', withinMinutes: 10, writerChildrenOnly: true }, analyst)).spawnedAfterWrite;
      expect(children.map((m: { spawned: { uid: string } }) => m.spawned.uid)).toEqual([msiServer]);
      const elsewhere = (await data(query, { ...day, pathFragment: '3cxdesktopapp', image: 'msiexec.exe', hostId: 'ws-eng-007.corp.example' }, analyst)).spawnedAfterWrite;
      expect(elsewhere).toEqual([]);
    });

    it('validates every argument and needs the analyst role', async () => {
      const run = (vars: Record<string, unknown>) => errors(query, { ...day, pathFragment: 'program files', image: 'msiexec.exe', ...vars }, analyst);
      expect(await run({ pathFragment: 'ab' })).toEqual(['spawnedAfterWrite: pathFragment must be 3 to 260 characters, got 2']);
      expect(await run({ pathFragment: 'x'.repeat(261) })).toEqual(['spawnedAfterWrite: pathFragment must be 3 to 260 characters, got 261']);
      expect(await run({ image: '  ' })).toEqual(['spawnedAfterWrite: image must be 1 to 260 characters, got 0']);
      expect(await run({ image: 'C:\\Windows\\' })).toEqual(["spawnedAfterWrite: image must name a file (msiexec.exe, or a full path to one), got 'C:\\Windows\\'"]);
      expect(await run({ withinMinutes: 0 })).toEqual(['spawnedAfterWrite: withinMinutes must be between 1 and 1440, got 0']);
      expect(await run({ since: '2022-12-29T00:00:00Z' })).toEqual(['spawnedAfterWrite: since to until must span at most 90 days, got 91']);
      expect(await run({ since: day.until, until: day.since })).toEqual(['spawnedAfterWrite: since (2023-03-30T00:00:00.000Z) is after until (2023-03-29T00:00:00.000Z)']);
      expect(await errors('{ spawnedAfterWrite(pathFragment: "program files", image: "msiexec.exe", first: 501) { delayMs } }', {}, analyst)).toEqual([
        'spawnedAfterWrite: first must be between 1 and 500, got 501',
      ]);

      const refused = await graphql(query, { ...day, pathFragment: 'program files', image: 'msiexec.exe' }, viewer);
      expect(refused.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([["spawnedAfterWrite needs the analyst role; key 'inv-viewer' has viewer", 'FORBIDDEN']]);
    });
  });
});
