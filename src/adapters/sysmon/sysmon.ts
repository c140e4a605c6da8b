import { guard, type ParseOutcome, type SourceAdapter } from '../adapter.js';
import { hostKey, osOfPath, processUid, shortHash } from '../identity.js';
import type { HostRef, NormalizedEvent, Os, ProcessRef } from '../../model/event.js';
import { EVENT_MODEL_VERSION } from '../../model/event.js';
import { isSysmonChannel, text, unwrapSysmon, windowsEventChannel, type SysmonRecord } from './envelope.js';
import { parseBool, parseDnsAnswers, parseHashes, parseInteger, parseSignature, parseSysmonTime, requireText } from './fields.js';

type Obj = Record<string, unknown>;

/** Sysmon event ids provhunt models; others from a Sysmon channel are skipped, not rejected. */
const fileOps: Record<number, 'create' | 'metadata' | 'delete'> = { 2: 'metadata', 11: 'create', 15: 'metadata', 23: 'delete', 26: 'delete', 29: 'create' };

export const sysmonAdapter: SourceAdapter = {
  format: 'sysmon',
  recognizes: (record) => isSysmonChannel(windowsEventChannel(record)),
  parse: (record) => guard(() => parseSysmonRecord(unwrapSysmon(record))),
};

/** Maps one unwrapped Sysmon event, from any rendering, to normalized events. Throws FieldError. */
export function parseSysmonRecord(rec: SysmonRecord): ParseOutcome {
  const d = rec.data;
  const ctx = context(rec);
  const base = { v: EVENT_MODEL_VERSION, id: ctx.eventId, ts: ctx.ts, host: ctx.host, source: { format: 'sysmon', recordId: ctx.recordId } } as const;
  let event: NormalizedEvent;
  switch (rec.eventId) {
    case 1:
      event = {
        ...base,
        kind: 'process.start',
        process: {
          ...actor(ctx, d),
          image: requireText(d, 'Image'),
          commandLine: text(d.CommandLine),
          user: text(d.User),
          hashes: parseHashes(d.Hashes),
        },
        parent: text(d.ParentProcessGuid)
          ? { uid: processUid(ctx.host.id, requireText(d, 'ParentProcessGuid')), pid: parseInteger(d.ParentProcessId, 'ParentProcessId'), image: text(d.ParentImage) }
          : undefined,
      };
      break;
    case 5:
      event = { ...base, kind: 'process.end', process: actor(ctx, d) };
      break;
    case 3:
      event = {
        ...base,
        kind: 'network.connect',
        actor: actor(ctx, d),
        direction: directionOf(parseBool(d.Initiated, 'Initiated')),
        protocol: text(d.Protocol)?.toLowerCase(),
        srcIp: text(d.SourceIp),
        srcPort: parseInteger(d.SourcePort, 'SourcePort'),
        dstIp: requireText(d, 'DestinationIp'),
        dstPort: parseInteger(d.DestinationPort, 'DestinationPort'),
        dstHostname: text(d.DestinationHostname)?.toLowerCase(),
      };
      break;
    case 7:
      event = {
        ...base,
        kind: 'module.load',
        actor: actor(ctx, d),
        path: requireText(d, 'ImageLoaded'),
        hashes: parseHashes(d.Hashes),
        signature: parseSignature(d),
      };
      break;
    case 22:
      event = {
        ...base,
        kind: 'dns.query',
        actor: actor(ctx, d),
        query: requireText(d, 'QueryName').toLowerCase(),
        answers: parseDnsAnswers(d.QueryResults),
      };
      break;
    default: {
      const op = fileOps[rec.eventId];
      if (!op) return { outcome: 'skipped', reason: `sysmon event id ${rec.eventId} is not modelled` };
      event = {
        ...base,
        kind: 'file',
        op,
        actor: actor(ctx, d),
        path: requireText(d, 'TargetFilename'),
        hashes: parseHashes(d.Hashes ?? d.Hash),
      };
    }
  }
  return { outcome: 'events', events: [event] };
}

interface Context {
  host: HostRef;
  ts: number;
  recordId: string;
  eventId: string;
}

function context(rec: SysmonRecord): Context {
  const d = rec.data;
  const os = osOf(rec);
  const host: HostRef = { id: hostKey(rec.computer), name: rec.computer, os };
  // UtcTime is when the activity happened; the envelope time is when the log entry was written.
  const ts = d.UtcTime !== undefined ? parseSysmonTime(d.UtcTime, 'UtcTime') : parseSysmonTime(rec.systemTime, 'TimeCreated');
  const recordId = rec.recordId ?? shortHash(JSON.stringify([rec.eventId, d]));
  return { host, ts, recordId, eventId: shortHash(`sysmon|${host.id}|${rec.eventId}|${recordId}|${ts}`) };
}

function actor(ctx: Context, d: Obj): ProcessRef & { uid: string } {
  return {
    uid: processUid(ctx.host.id, requireText(d, 'ProcessGuid')),
    pid: parseInteger(d.ProcessId, 'ProcessId'),
    image: text(d.Image),
  };
}

function osOf(rec: SysmonRecord): Os {
  if (/linux/i.test(rec.channel)) return 'linux';
  const image = text(rec.data.Image);
  return image ? (osOfPath(image) === 'linux' ? 'linux' : 'windows') : 'windows';
}

function directionOf(initiated: boolean | undefined): 'outbound' | 'inbound' | 'unknown' {
  if (initiated === undefined) return 'unknown';
  return initiated ? 'outbound' : 'inbound';
}

