import { FieldError } from '../adapter.js';
import type { Hashes, Signature } from '../../model/event.js';
import { text } from './envelope.js';

type Obj = Record<string, unknown>;

/**
 * Sysmon writes UTC as "2020-10-09 22:27:49.258"; evtx renderings carry ISO 8601 with 7 fraction
 * digits ("2026-08-11T08:32:29.0396852Z"); Beats use ISO with an offset. All become epoch ms.
 */
export function parseSysmonTime(value: unknown, field: string): number {
  const raw = text(value);
  if (!raw) throw new FieldError(field, 'is missing');
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (!m) throw new FieldError(field, `is not a timestamp: ${JSON.stringify(raw)}`);
  const fraction = (m[3] ?? '').padEnd(3, '0').slice(0, 3);
  const ms = Date.parse(`${m[1]}T${m[2]}.${fraction}${m[4] ?? 'Z'}`);
  if (Number.isNaN(ms)) throw new FieldError(field, `is not a valid date: ${JSON.stringify(raw)}`);
  return ms;
}

/** "SHA1=..,MD5=..,SHA256=..,IMPHASH=.." (Sysmon's Hashes / Hash fields); unknown algorithms are ignored. */
export function parseHashes(value: unknown): Hashes | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const hashes: Hashes = {};
  for (const part of raw.split(',')) {
    const [algo, digest] = part.split('=', 2).map((s) => s.trim());
    if (!algo || !digest) continue;
    const key = algo.toLowerCase();
    if ((key === 'sha256' && /^[0-9a-f]{64}$/i.test(digest)) || (key === 'sha1' && /^[0-9a-f]{40}$/i.test(digest)) || (key === 'md5' && /^[0-9a-f]{32}$/i.test(digest))) {
      hashes[key] = digest.toLowerCase();
    }
  }
  return Object.keys(hashes).length > 0 ? hashes : undefined;
}

/** Sysmon booleans arrive as "true", "False" or native booleans. */
export function parseBool(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  const t = text(value)?.toLowerCase();
  if (t === undefined) return undefined;
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new FieldError(field, `must be true or false, got ${JSON.stringify(value)}`);
}

export function parseInteger(value: unknown, field: string): number | undefined {
  const t = text(value);
  if (t === undefined) return undefined;
  if (!/^-?\d+$/.test(t)) throw new FieldError(field, `must be an integer, got ${JSON.stringify(value)}`);
  return Number(t);
}

export function requireText(data: Obj, field: string): string {
  const value = text(data[field]);
  if (value === undefined) throw new FieldError(field, 'is missing');
  return value;
}

/** Image-load signature facts; `Signed` may be "true" while SignatureStatus says why it is not valid. */
export function parseSignature(data: Obj): Signature | undefined {
  const signed = parseBool(data.Signed, 'Signed');
  const status = text(data.SignatureStatus)?.toLowerCase();
  const signer = text(data.Signature);
  if (signed === undefined && !status && !signer) return undefined;
  return { signed, status, signer };
}

/** DNS QueryResults: "type:  5 edge.example;::ffff:93.184.216.34;" → IP answers only. */
export function parseDnsAnswers(value: unknown): string[] {
  const raw = text(value);
  if (!raw) return [];
  const answers: string[] = [];
  for (const part of raw.split(';')) {
    const item = part.trim().replace(/^::ffff:/i, '');
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(item) || /^[0-9a-f:]+:[0-9a-f:]*$/i.test(item)) answers.push(item.toLowerCase());
  }
  return answers;
}
