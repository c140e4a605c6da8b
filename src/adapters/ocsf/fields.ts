import { FieldError } from '../adapter.js';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as it appears in a reject reason, cut short so one huge field does not flood the report. */
export function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** Strings, numbers and booleans as trimmed text; empty strings count as absent. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? undefined : t;
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The value at a dotted path of nested OCSF objects (`actor.process.pid`). Something other than an
 * object on the way is a bad type, blamed on the path up to it.
 */
export function valueAt(record: Obj, path: string): unknown {
  const parts = path.split('.');
  let node: unknown = record;
  for (let i = 0; i < parts.length; i++) {
    if (node === undefined || node === null) return undefined;
    if (!isObj(node)) throw new FieldError(parts.slice(0, i).join('.'), `must be an object, got ${show(node)}`);
    node = node[parts[i]!];
  }
  return node ?? undefined;
}

export const textAt = (record: Obj, path: string): string | undefined => text(valueAt(record, path));

export function requireText(record: Obj, path: string): string {
  const value = textAt(record, path);
  if (value === undefined) throw new FieldError(path, 'is missing');
  return value;
}

export function objectAt(record: Obj, path: string): Obj | undefined {
  const value = valueAt(record, path);
  if (value === undefined) return undefined;
  if (!isObj(value)) throw new FieldError(path, `must be an object, got ${show(value)}`);
  return value;
}

export function requireObject(record: Obj, path: string): Obj {
  const value = objectAt(record, path);
  if (value === undefined) throw new FieldError(path, 'is missing');
  return value;
}

export function arrayAt(record: Obj, path: string): unknown[] | undefined {
  const value = valueAt(record, path);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new FieldError(path, `must be an array, got ${show(value)}`);
  return value;
}

/** OCSF integers (ids, pids, ports); producers that stringify numbers write them as digit strings. */
export function parseInteger(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const t = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : undefined;
  if (t === undefined || !/^-?\d+$/.test(t)) throw new FieldError(field, `must be an integer, got ${show(value)}`);
  return Number(t);
}

export const integerAt = (record: Obj, path: string): number | undefined => parseInteger(valueAt(record, path), path);

export function requireInteger(record: Obj, path: string): number {
  const value = integerAt(record, path);
  if (value === undefined) throw new FieldError(path, 'is missing');
  return value;
}

/**
 * OCSF timestamp_t: epoch milliseconds (number or digits). A value below 1e11 would be before 1973
 * in milliseconds; it is almost surely epoch seconds, and taking it as ms would misplace the event.
 */
export function epochMsAt(record: Obj, path: string): number | undefined {
  const raw = valueAt(record, path);
  if (raw === undefined || raw === '') return undefined;
  const t = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '';
  const ms = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(ms)) throw new FieldError(path, `must be epoch milliseconds, got ${show(raw)}`);
  if (ms < 1e11) throw new FieldError(path, `must be epoch milliseconds, got ${show(raw)} (epoch seconds?)`);
  return Math.trunc(ms);
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+:[0-9a-f:.]*$/i;

/** An IP address as text (IPv4-mapped IPv6 unwrapped, lower-cased), else undefined. */
export function ipText(value: unknown): string | undefined {
  const t = text(value)?.replace(/^::ffff:(?=\d)/i, '');
  return t && (IPV4.test(t) || IPV6.test(t)) ? t.toLowerCase() : undefined;
}

export function requireIp(record: Obj, path: string): string {
  const raw = valueAt(record, path);
  if (raw === undefined || text(raw) === undefined) throw new FieldError(path, 'is missing');
  const ip = ipText(raw);
  if (!ip) throw new FieldError(path, `is not an IP address: ${show(raw)}`);
  return ip;
}

/** Domain names compare lower-cased and without the root's trailing dot. */
export const domainName = (name: string): string => name.toLowerCase().replace(/\.$/, '');
