import { fileUid } from '../adapters/identity.js';
import type { FileEvent, HostRef, NormalizedEvent, ProcessRef } from '../model/event.js';

/**
 * Turns normalized events into parameter rows for the batched UNWIND statements in cypher/ingest.
 * Pure: one row shape per statement, every identity precomputed here so the Cypher stays simple.
 */
export type Row = Record<string, unknown>;

export interface WritePlan {
  hosts: Row[];
  processStarts: Row[];
  processEnds: Row[];
  fileWrites: Row[];
  fileDeletes: Row[];
  moduleLoads: Row[];
  connections: Row[];
  dnsQueries: Row[];
}

/** Lower-cased last path component, for name-based matching (msiexec.exe, bash). */
export function baseName(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const name = path.split(/[\\/]/).pop();
  return name ? name.toLowerCase() : undefined;
}

function actorRow(host: HostRef, actor: ProcessRef | undefined): Row {
  return { actorUid: actor?.uid ?? null, actorPid: actor?.pid ?? null, actorImage: actor?.image ?? null, actorImageName: baseName(actor?.image) ?? null };
}

function fileRow(host: HostRef, path: string): Row {
  return { fileUid: fileUid(host.id, path, host.os), path, name: baseName(path) ?? path };
}

export function planWrites(events: NormalizedEvent[]): WritePlan {
  const plan: WritePlan = { hosts: [], processStarts: [], processEnds: [], fileWrites: [], fileDeletes: [], moduleLoads: [], connections: [], dnsQueries: [] };
  const hosts = new Map<string, Row>();
  for (const e of events) {
    if (!hosts.has(e.host.id)) hosts.set(e.host.id, { hostId: e.host.id, hostName: e.host.name, os: e.host.os, ts: e.ts });
    const common = { eventId: e.id, hostId: e.host.id, ts: e.ts, source: `${e.source.format}:${e.source.recordId}` };
    switch (e.kind) {
      case 'process.start':
        plan.processStarts.push({
          ...common,
          uid: e.process.uid,
          pid: e.process.pid ?? null,
          image: e.process.image,
          imageName: baseName(e.process.image),
          commandLine: e.process.commandLine ?? null,
          user: e.process.user ?? null,
          sha256: e.process.hashes?.sha256 ?? null,
          imageUid: fileUid(e.host.id, e.process.image, e.host.os),
          parentUid: e.parent?.uid ?? null,
          parentPid: e.parent?.pid ?? null,
          parentImage: e.parent?.image ?? null,
          parentImageName: baseName(e.parent?.image) ?? null,
        });
        break;
      case 'process.end':
        plan.processEnds.push({ ...common, ...actorRow(e.host, e.process) });
        break;
      case 'file':
        (e.op === 'delete' ? plan.fileDeletes : plan.fileWrites).push(fileEventRow(e, common));
        break;
      case 'module.load':
        plan.moduleLoads.push({
          ...common,
          ...actorRow(e.host, e.actor),
          ...fileRow(e.host, e.path),
          sha256: e.hashes?.sha256 ?? null,
          signed: e.signature?.signed ?? null,
          signatureStatus: e.signature?.status ?? null,
          signer: e.signature?.signer ?? null,
        });
        break;
      case 'network.connect':
        plan.connections.push({
          ...common,
          ...actorRow(e.host, e.actor),
          direction: e.direction,
          protocol: e.protocol ?? null,
          srcIp: e.srcIp ?? null,
          srcPort: e.srcPort ?? null,
          dstIp: e.dstIp.toLowerCase(),
          dstPort: e.dstPort ?? null,
          dstHostname: e.dstHostname ?? null,
        });
        break;
      case 'dns.query':
        plan.dnsQueries.push({ ...common, ...actorRow(e.host, e.actor), query: e.query, answers: e.answers });
        break;
    }
  }
  plan.hosts = [...hosts.values()];
  return plan;
}

function fileEventRow(e: FileEvent, common: Row): Row {
  return {
    ...common,
    ...actorRow(e.host, e.actor),
    ...fileRow(e.host, e.path),
    op: e.op,
    sha256: e.hashes?.sha256 ?? null,
    previousPath: e.previousPath ?? null,
  };
}
