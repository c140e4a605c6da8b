import type { WritePlan } from '../graph/eventRows.js';

/**
 * What a batch touched, as seeds for re-evaluation: a chain can only change where the batch added
 * an edge. Processes that acted (wrote, loaded, connected, queried, started) and files that were
 * written, loaded, signed or started as an image. Process-less telemetry (Zeek, package logs)
 * names only a host, so those hosts fall back to a time-window scan.
 */
export interface BatchTouch {
  processUids: string[];
  /** Processes whose start event is in the batch: late starts can complete their descendants' writes. */
  startedUids: string[];
  fileUids: string[];
  /** Hosts whose chains may change through host-level events: scanned by window. */
  windowHostIds: string[];
  /** Addresses of process-less events attributed by IP: their hosts are scanned by window. */
  windowHostIps: string[];
  minTs: number;
  maxTs: number;
}

export function touchedBy(plan: WritePlan): BatchTouch {
  const processUids = new Set<string>();
  const fileUids = new Set<string>();
  const windowHostIds = new Set<string>();
  const windowHostIps = new Set<string>();
  let minTs = Infinity;
  let maxTs = -Infinity;
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === 'string') set.add(value);
  };
  const eventRows = [plan.processStarts, plan.fileWrites, plan.moduleLoads, plan.connections, plan.dnsQueries, plan.fileSignatures, plan.hostConnections, plan.hostDnsQueries, plan.packages];
  for (const rows of eventRows) {
    for (const r of rows) {
      const ts = r.ts as number;
      if (ts < minTs) minTs = ts;
      if (ts > maxTs) maxTs = ts;
    }
  }
  const startedUids = new Set<string>();
  for (const r of plan.processStarts) {
    add(processUids, r.uid);
    add(startedUids, r.uid);
    add(fileUids, r.imageUid);
  }
  for (const r of [...plan.fileWrites, ...plan.moduleLoads]) {
    add(processUids, r.actorUid);
    add(fileUids, r.fileUid);
  }
  for (const r of [...plan.connections, ...plan.dnsQueries]) add(processUids, r.actorUid);
  for (const r of plan.fileSignatures) add(fileUids, r.fileUid);
  for (const r of [...plan.hostConnections, ...plan.hostDnsQueries]) {
    if (r.hostByIp) add(windowHostIps, r.hostByIp);
    else add(windowHostIds, r.hostId);
  }
  for (const r of plan.packages) add(windowHostIds, r.hostId);
  return { processUids: [...processUids], startedUids: [...startedUids], fileUids: [...fileUids], windowHostIds: [...windowHostIds], windowHostIps: [...windowHostIps], minTs, maxTs };
}
