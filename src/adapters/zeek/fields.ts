import { FieldError } from '../adapter.js';
import { text } from '../text.js';

export { text };

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/**
 * A Zeek field by its log name. Zeek's JSON writer puts record fields at the top level with dotted
 * names (`"id.orig_h"`); some pipelines nest them (`"id": {"orig_h": ...}`). Both are read.
 */
export function field(record: Obj, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name] ?? undefined;
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const parent = record[name.slice(0, dot)];
  return isObj(parent) ? field(parent, name.slice(dot + 1)) : undefined;
}


export function requireText(record: Obj, name: string): string {
  const value = text(field(record, name));
  if (value === undefined) throw new FieldError(name, 'is missing');
  return value;
}

export function integerField(record: Obj, name: string): number | undefined {
  const raw = field(record, name);
  const t = text(raw);
  if (t === undefined) return undefined;
  if (typeof raw === 'boolean' || !/^-?\d+$/.test(t)) throw new FieldError(name, `must be an integer, got ${show(raw)}`);
  return Number(t);
}

/** Zeek booleans: native in JSON, T / F in its TSV logs (and in converters that keep them). */
export function boolField(record: Obj, name: string): boolean | undefined {
  const raw = field(record, name);
  if (typeof raw === 'boolean') return raw;
  const t = text(raw)?.toLowerCase();
  if (t === undefined) return undefined;
  if (t === 't' || t === 'true') return true;
  if (t === 'f' || t === 'false') return false;
  throw new FieldError(name, `must be a boolean, got ${show(raw)}`);
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+:[0-9a-f:.]*$/i;

/** An IP address as text (IPv4-mapped IPv6 unwrapped, lower-cased), else undefined. */
export function ipText(value: unknown): string | undefined {
  const t = text(value)?.replace(/^::ffff:(?=\d)/i, '');
  return t && (IPV4.test(t) || IPV6.test(t)) ? t.toLowerCase() : undefined;
}

export function requireIp(record: Obj, name: string): string {
  const raw = field(record, name);
  if (text(raw) === undefined) throw new FieldError(name, 'is missing');
  const ip = ipText(raw);
  if (!ip) throw new FieldError(name, `is not an IP address: ${show(raw)}`);
  return ip;
}

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Zeek's JSON timestamps (LogAscii::json_timestamps): epoch seconds as a float (JSON::TS_EPOCH, the
 * default), epoch milliseconds (JSON::TS_MILLIS) or ISO 8601 (JSON::TS_ISO8601). A number of 1e11 or
 * more cannot be seconds (that is the year 5138), so it is taken as milliseconds. Fractions are cut,
 * not rounded, to the millisecond, so the float and the ISO rendering of a time agree.
 */
export function requireTime(record: Obj, name: string): number {
  const raw = field(record, name);
  const t = text(raw);
  if (t === undefined) throw new FieldError(name, 'is missing');
  if (/^\d+(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n >= 1e11 ? Math.trunc(n) : Math.floor(Math.round(n * 1e6) / 1e3);
  }
  const m = ISO_TIME.exec(t);
  const fraction = (m?.[3] ?? '').padEnd(3, '0').slice(0, 3);
  const ms = m ? Date.parse(`${m[1]}T${m[2]}.${fraction}${zone(m[4])}`) : NaN;
  if (Number.isNaN(ms)) throw new FieldError(name, `is not epoch seconds or an ISO 8601 time: ${show(raw)}`);
  return ms;
}

function zone(raw: string | undefined): string {
  if (!raw || raw === 'Z') return 'Z';
  const digits = raw.slice(1).replace(':', '');
  return `${raw[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

/** Domain names compare lower-cased and without the root's trailing dot. */
export const domainName = (name: string): string => name.toLowerCase().replace(/\.$/, '');
