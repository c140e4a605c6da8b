import { FieldError } from '../adapter.js';
import { hostKey, osOfPath, processUid, processUidFromPid, shortHash } from '../identity.js';
import { EVENT_MODEL_VERSION, type HostRef, type Os, type ProcessRef } from '../../model/event.js';
import { epochMsAt, integerAt, ipText, objectAt, textAt, valueAt, type Obj } from './fields.js';

/** What every event built from one OCSF record shares. */
export interface Context {
  record: Obj;
  ts: number;
  host: HostRef;
  /** Set when the record names no device and the traffic is attributed by its source address. */
  hostByIp?: string;
  recordId: string;
}

/**
 * Time and host of a record. System Activity classes require `device`; a network record without
 * one (a sensor or a cloud log that sees traffic, not hosts) is attributed to the host that had
 * `src_endpoint.ip` at that time, as Zeek records are.
 */
export function contextOf(record: Obj, deviceOptional: boolean): Context {
  const ts = epochMsAt(record, 'time');
  if (ts === undefined) throw new FieldError('time', 'is missing');
  // metadata.uid is the logging system's own id for the event; otherwise the content identifies the record.
  const recordId = textAt(record, 'metadata.uid') ?? shortHash(JSON.stringify(record));
  if (objectAt(record, 'device')) return { record, ts, host: hostOf(record), recordId };
  const srcIp = deviceOptional ? ipText(valueAt(record, 'src_endpoint.ip')) : undefined;
  if (!srcIp) throw new FieldError('device', deviceOptional ? 'is missing, and there is no src_endpoint.ip to attribute the traffic by' : 'is missing');
  return { record, ts, host: { id: hostKey(`ip:${srcIp}`), name: srcIp, os: 'unknown' }, hostByIp: srcIp, recordId };
}

/** The common fields of a normalized event; `kind` keeps apart the ids of several events from one record. */
export function baseOf(ctx: Context, kind: string) {
  return {
    v: EVENT_MODEL_VERSION,
    id: shortHash(`ocsf|${ctx.host.id}|${ctx.recordId}|${ctx.ts}|${kind}`),
    ts: ctx.ts,
    host: ctx.host,
    source: { format: 'ocsf', recordId: ctx.recordId },
  } as const;
}

/** The device's uid is its stable key (as ECS host.id is); its hostname, else name, is what people call it. */
function hostOf(r: Obj): HostRef {
  const uid = textAt(r, 'device.uid');
  const hostname = textAt(r, 'device.hostname');
  const name = textAt(r, 'device.name');
  const ip = ipText(valueAt(r, 'device.ip'));
  const key = uid ?? hostname ?? name ?? (ip ? `ip:${ip}` : undefined);
  if (key === undefined) throw new FieldError('device', 'names no uid, hostname, name or ip');
  return { id: hostKey(key), name: hostname ?? name ?? uid ?? ip ?? key, os: osOf(r) };
}

/** OCSF os.type_id: 100 Windows, 200 Linux, 300 macOS (mobile and other Unix types stay unknown). */
const OS_BY_TYPE_ID: Record<number, Os> = { 100: 'windows', 200: 'linux', 300: 'macos' };
const LINUX_NAMES = /^(linux|ubuntu|debian|red ?hat|rhel|centos|fedora|rocky|alma|amazon linux|suse|sles|opensuse|alpine|arch)/;

function osOf(r: Obj): Os {
  const typeId = integerAt(r, 'device.os.type_id');
  const byId = typeId === undefined ? undefined : OS_BY_TYPE_ID[typeId];
  if (byId) return byId;
  const named = (textAt(r, 'device.os.type') ?? textAt(r, 'device.os.name'))?.toLowerCase();
  if (named?.startsWith('windows')) return 'windows';
  if (named && /^(macos|mac os|os x|darwin)/.test(named)) return 'macos';
  if (named && LINUX_NAMES.test(named)) return 'linux';
  // A POSIX path says "not Windows" but not which Unix, so only a Windows path is taken as evidence.
  const image = textAt(r, 'actor.process.file.path') ?? textAt(r, 'process.file.path');
  return image && osOfPath(image) === 'windows' ? 'windows' : 'unknown';
}

/**
 * The identity of the process object at `path`: its uid, else its pid with its created_time, else
 * (for the process a launch announces) its pid with the event time, when `startedAt` is given.
 */
export function processUidAt(ctx: Context, path: string, startedAt?: number): string | undefined {
  const uid = textAt(ctx.record, `${path}.uid`);
  if (uid) return processUid(ctx.host.id, uid);
  const pid = integerAt(ctx.record, `${path}.pid`);
  const created = epochMsAt(ctx.record, `${path}.created_time`) ?? startedAt;
  return pid !== undefined && created !== undefined ? processUidFromPid(ctx.host.id, pid, created) : undefined;
}

/** A reference to the process object at `path`, when there is one and it can be identified. */
export function processRefAt(ctx: Context, path: string): ProcessRef | undefined {
  if (!objectAt(ctx.record, path)) return undefined;
  const uid = processUidAt(ctx, path);
  if (!uid) return undefined;
  return { uid, pid: integerAt(ctx.record, `${path}.pid`), image: textAt(ctx.record, `${path}.file.path`) };
}
