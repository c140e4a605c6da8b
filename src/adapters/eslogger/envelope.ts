import { FieldError, type InputContext } from '../adapter.js';
import { hostKey, shortHash } from '../identity.js';
import { EVENT_MODEL_VERSION, type HostRef } from '../../model/event.js';
import { isObj, parseIsoTime, requireObject, shown, type Obj } from './fields.js';

export const FORMAT = 'eslogger';

/**
 * eslogger does not name its host; a collector may add `host` / `hostname`, or the user names it
 * (`--host`). Otherwise the host is a placeholder per input file: records of two Macs must never
 * share one host, or a chain could be stitched together across machines.
 */
export const UNKNOWN_MAC = 'unknown-mac';

/** What every event built from one eslogger message shares. */
export interface Context {
  eventType: number;
  host: HostRef;
  ts: number;
  recordId: string;
  /** The message's `process`: the process that did what the event describes. */
  process: Obj;
  /** The event body, `event.<name>`. */
  body: Obj;
  name: string;
}

/** Cheap and specific: eslogger's numeric event type with the acting process's audit token. */
export function looksLikeEslogger(r: Obj): boolean {
  return typeof r.event_type === 'number' && isObj(r.process) && isObj(r.process.audit_token);
}

export function eventTypeOf(r: Obj): number {
  const value = r.event_type;
  if (value === undefined || value === null) throw new FieldError('event_type', 'is missing');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new FieldError('event_type', `must be a non-negative integer, got ${shown(value)}`);
  return value;
}

/** The single key under `event`, which names the event ("exec", "open"...). */
export function bodyNameOf(r: Obj): string | undefined {
  return isObj(r.event) ? Object.keys(r.event)[0] : undefined;
}

export function contextOf(r: Obj, eventType: number, name: string, input?: InputContext): Context {
  const event = requireObject(r, 'event', '');
  const body = event[name];
  if (!isObj(body)) {
    const found = bodyNameOf(r);
    const why = found && found !== name ? `event_type ${eventType} is ${name}, but the record has event.${found}` : `event_type ${eventType} is ${name}`;
    throw new FieldError(`event.${name}`, `is missing (${why})`);
  }
  return {
    eventType,
    name,
    body,
    ts: parseIsoTime(r.time, 'time'),
    host: hostOf(r, input),
    process: requireObject(r, 'process', ''),
    // Sequence numbers restart with every eslogger run, so the content identifies the record.
    recordId: shortHash(JSON.stringify(r)),
  };
}

function hostOf(r: Obj, input?: InputContext): HostRef {
  const name = hostNameOf(r) ?? input?.hostName ?? placeholderHost(input?.fileName);
  return { id: hostKey(name), name, os: 'macos' };
}

function placeholderHost(fileName: string | undefined): string {
  const file = fileName?.split(/[\\/]/).pop();
  return file && file !== '-' ? `${UNKNOWN_MAC}:${file}` : UNKNOWN_MAC;
}

/** `host` as a name or as an object with `name` / `hostname` (Beats-style), else `hostname`. */
function hostNameOf(r: Obj): string | undefined {
  const host = r.host;
  if (typeof host === 'string' && host.trim()) return host.trim();
  if (isObj(host)) {
    const name = host.name ?? host.hostname;
    if (typeof name === 'string' && name.trim()) return name.trim();
    if (name !== undefined && name !== null) throw new FieldError('host.name', `must be a string, got ${shown(name)}`);
  } else if (host !== undefined && host !== null && typeof host !== 'string') {
    throw new FieldError('host', `must be a host name or an object with a name, got ${shown(host)}`);
  }
  const hostname = r.hostname;
  if (hostname === undefined || hostname === null) return undefined;
  if (typeof hostname !== 'string') throw new FieldError('hostname', `must be a string, got ${shown(hostname)}`);
  return hostname.trim() || undefined;
}

/** The common fields of a normalized event; `kind` keeps several events of one record apart. */
export function baseOf(ctx: Context, kind: string) {
  return {
    v: EVENT_MODEL_VERSION,
    id: shortHash(`${FORMAT}|${ctx.host.id}|${ctx.eventType}|${ctx.recordId}|${ctx.ts}|${kind}`),
    ts: ctx.ts,
    host: ctx.host,
    source: { format: FORMAT, recordId: ctx.recordId },
  } as const;
}
