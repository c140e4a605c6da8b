import { expandPathVariables, fileUid } from '../adapters/identity.js';
import type { FileEvent, HostRef, NormalizedEvent, ProcessRef, Signature } from '../model/event.js';
import { NodeSet } from './nodeRows.js';

/**
 * Turns normalized events into parameter rows for the batched UNWIND statements in cypher/ingest.
 * Pure: one row shape per statement, every identity precomputed here so the Cypher stays simple.
 */
export type Row = Record<string, unknown>;

export interface WritePlan {
  hosts: Row[];
  processNodes: Row[];
  fileNodes: Row[];
  binaryNodes: Row[];
  ipNodes: Row[];
  domainNodes: Row[];
  contentLinks: Row[];
  resolutionLinks: Row[];
  hostIps: Row[];
  processStarts: Row[];
  processEnds: Row[];
  fileWrites: Row[];
  fileDeletes: Row[];
  /** File changes whose writer the sensor did not see: written from the host, not from a process. */
  hostFileWrites: Row[];
  hostFileDeletes: Row[];
  moduleLoads: Row[];
  /** Each signature state the loads of a file reported for its content, once per batch. */
  loadSignatures: Row[];
  /** Started processes and their image's content, in content order. */
  instanceLinks: Row[];
  connections: Row[];
  dnsQueries: Row[];
  hostConnections: Row[];
  hostDnsQueries: Row[];
  packages: Row[];
  fileSignatures: Row[];
}

/**
 * How far apart dnf.log's record of a package change (dated at the transaction's start) and
 * dnf.rpm.log's (dated when rpm applied it) may be and still be one change (cypher/ingest/package):
 * a large transaction applies its packages over minutes.
 */
export const DNF_TWIN_MS = 30 * 60_000;

/** How far outside an address's observed period a process-less event is still attributed to that host. */
export const IP_ATTRIBUTION_SLACK_MS = 6 * 3_600_000;

/** Lower-cased last path component, for name-based matching (msiexec.exe, bash). */
export function baseName(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const name = path.split(/[\\/]/).pop();
  return name ? name.toLowerCase() : undefined;
}

function actorRow(actor: ProcessRef | undefined): Row {
  return { actorUid: actor?.uid ?? null, actorPid: actor?.pid ?? null, actorImage: actor?.image ?? null, actorImageName: baseName(actor?.image) ?? null };
}

function fileRow(host: HostRef, written: string, user?: string): Row {
  const path = expandPathVariables(written, host.os, user);
  return { fileUid: fileUid(host.id, path, host.os), path, name: baseName(path) ?? path };
}

function signatureRow(sig: Signature | undefined): Row {
  return {
    signed: sig?.signed ?? null,
    signatureStatus: sig?.status ?? null,
    signer: sig?.signer ?? null,
    teamId: sig?.teamId ?? null,
    signingId: sig?.signingId ?? null,
    platformBinary: sig?.platformBinary ?? null,
    notarized: sig?.notarized ?? null,
  };
}

/** Addresses that say nothing about which host sent them. */
function isAttributableIp(ip: string | undefined): ip is string {
  return !!ip && !/^(127\.|0\.0\.0\.0$|169\.254\.|::1?$|fe80:)/i.test(ip);
}

function emptyPlan(): WritePlan {
  return { hosts: [], processNodes: [], fileNodes: [], binaryNodes: [], ipNodes: [], domainNodes: [], contentLinks: [], resolutionLinks: [], hostIps: [], processStarts: [], processEnds: [], fileWrites: [], fileDeletes: [], hostFileWrites: [], hostFileDeletes: [], moduleLoads: [], loadSignatures: [], instanceLinks: [], connections: [], dnsQueries: [], hostConnections: [], hostDnsQueries: [], packages: [], fileSignatures: [] };
}

export function planWrites(events: NormalizedEvent[]): WritePlan {
  const plan = emptyPlan();
  const nodes = new NodeSet();
  const hosts = new Map<string, Row>();
  const hostIps = new Map<string, { hostId: string; ip: string; firstSeen: number; lastSeen: number }>();
  const sawIp = (hostId: string, ip: string, ts: number) => {
    const key = `${hostId}|${ip}`;
    const seen = hostIps.get(key);
    if (!seen) hostIps.set(key, { hostId, ip, firstSeen: ts, lastSeen: ts });
    else {
      seen.firstSeen = Math.min(seen.firstSeen, ts);
      seen.lastSeen = Math.max(seen.lastSeen, ts);
    }
  };
  for (const e of uniqueById(events)) {
    const byIp = 'hostByIp' in e ? e.hostByIp : undefined;
    if (!byIp && !hosts.has(e.host.id)) hosts.set(e.host.id, { hostId: e.host.id, hostName: e.host.name, os: e.host.os, ts: e.ts });
    const common = { eventId: e.id, hostId: e.host.id, ts: e.ts, source: `${e.source.format}:${e.source.recordId}` };
    addEvent(plan, e, common, sawIp);
  }
  plan.hosts = [...hosts.values()];
  plan.hostIps = [...hostIps.values()];
  plan.packages = inPackageOrder(plan.packages);
  collectNodes(plan, nodes);
  plan.loadSignatures = loadSignatureStates(plan.moduleLoads);
  plan.instanceLinks = inContentOrder(plan.processStarts.filter((r) => r.sha256).map((r) => ({ uid: r.uid, sha256: r.sha256 })), 'uid');
  const nodeRows = nodes.rows();
  // After the nodes: a placeholder's or a content's facts are the first reported, in event order.
  inLockOrder(plan);
  return { ...plan, ...nodeRows, contentLinks: inContentOrder(nodeRows.contentLinks, 'fileUid') };
}

/** A batch's events with each id once (a record delivered twice): the first is kept. */
function uniqueById(events: NormalizedEvent[]): NormalizedEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.id) && seen.add(e.id));
}

/**
 * Per-event rows by the node their statement locks before looking the event up (src/graph/
 * writeEvents.ts), so that concurrent batches (a replay beside new telemetry) lock in one order.
 */
function inLockOrder(plan: WritePlan): void {
  for (const key of ['fileWrites', 'fileDeletes', 'moduleLoads', 'connections', 'dnsQueries'] as const) plan[key] = sortedBy(plan[key], (r) => r.actorUid as string);
  for (const key of ['hostFileWrites', 'hostFileDeletes', 'fileSignatures'] as const) plan[key] = sortedBy(plan[key], (r) => r.fileUid as string);
  plan.hostConnections = sortedBy(plan.hostConnections, (r) => r.dstIp as string);
  plan.hostDnsQueries = sortedBy(plan.hostDnsQueries, (r) => r.query as string);
}

/**
 * Package changes by package, each package's changes in input order: the statement locks each dnf
 * package before looking for its twin, so concurrent batches take those locks in one order.
 */
function inPackageOrder(rows: Row[]): Row[] {
  return sortedBy(rows, (r) => r.packageKey as string);
}

/** Rows by a string key; the sort is stable, so rows with one key keep their order. */
function sortedBy(rows: Row[], key: (r: Row) => string): Row[] {
  // Each key built once (a composite key is a new string; a comparison would build two).
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

/**
 * Rows linking to a Binary, by (sha256, other end). Each of the three content statements locks in
 * this order; across them the order restarts, so two batches can still deadlock there (Neo4j
 * detects it and the driver retries the batch: 1-3 retries per 200 batches at 1M events).
 */
function inContentOrder(rows: Row[], otherEnd: string): Row[] {
  return sortedBy(rows, (r) => `${r.sha256 as string}|${r[otherEnd] as string}`);
}

/**
 * The distinct (file, content, signature state) of the loads that reported a content hash, in
 * (content, file) order: a new link locks its Binary, and two workers that lock the same hot
 * Binaries in one order cannot deadlock on them.
 */
function loadSignatureStates(loads: Row[]): Row[] {
  const states = new Map<string, Row>();
  for (const r of loads) {
    if (!r.sha256) continue;
    const row = { fileUid: r.fileUid, sha256: r.sha256, signatureStatus: r.signatureStatus, signed: r.signed, signer: r.signer };
    // Keyed as the statement keys the link (its state joins the facts with '|'): two rows with
    // one key would both be looked up before either is created, and both created.
    const state = `${(r.signatureStatus as string | null) ?? ''}|${r.signed === null || r.signed === undefined ? '' : String(r.signed)}|${(r.signer as string | null) ?? ''}`;
    const key = `${r.fileUid as string}|${r.sha256 as string}|${state}`;
    if (!states.has(key)) states.set(key, row);
  }
  return inContentOrder([...states.values()], 'fileUid');
}

/** Every node and structural link the event rows refer to, so the event statements only MATCH them. */
function collectNodes(plan: WritePlan, nodes: NodeSet): void {
  for (const r of plan.processStarts) {
    nodes.process(r.uid as string, r.hostId as string, r.pid, r.image, r.imageName);
    nodes.process(r.parentUid as string | null, r.hostId as string, r.parentPid, r.parentImage, r.parentImageName);
    nodes.file(r.imageUid as string, r.hostId as string, r.image as string, r.imageName as string);
    nodes.content(r.imageUid as string, r.sha256 as string | null, r);
  }
  for (const r of [...plan.processEnds, ...plan.fileWrites, ...plan.fileDeletes, ...plan.moduleLoads, ...plan.connections, ...plan.dnsQueries]) {
    nodes.process(r.actorUid as string | null, r.hostId as string, r.actorPid, r.actorImage, r.actorImageName);
  }
  for (const r of [...plan.fileWrites, ...plan.fileDeletes, ...plan.hostFileWrites, ...plan.hostFileDeletes, ...plan.moduleLoads, ...plan.fileSignatures]) {
    nodes.file(r.fileUid as string, r.hostId as string, r.path as string, r.name as string);
  }
  for (const r of [...plan.fileWrites, ...plan.hostFileWrites]) nodes.content(r.fileUid as string, r.sha256 as string | null);
  for (const r of plan.moduleLoads) nodes.content(r.fileUid as string, r.sha256 as string | null, r);
  for (const r of [...plan.connections, ...plan.hostConnections]) {
    nodes.ip(r.dstIp as string);
    if (r.dstHostname) nodes.resolution(r.dstHostname as string, r.dstIp as string, r.ts as number);
  }
  // The address traffic is attributed by exists before the statements look it up: their look-up
  // of an absent key in a unique index locks that key exclusively until commit (a locking seek),
  // which held back any other batch's host info for that address (its HAD_IP) for as long.
  for (const r of [...plan.hostConnections, ...plan.hostDnsQueries]) if (r.hostByIp) nodes.ip(r.hostByIp as string);
  for (const r of [...plan.dnsQueries, ...plan.hostDnsQueries]) {
    nodes.domain(r.query as string);
    for (const answer of r.answers as string[]) nodes.resolution(r.query as string, answer, r.ts as number);
  }
}

function addEvent(plan: WritePlan, e: NormalizedEvent, common: Row, sawIp: (hostId: string, ip: string, ts: number) => void): void {
  switch (e.kind) {
    case 'process.start': {
      const image = fileRow(e.host, e.process.image, e.process.user);
      plan.processStarts.push({
        ...common,
        uid: e.process.uid,
        pid: e.process.pid ?? null,
        image: image.path,
        imageName: baseName(image.path as string),
        commandLine: e.process.commandLine ?? null,
        user: e.process.user ?? null,
        sha256: e.process.hashes?.sha256 ?? null,
        ...signatureRow(e.process.signature),
        imageUid: image.fileUid,
        parentUid: e.parent?.uid ?? null,
        parentPid: e.parent?.pid ?? null,
        parentImage: e.parent?.image ?? null,
        parentImageName: baseName(e.parent?.image) ?? null,
      });
      return;
    }
    case 'process.end':
      plan.processEnds.push({ ...common, ...actorRow(e.process) });
      return;
    case 'file':
      fileRowsOf(plan, e).push(fileEventRow(e, common));
      return;
    case 'module.load':
      plan.moduleLoads.push({ ...common, ...actorRow(e.actor), ...fileRow(e.host, e.path), sha256: e.hashes?.sha256 ?? null, ...signatureRow(e.signature) });
      return;
    case 'network.connect': {
      const row = {
        ...common,
        ...actorRow(e.actor),
        direction: e.direction,
        protocol: e.protocol ?? null,
        srcIp: e.srcIp ?? null,
        srcPort: e.srcPort ?? null,
        dstIp: e.dstIp.toLowerCase(),
        dstPort: e.dstPort ?? null,
        dstHostname: e.dstHostname ?? null,
      };
      if (e.hostByIp || !e.actor) plan.hostConnections.push({ ...row, hostByIp: e.hostByIp ?? null, hostName: e.host.name, slackMs: IP_ATTRIBUTION_SLACK_MS });
      else plan.connections.push(row);
      if (!e.hostByIp && e.direction === 'outbound' && isAttributableIp(e.srcIp)) sawIp(e.host.id, e.srcIp, e.ts);
      return;
    }
    case 'dns.query': {
      const row = { ...common, ...actorRow(e.actor), query: e.query, answers: e.answers };
      if (e.hostByIp || !e.actor) plan.hostDnsQueries.push({ ...row, hostByIp: e.hostByIp ?? null, hostName: e.host.name, slackMs: IP_ATTRIBUTION_SLACK_MS });
      else plan.dnsQueries.push(row);
      return;
    }
    case 'package':
      plan.packages.push({
        ...common,
        ...actorRow(e.actor),
        packageKey: `${e.manager}|${e.name}`,
        op: e.op,
        manager: e.manager,
        name: e.name,
        version: e.version ?? null,
        previousVersion: e.previousVersion ?? null,
        arch: e.arch ?? null,
        repository: e.repository ?? null,
        signingKey: e.signingKey ?? null,
        commandLine: e.commandLine ?? null,
        twinMs: e.manager === 'dnf' ? DNF_TWIN_MS : null,
      });
      return;
    case 'file.signature':
      plan.fileSignatures.push({
        ...common,
        ...actorRow(e.actor),
        ...fileRow(e.host, e.path),
        ...signatureRow(e.signature),
        signerKey: e.signature.teamId ? `team:${e.signature.teamId}` : e.signature.signer ? `name:${e.signature.signer}` : '(unsigned)',
        sha256: e.hashes?.sha256 ?? null,
        verdict: e.verdict ?? null,
      });
      return;
    case 'host.info':
      for (const ip of e.ips) if (isAttributableIp(ip)) sawIp(e.host.id, ip.toLowerCase(), e.ts);
      return;
    default:
      assertNever(e);
  }
}

/**
 * A change with a known writer hangs off its process. One the sensor saw without the process
 * (Auditbeat file_integrity) hangs off the host, as process-less connections do: the file and its
 * content still land, and nothing that follows a process's writes mistakes it for one.
 */
function fileRowsOf(plan: WritePlan, e: FileEvent): Row[] {
  const deleted = e.op === 'delete';
  if (e.actor) return deleted ? plan.fileDeletes : plan.fileWrites;
  return deleted ? plan.hostFileDeletes : plan.hostFileWrites;
}

function fileEventRow(e: FileEvent, common: Row): Row {
  return {
    ...common,
    ...actorRow(e.actor),
    ...fileRow(e.host, e.path),
    op: e.op,
    sha256: e.hashes?.sha256 ?? null,
    previousPath: e.previousPath ?? null,
  };
}

/** A new event kind without a writer is a compile error, not silent loss. */
function assertNever(e: never): never {
  throw new Error(`no graph writer for event ${JSON.stringify(e)}`);
}
