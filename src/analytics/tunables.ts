import { InputError } from '../errors.js';

/** Turns tunable values (the seeds' mutable elements) into query parameters. */

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "90m", "14d", "2h30m", "45s", or a plain number of milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const text = String(value).trim().toLowerCase();
  if (/^\d+$/.test(text)) return Number(text);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new InputError(`'${value}' is not a duration (examples: 90m, 14d, 2h30m)`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}

/** Glob (`*setup*.exe`) to an anchored, case-insensitive Cypher regular expression. */
export function globToRegex(glob: string): string {
  const escaped = glob
    .toLowerCase()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : /[.+^${}()|[\]\\]/.test(c) ? `\\${c}` : c))
    .join('');
  return `(?i)${escaped}`;
}

export type Transform = 'ms' | 'lower' | 'globRegex' | 'raw';

export function toParam(value: unknown, transform: Transform, name: string): unknown {
  switch (transform) {
    case 'ms':
      return parseDuration(value as string | number);
    case 'lower':
      return asStringList(value, name).map((s) => s.toLowerCase());
    case 'globRegex':
      return asStringList(value, name).map(globToRegex);
    case 'raw':
      return value;
  }
}

function asStringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new InputError(`tunable ${name} must be a list of strings`);
  }
  return value as string[];
}

/** Checks a value against its tunable's declared type and converts it; errors say what is expected. */
export function convertTunable(value: unknown, tunable: { type: string; as: string }, name: string): unknown {
  if (tunable.type === 'list') asStringList(value, name);
  if (tunable.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) throw new InputError(`tunable ${name} must be a number`);
  if (tunable.type === 'string' && typeof value !== 'string') throw new InputError(`tunable ${name} must be a string`);
  return toParam(value, tunable.as as Transform, name);
}
