import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { cypher, statements } from '../src/graph/cypher.js';
import { catalogBinaries, imageCatalog, moduleCatalog } from './apiCatalog.js';

/**
 * Builds a Windows fleet's provenance graph directly in Neo4j, generated server-side: the same
 * labels, keys and properties as cypher/ingest writes, at a size the ingest path cannot reach here
 * (~2k events/s). One transaction per few hosts; every host's processes, files and events are made
 * together so each event links nodes already in hand or found by their unique key.
 *
 * Events (relationships that stand for one telemetry event, plus process starts) are split like
 * bench/generateTelemetry.ts: 10% process starts, 30% file writes, 35% module loads, 15%
 * connections, 10% DNS. A few per host are "drops": a process writes a new unsigned executable to
 * Temp, starts it, and the new process connects out (the chains findings are made from).
 */
export interface FleetShape {
  events: number;
  hosts: number;
  days: number;
  images: number;
  modules: number;
  ips: number;
  domains: number;
}

export interface BuildReport {
  seconds: number;
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  events: number;
}

export const FLEET_START = Date.parse('2026-10-01T00:00:00Z');
/** File.name prefix of dropped executables: how the findings builder finds the chains. */
export const DROP_PREFIX = 'setup_';

const IP_OF = (i: string) => `toString(23 + ${i} / 65536 % 200) + '.' + toString(${i} / 256 % 256) + '.' + toString(${i} % 256) + '.10'`;
const DOMAIN_OF = (i: string) => `'svc' + toString(${i}) + '.cdn' + toString(${i} % 17) + '.example.net'`;
const HOST_IP = `'10.' + toString(h / 65536) + '.' + toString(h / 256 % 256) + '.' + toString(h % 256)`;
/** A ProcessGuid-shaped key, unique per host, kind of process and index. */
const GUID = (kind: string, k: string) => `'${kind}b1f0c2e-' + right('0000' + toString(h % 10000), 4) + '-4e00-a000-' + right('000000000000' + toString(${k}), 12)`;

const SHARED_NODES = `
CALL () { UNWIND $binaries AS b CREATE (:Binary {sha256: b.sha256, signed: b.signed, signatureStatus: b.status, signer: b.signer}) }
CALL () { UNWIND range(0, $ips - 1) AS i CREATE (:IP {address: ${IP_OF('i')}}) }
CALL () {
  UNWIND range(0, $domains - 1) AS i
  CREATE (d:Domain {name: ${DOMAIN_OF('i')}})
  WITH d, i MATCH (ip:IP {address: ${IP_OF('i')}})
  CREATE (d)-[:RESOLVED_TO {firstSeen: $start}]->(ip)
}`;

/** One host: its processes (with images, binaries, parents), then loads, writes, connections, DNS and drops. */
const HOSTS = `
UNWIND $hostIndexes AS h
CALL (h) {
  WITH h, 'ws-' + right('00000' + toString(h), 5) + '.corp.example' AS hostId
  CREATE (host:Host {id: hostId, name: hostId, os: 'windows', firstSeen: $start})
  CREATE (hostIp:IP {address: ${HOST_IP}})
  CREATE (host)-[:HAD_IP {firstSeen: $start, lastSeen: $start + $spanMs}]->(hostIp)
  WITH h, hostId, hostIp.address AS srcIp, 'user' + toString(h) AS account
  WITH h, hostId, srcIp, account, $domainPrefix + account AS user
  CALL (h, hostId, user) {
    UNWIND range(0, $procsPerHost - 1) AS k
    WITH k, toInteger(size($images) * rand() ^ 3) AS j
    WITH k, j, $images[j] AS img, $start + toInteger((k + rand()) * $spanMs / $procsPerHost) AS startTs
    WITH k, j, img, img.versions[h % size(img.versions)] AS bin, startTs, '"' + img.path + '" ' + img.args + ' ' + toString(k) AS commandLine
    CREATE (p:Process {uid: hostId + '|' + ${GUID('a', 'k')}, hostId: hostId, pid: 1000 + (k * 4) % 60000,
      image: img.path, imageName: img.name, commandLine: commandLine, commandLineLower: toLower(commandLine),
      user: CASE img.user WHEN 'system' THEN 'NT AUTHORITY\\\\SYSTEM' ELSE user END,
      startTs: startTs, endTs: CASE WHEN rand() < 0.8 THEN startTs + $lifetimeMs END, sha256: bin.sha256,
      source: 'sysmon:' + toString(h * 1000000 + k), signed: bin.signed, signatureStatus: bin.status, signer: bin.signer})
    RETURN collect({p: p, j: j, sha: bin.sha256}) AS procs
  }
  CALL (hostId, procs) {
    UNWIND procs AS r
    WITH DISTINCT r.j AS j, r.sha AS sha
    WITH sha, $images[j] AS img
    CREATE (f:File {uid: hostId + '|' + img.lower, hostId: hostId, path: img.path, name: img.name, pathLower: img.lower})
    WITH f, sha MATCH (b:Binary {sha256: sha})
    CREATE (f)-[:HAS_CONTENT {sha256: b.sha256, hostId: hostId}]->(b)
  }
  CALL (hostId, procs) {
    UNWIND procs AS r
    WITH r.p AS p, r.sha AS sha, $images[r.j] AS img
    MATCH (f:File {uid: hostId + '|' + img.lower})
    MATCH (b:Binary {sha256: sha})
    CREATE (p)-[:EXECUTED {ts: p.startTs}]->(f)
    CREATE (p)-[:INSTANCE_OF]->(b)
  }
  CALL (procs) {
    // A random recursive tree: each process's parent started before it on the same host.
    UNWIND range(1, size(procs) - 1) AS k
    WITH procs[k].p AS child, procs[toInteger(rand() * k)].p AS parent
    CREATE (parent)-[:SPAWNED {ts: child.startTs}]->(child)
  }
  CALL (h, hostId, procs) {
    UNWIND range(0, $loadsPerHost - 1) AS n
    WITH n, procs[toInteger(rand() * size(procs))].p AS p, toInteger(size($modules) * rand() ^ 2) AS m
    WITH collect({n: n, p: p, m: m}) AS loads
    CALL (h, hostId, loads) {
      UNWIND loads AS l
      WITH DISTINCT l.m AS m
      WITH $modules[m] AS mod
      CREATE (f:File {uid: hostId + '|' + mod.lower, hostId: hostId, path: mod.path, name: mod.name, pathLower: mod.lower})
      WITH f, mod MATCH (b:Binary {sha256: mod.versions[h % size(mod.versions)].sha256})
      CREATE (f)-[:HAS_CONTENT {sha256: b.sha256, hostId: hostId}]->(b)
    }
    UNWIND loads AS l
    WITH l.n AS n, l.p AS p, $modules[l.m] AS mod
    WITH n, p, mod, mod.versions[h % size(mod.versions)] AS bin
    MATCH (f:File {uid: hostId + '|' + mod.lower})
    CREATE (p)-[:LOADED {eventId: hostId + ':load:' + toString(n), ts: p.startTs + toInteger(rand() * $lifetimeMs), sha256: bin.sha256,
      signed: bin.signed, signatureStatus: bin.status, signer: bin.signer, source: 'sysmon:' + toString(h * 1000000 + n)}]->(f)
  }
  CALL (h, hostId, account, procs) {
    UNWIND range(0, $writesPerHost - 1) AS n
    WITH n, procs[toInteger(rand() * size(procs))].p AS p, rand() AS roll, toInteger($dataFilesPerHost * rand() ^ 2) AS d,
         procs[toInteger(rand() * size(procs))].j AS updated
    // 8%: an update rewrites an installed executable (same path, the host's version); else a data file.
    WITH collect({n: n, p: p, update: roll < 0.08, d: d, j: updated}) AS writes
    CALL (hostId, account, writes) {
      UNWIND [x IN writes WHERE NOT x.update] AS w
      WITH DISTINCT w.d AS d
      WITH $usersDir + account + '\\\\AppData\\\\Local\\\\' + $apps[d % size($apps)] + '\\\\Cache\\\\data_' + toString(d) + '.dat' AS path, d
      CREATE (:File {uid: hostId + '|' + toLower(path), hostId: hostId, path: path, name: 'data_' + toString(d) + '.dat', pathLower: toLower(path)})
    }
    UNWIND writes AS w
    WITH w, CASE WHEN w.update THEN $images[w.j].lower
                 ELSE toLower($usersDir + account + '\\\\AppData\\\\Local\\\\' + $apps[w.d % size($apps)] + '\\\\Cache\\\\data_' + toString(w.d) + '.dat') END AS lower
    MATCH (f:File {uid: hostId + '|' + lower})
    WITH w, f, w.p AS p
    CREATE (p)-[:WROTE {eventId: hostId + ':write:' + toString(w.n), ts: p.startTs + toInteger(rand() * $lifetimeMs),
      op: CASE WHEN rand() < 0.3 THEN 'create' ELSE 'modify' END,
      sha256: CASE WHEN w.update THEN $images[w.j].versions[h % size($images[w.j].versions)].sha256 END,
      source: 'sysmon:' + toString(h * 1000000 + 200000 + w.n)}]->(f)
  }
  CALL (h, hostId, srcIp, procs) {
    UNWIND range(0, $connectionsPerHost - 1) AS n
    WITH n, procs[toInteger(rand() * size(procs))].p AS p, toInteger($ips * rand() ^ 3) AS i
    MATCH (ip:IP {address: ${IP_OF('i')}})
    CREATE (p)-[:CONNECTED {eventId: hostId + ':connect:' + toString(n), ts: p.startTs + toInteger(rand() * $lifetimeMs),
      direction: 'outbound', protocol: 'tcp', srcIp: srcIp, srcPort: 49152 + n % 16000, dstPort: CASE WHEN i % 7 = 0 THEN 80 ELSE 443 END,
      dstHostname: CASE WHEN i < $domains THEN ${DOMAIN_OF('i')} END, source: 'sysmon:' + toString(h * 1000000 + 400000 + n)}]->(ip)
  }
  CALL (h, hostId, procs) {
    UNWIND range(0, $dnsPerHost - 1) AS n
    WITH n, procs[toInteger(rand() * size(procs))].p AS p, toInteger($domains * rand() ^ 3) AS i
    MATCH (d:Domain {name: ${DOMAIN_OF('i')}})
    CREATE (p)-[:QUERIED {eventId: hostId + ':dns:' + toString(n), ts: p.startTs + toInteger(rand() * $lifetimeMs),
      answers: [${IP_OF('i')}], source: 'sysmon:' + toString(h * 1000000 + 600000 + n)}]->(d)
  }
  CALL (h, hostId, account, user, srcIp, procs) {
    UNWIND range(0, $dropsPerHost - 1) AS n
    WITH n, procs[toInteger(rand() * size(procs))].p AS installer, replace(randomUUID(), '-', '') + replace(randomUUID(), '-', '') AS sha
    WITH n, installer, sha, installer.startTs + 1000 + toInteger(rand() * 60000) AS writeTs,
         '${DROP_PREFIX}' + left(sha, 8) + '.exe' AS name
    WITH n, installer, sha, writeTs, name, $usersDir + account + '\\\\AppData\\\\Local\\\\Temp\\\\' + name AS path
    CREATE (b:Binary {sha256: sha, signed: false, signatureStatus: 'Unavailable'})
    CREATE (f:File {uid: hostId + '|' + toLower(path), hostId: hostId, path: path, name: name, pathLower: toLower(path)})
    CREATE (f)-[:HAS_CONTENT {sha256: b.sha256, hostId: hostId}]->(b)
    CREATE (installer)-[:WROTE {eventId: hostId + ':drop:' + toString(n), ts: writeTs, op: 'create', sha256: sha, source: 'sysmon:' + toString(h * 1000000 + 800000 + n)}]->(f)
    WITH n, installer, b, f, path, name, writeTs + 5000 + toInteger(rand() * 30000) AS startTs, '"' + path + '" /silent' AS commandLine
    CREATE (run:Process {uid: hostId + '|' + ${GUID('d', 'n')}, hostId: hostId, pid: 61000 + n, image: path, imageName: name,
      commandLine: commandLine, commandLineLower: toLower(commandLine), user: user, startTs: startTs, endTs: startTs + $lifetimeMs,
      sha256: b.sha256, source: 'sysmon:' + toString(h * 1000000 + 900000 + n), signed: false, signatureStatus: 'Unavailable'})
    CREATE (installer)-[:SPAWNED {ts: startTs}]->(run)
    CREATE (run)-[:EXECUTED {ts: startTs}]->(f)
    CREATE (run)-[:INSTANCE_OF]->(b)
    WITH n, run, toInteger($ips - 1 - rand() * 1000) AS i
    MATCH (ip:IP {address: ${IP_OF('i')}})
    CREATE (run)-[:CONNECTED {eventId: hostId + ':drop-connect:' + toString(n), ts: run.startTs + 2000, direction: 'outbound', protocol: 'tcp',
      srcIp: srcIp, srcPort: 60000 + n, dstPort: 443, source: 'sysmon:' + toString(h * 1000000 + 950000 + n)}]->(ip)
  }
} IN TRANSACTIONS OF $hostsPerTransaction ROWS`;

/** Per-host counts for a total of `events`: the mix above, drops taken out of it. */
export function perHost(shape: FleetShape) {
  const each = shape.events / shape.hosts;
  const drops = Math.max(1, Math.round(each * 0.002));
  return {
    procsPerHost: Math.max(2, Math.round(each * 0.1) - drops),
    writesPerHost: Math.max(1, Math.round(each * 0.3) - drops),
    loadsPerHost: Math.max(1, Math.round(each * 0.35)),
    connectionsPerHost: Math.max(1, Math.round(each * 0.15) - drops),
    dnsPerHost: Math.max(1, Math.round(each * 0.1)),
    dropsPerHost: drops,
    dataFilesPerHost: Math.max(10, Math.round((each * 0.3) / 8)),
  };
}

/**
 * Only the node keys (migration 001's node constraints) before a build: its lookups need them, and
 * every other index is then populated once by migrate() after it, which measured twice as fast as
 * maintaining them per write (200k events: 29 s vs 57 s).
 */
export async function createBuildKeys(driver: Driver, database?: string): Promise<void> {
  const nodeKeys = statements(cypher('migrations/001_graph_keys')).filter((s) => !s.includes('()-['));
  for (const statement of nodeKeys) await driver.executeQuery(statement, {}, { database });
}

export async function buildFleetGraph(driver: Driver, shape: FleetShape, progress: (line: string) => void, database?: string): Promise<BuildReport> {
  const t0 = performance.now();
  const images = imageCatalog(shape.images);
  const modules = moduleCatalog(shape.modules);
  const counts = perHost(shape);
  const spanMs = shape.days * 86_400_000;
  const params = {
    ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, neo4j.int(v)])),
    images,
    modules,
    ips: neo4j.int(shape.ips),
    domains: neo4j.int(shape.domains),
    start: neo4j.int(FLEET_START),
    spanMs: neo4j.int(spanMs),
    // A process lives for about 20 of its host's start intervals, so events of many processes interleave.
    lifetimeMs: neo4j.int(Math.round((20 * spanMs) / counts.procsPerHost)),
    domainPrefix: 'CORP\\',
    usersDir: 'C:\\Users\\',
    apps: ['Microsoft\\Edge', 'Google\\Chrome', 'Slack', 'Microsoft\\Teams', 'Mozilla\\Firefox', 'Temp\\Logs'],
  };
  progress(`fleet: ${shape.hosts} hosts × ${JSON.stringify(counts)}; ${images.length} images, ${modules.length} modules`);
  await run(driver, SHARED_NODES, { binaries: catalogBinaries(images, modules), ips: params.ips, domains: params.domains, start: params.start }, database);
  // Each transaction holds about 20k events; a progress line per twentieth of the fleet.
  const hostsPerTransaction = Math.max(1, Math.floor(20_000 / (shape.events / shape.hosts)));
  const chunk = Math.max(hostsPerTransaction, Math.ceil(shape.hosts / 20));
  for (let first = 0; first < shape.hosts; first += chunk) {
    const hostIndexes = range(first, Math.min(shape.hosts, first + chunk)).map((h) => neo4j.int(h));
    await run(driver, HOSTS, { ...params, hostIndexes, hostsPerTransaction: neo4j.int(hostsPerTransaction) }, database);
    const done = Math.min(shape.hosts, first + chunk);
    progress(`  ${done}/${shape.hosts} hosts, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const report = await graphCounts(driver, database);
  return { seconds: +((performance.now() - t0) / 1000).toFixed(1), ...report };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** An auto-commit transaction: the only kind in which CALL { } IN TRANSACTIONS runs. */
async function run(driver: Driver, query: string, params: Record<string, unknown>, database?: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.run(query, params);
  } finally {
    await session.close();
  }
}

const EVENT_TYPES = ['WROTE', 'LOADED', 'CONNECTED', 'QUERIED'];

/** Node and relationship counts from the count store; events = per-event relationships + process starts. */
export async function graphCounts(driver: Driver, database?: string): Promise<Omit<BuildReport, 'seconds'>> {
  const { records } = await driver.executeQuery("CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data", {}, { database });
  const data = records[0]!.get('data') as { nodes: CountRow[]; relationships: CountRow[] };
  const nodes = Object.fromEntries(data.nodes.filter((n) => n.label && n.count > 0).map((n) => [n.label!, n.count]));
  const relationships = Object.fromEntries(
    data.relationships.filter((r) => r.relationshipType && !r.startLabel && !r.endLabel && r.count > 0).map((r) => [r.relationshipType!, r.count]),
  );
  const events = EVENT_TYPES.reduce((sum, t) => sum + (relationships[t] ?? 0), 0) + (nodes.Process ?? 0);
  return { nodes, relationships, events };
}

interface CountRow {
  label?: string;
  relationshipType?: string;
  startLabel?: string;
  endLabel?: string;
  count: number;
}
