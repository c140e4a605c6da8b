import { FieldError } from '../adapter.js';
import { hostKey, osOfPath, processUidFromPid, processUid, shortHash } from '../identity.js';
import { EVENT_MODEL_VERSION, type HostRef, type Os, type ProcessRef } from '../../model/event.js';
import { lookup, parseInteger, parseTime, requireTime, textAt, type Obj } from './fields.js';

/** What every event built from one ECS record shares. */
export interface Context {
  record: Obj;
  host: HostRef;
  ts: number;
  recordId: string;
}

export function contextOf(record: Obj): Context {
  const ts = requireTime(record, '@timestamp');
  const host = hostOf(record);
  // event.id is the sensor's own id (Elastic Endpoint, Beats add_id); otherwise the content identifies the record.
  const recordId = textAt(record, 'event.id') ?? shortHash(JSON.stringify(record));
  return { record, host, ts, recordId };
}

/** The common fields of a normalized event; `kind` keeps the ids of several events from one record apart. */
export function baseOf(ctx: Context, kind: string) {
  return {
    v: EVENT_MODEL_VERSION,
    id: shortHash(`ecs|${ctx.host.id}|${ctx.recordId}|${ctx.ts}|${kind}`),
    ts: ctx.ts,
    host: ctx.host,
    source: { format: 'ecs', recordId: ctx.recordId },
  } as const;
}

function hostOf(r: Obj): HostRef {
  const id = textAt(r, 'host.id');
  // Beats before 7 named the host under agent/beat; Winlogbeat always has the computer name.
  const name = textAt(r, 'host.name') ?? textAt(r, 'host.hostname') ?? textAt(r, 'agent.hostname') ?? textAt(r, 'beat.hostname') ?? textAt(r, 'winlog.computer_name');
  const key = id ?? name;
  if (key === undefined) throw new FieldError('host.name', 'is missing');
  return { id: hostKey(key), name: name ?? key, os: osOf(r) };
}

const LINUX_FAMILIES = /^(linux|debian|ubuntu|redhat|rhel|centos|fedora|rocky|almalinux|amazon|amzn|oracle|ol|suse|sles|opensuse|arch|alpine|gentoo)\b/;

function osOf(r: Obj): Os {
  for (const path of ['host.os.type', 'host.os.family', 'host.os.platform', 'host.os.name']) {
    const value = textAt(r, path)?.toLowerCase();
    if (!value) continue;
    if (value.startsWith('windows')) return 'windows';
    if (/^(macos|darwin|mac ?os|osx)/.test(value)) return 'macos';
    if (LINUX_FAMILIES.test(value)) return 'linux';
  }
  if (lookup(r, 'winlog') !== undefined || lookup(r, 'winlog.channel') !== undefined) return 'windows';
  // A POSIX path says "not Windows" but not which Unix, so only a Windows path is taken as evidence.
  const image = textAt(r, 'process.executable');
  return image && osOfPath(image) === 'windows' ? 'windows' : 'unknown';
}

/**
 * The identity of `process` or `process.parent`: its entity_id (Elastic Endpoint, Auditbeat), else
 * its pid with its start time (Auditbeat socket writes `process.created`), else — for the process a
 * start event announces — its pid with the event time.
 */
export function processUidOf(ctx: Context, prefix: 'process' | 'process.parent', startedAt?: number): string | undefined {
  const r = ctx.record;
  const entityId = textAt(r, `${prefix}.entity_id`);
  const pid = pidOf(r, prefix);
  if (entityId) return processUid(ctx.host.id, entityId);
  const start = parseTime(r, `${prefix}.start`) ?? (prefix === 'process' ? parseTime(r, 'process.created') : undefined) ?? startedAt;
  return pid !== undefined && start !== undefined ? processUidFromPid(ctx.host.id, pid, start) : undefined;
}

/** ECS before 1.4 (Auditbeat 6.x / 7.0-7.5) wrote the parent pid as process.ppid. */
export function pidOf(r: Obj, prefix: 'process' | 'process.parent'): number | undefined {
  const pid = parseInteger(r, `${prefix}.pid`);
  return pid === undefined && prefix === 'process.parent' ? parseInteger(r, 'process.ppid') : pid;
}

/** The acting process of a file, library, network or DNS event, when the record identifies it. */
export function actorOf(ctx: Context): ProcessRef | undefined {
  const uid = processUidOf(ctx, 'process');
  if (!uid) return undefined;
  return { uid, pid: pidOf(ctx.record, 'process'), image: textAt(ctx.record, 'process.executable') };
}

/** Why a record whose event needs an actor (a process end, a library load) cannot have one. */
export function noActorReason(ctx: Context, what: string): string {
  return pidOf(ctx.record, 'process') === undefined
    ? `ecs ${what} event names no process (no process.entity_id or process.pid): the event model needs an actor`
    : `ecs ${what} event names process.pid but no process.entity_id or process.start: the process cannot be identified`;
}
