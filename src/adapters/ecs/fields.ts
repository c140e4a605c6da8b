import { FieldError } from '../adapter.js';
import type { Hashes } from '../../model/event.js';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an ECS field by its dotted name. Shippers write the same field nested
 * (`{"process": {"pid": 1}}`), dotted (`{"process.pid": 1}`) or half and half
 * (`{"process": {"parent.pid": 1}}`), so every split of the name is tried, longest key first.
 */
export function lookup(obj: Obj, path: string): unknown {
  if (Object.hasOwn(obj, path)) return obj[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const child = obj[parts.slice(0, i).join('.')];
    if (!isObj(child)) continue;
    const value = lookup(child, parts.slice(i).join('.'));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Some exports (Kibana, the hit `fields` style) wrap single values in a one-item array. */
function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

/** Strings, numbers and booleans as trimmed text; empty strings count as absent. */
export function text(value: unknown): string | undefined {
  const v = single(value);
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return undefined;
}

export const textAt = (obj: Obj, path: string): string | undefined => text(lookup(obj, path));

/** A keyword field that ECS allows as one value or an array (event.category, event.type, event.action), lower-cased. */
export function keywords(obj: Obj, path: string): string[] {
  const value = lookup(obj, path);
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => text(item)?.toLowerCase()).filter((item): item is string => item !== undefined);
}

export function parseInteger(obj: Obj, path: string): number | undefined {
  const raw = lookup(obj, path);
  const t = text(raw);
  if (t === undefined) return undefined;
  if (!/^-?\d+$/.test(t)) throw new FieldError(path, `must be an integer, got ${JSON.stringify(single(raw))}`);
  return Number(t);
}

/**
 * Booleans arrive native or as "true" / "False" text, depending on the shipper. `field` names the
 * value in a reject when `obj` is not the record itself (a signer object inside an array).
 */
export function parseBool(obj: Obj, path: string, field = path): boolean | undefined {
  const raw = single(lookup(obj, path));
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'boolean') return raw;
  const t = text(raw)?.toLowerCase();
  if (t === undefined) return undefined;
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new FieldError(field, `must be true or false, got ${JSON.stringify(raw)}`);
}

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ECS dates: ISO 8601 with any number of fraction digits (Elastic Endpoint writes microseconds,
 * Beats nanoseconds) and Z or an offset; a value without a zone is UTC, as Elasticsearch reads it.
 * Epoch milliseconds (number or digits) are accepted too.
 */
export function parseTime(obj: Obj, path: string): number | undefined {
  const raw = single(lookup(obj, path));
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) return Math.trunc(raw);
  const t = text(raw);
  if (t !== undefined && /^\d{10,}$/.test(t)) return Number(t);
  const m = t === undefined ? null : ISO_TIME.exec(t);
  if (!m) throw new FieldError(path, `is not a timestamp: ${JSON.stringify(raw)}`);
  const fraction = (m[3] ?? '').padEnd(3, '0').slice(0, 3);
  const clock = m[2]!.length === 5 ? `${m[2]}:00` : m[2];
  const ms = Date.parse(`${m[1]}T${clock}.${fraction}${zone(m[4])}`);
  if (Number.isNaN(ms)) throw new FieldError(path, `is not a valid date: ${JSON.stringify(raw)}`);
  return ms;
}

function zone(raw: string | undefined): string {
  if (!raw || raw.toUpperCase() === 'Z') return 'Z';
  const digits = raw.slice(1).replace(':', '').padEnd(4, '0');
  return `${raw[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

export function requireTime(obj: Obj, path: string): number {
  const ts = parseTime(obj, path);
  if (ts === undefined) throw new FieldError(path, 'is missing');
  return ts;
}

export function requireText(obj: Obj, path: string): string {
  const value = textAt(obj, path);
  if (value === undefined) throw new FieldError(path, 'is missing');
  return value;
}

const HASH_LENGTHS = { sha256: 64, sha1: 40, md5: 32 } as const;

/** `<prefix>.hash.{sha256,sha1,md5}`, lower-cased; digests of the wrong shape are ignored. */
export function hashesAt(obj: Obj, prefix: string): Hashes | undefined {
  const hashes: Hashes = {};
  for (const [algo, length] of Object.entries(HASH_LENGTHS) as [keyof Hashes, number][]) {
    const digest = textAt(obj, `${prefix}.${algo}`)?.toLowerCase();
    if (digest && digest.length === length && /^[0-9a-f]+$/.test(digest)) hashes[algo] = digest;
  }
  return Object.keys(hashes).length > 0 ? hashes : undefined;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+:[0-9a-f:.]*$/i;

/** An IP address as text (IPv4-mapped IPv6 unwrapped, lower-cased), else undefined. */
export function ipText(value: unknown): string | undefined {
  const t = text(value)?.replace(/^::ffff:(?=\d)/i, '');
  return t && (IPV4.test(t) || IPV6.test(t)) ? t.toLowerCase() : undefined;
}
