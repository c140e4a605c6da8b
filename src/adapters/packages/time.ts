import { FieldError } from '../adapter.js';
import { shown } from './common.js';

const CIVIL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T| +)(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * "2024-01-15 10:22:31" (dpkg), "2024-01-15  10:22:31" (apt), "2024-01-15T10:22:31+0000" (dnf).
 * dpkg and apt write local time without a zone, and the log does not say which zone: such times
 * are taken as UTC. An explicit offset (dnf) is honoured.
 */
export function parseLogTime(text: string, field: string): number {
  const m = CIVIL_TIME.exec(text.trim());
  if (!m) throw new FieldError(field, `is not a timestamp: ${shown(text)}`);
  const [, y, mo, d, h, mi, s, fraction = '', zone] = m as unknown as string[];
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = civilToUtc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms);
  if (utc === undefined) throw new FieldError(field, `is not a valid date: ${shown(text)}`);
  return utc - offsetMinutes(zone) * 60_000;
}

/** Epoch ms of a calendar time in UTC, or undefined when the date does not exist (Feb 30, hour 25). */
export function civilToUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): number | undefined {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return new Date(utc).getUTCDate() === day && day >= 1 ? utc : undefined;
}

/** "Z" → 0, "+02" → 120, "+0530" / "+05:30" → 330, "-0800" → -480; none → 0 (UTC assumed). */
function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}
