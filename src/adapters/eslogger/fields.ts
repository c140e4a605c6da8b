import { FieldError } from '../adapter.js';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `base.key`, or `key` at the top level: the dotted path named in a rejection. */
export const pathOf = (base: string, key: string): string => (base ? `${base}.${key}` : key);

/** A short rendering of a bad value for a rejection reason. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function requireObject(o: Obj, key: string, base: string): Obj {
  const value = o[key];
  if (value === undefined || value === null) throw new FieldError(pathOf(base, key), 'is missing');
  if (!isObj(value)) throw new FieldError(pathOf(base, key), `must be an object, got ${shown(value)}`);
  return value;
}

/** eslogger writes null for absent strings (team_id of platform binaries) and "" for empty ones. */
export function optionalString(o: Obj, key: string, base: string): string | undefined {
  const value = o[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new FieldError(pathOf(base, key), `must be a string, got ${shown(value)}`);
  return value === '' ? undefined : value;
}

export function requireString(o: Obj, key: string, base: string): string {
  const value = optionalString(o, key, base);
  if (value === undefined) throw new FieldError(pathOf(base, key), 'is missing');
  return value;
}

export function optionalBoolean(o: Obj, key: string, base: string): boolean | undefined {
  const value = o[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new FieldError(pathOf(base, key), `must be true or false, got ${shown(value)}`);
  return value;
}

export function requireBoolean(o: Obj, key: string, base: string): boolean {
  const value = optionalBoolean(o, key, base);
  if (value === undefined) throw new FieldError(pathOf(base, key), 'is missing');
  return value;
}

/** Non-negative integers: pids, pidversions, uids and flag words are all unsigned in Endpoint Security. */
export function optionalUnsigned(o: Obj, key: string, base: string): number | undefined {
  const value = o[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new FieldError(pathOf(base, key), `must be a non-negative integer, got ${shown(value)}`);
  }
  return value;
}

export function requireUnsigned(o: Obj, key: string, base: string): number {
  const value = optionalUnsigned(o, key, base);
  if (value === undefined) throw new FieldError(pathOf(base, key), 'is missing');
  return value;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * eslogger's `time` is wall-clock UTC with nanoseconds ("2026-10-04T00:01:55.281215406Z"); it is
 * cut to milliseconds. `mach_time` is a monotonic tick count since boot, not a date, so it is not used.
 */
export function parseIsoTime(value: unknown, field: string): number {
  if (value === undefined || value === null || value === '') throw new FieldError(field, 'is missing');
  if (typeof value !== 'string') throw new FieldError(field, `must be an ISO 8601 string, got ${shown(value)}`);
  const m = ISO_TIME.exec(value.trim());
  if (!m) throw new FieldError(field, `is not an ISO 8601 timestamp: ${shown(value)}`);
  const [, y, mo, d, h, mi, s, fraction = '', zone] = m as unknown as string[];
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.padEnd(3, '0').slice(0, 3)}`;
  // Date.parse accepts 2024-02-30 (rolling it into March): the calendar date must survive a round trip.
  const wallClock = Date.parse(`${iso}Z`);
  if (Number.isNaN(wallClock) || new Date(wallClock).toISOString().slice(0, 19) !== iso.slice(0, 19)) {
    throw new FieldError(field, `is not a valid date: ${shown(value)}`);
  }
  return Date.parse(`${iso}${withColon(zone!)}`);
}

/** "+0200" as "+02:00", the form Date.parse reads. */
const withColon = (zone: string): string => (/^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone);
