import { GraphQLError } from 'graphql';
import { hostEventKinds, type HostEventKind, type TimelinePosition } from '../../services/investigationService.js';

/** Limits of the investigation views' arguments (schema/investigation.graphql says the same). */
export const limits = {
  page: 500,
  depth: 10,
  marginMinutes: 1_440,
  withinMinutes: 1_440,
  patternRangeDays: 90,
  defaultPatternRangeDays: 7,
  pathFragment: { min: 3, max: 260 },
  image: { min: 1, max: 260 },
  hostKey: { min: 1, max: 255 },
};

const DAY_MS = 86_400_000;

/** Throws a message naming the field, the argument, the bounds and the value. */
export function inRange(field: string, arg: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new GraphQLError(`${field}: ${arg} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export const page = (field: string, first: number) => inRange(field, 'first', first, 1, limits.page);
export const depth = (field: string, value: number) => inRange(field, 'depth', value, 1, limits.depth);

export function length(field: string, arg: string, value: string, bounds: { min: number; max: number }): string {
  const trimmed = value.trim();
  if (trimmed.length < bounds.min || trimmed.length > bounds.max) {
    throw new GraphQLError(`${field}: ${arg} must be ${bounds.min} to ${bounds.max} characters, got ${trimmed.length}`);
  }
  return trimmed;
}

/** [since, until] with defaults (everything up to now); since after until is a mistake. */
export function timeRange(field: string, since: number | null | undefined, until: number | null | undefined, defaultSince = 0) {
  const end = until ?? Date.now();
  const start = since ?? defaultSince;
  if (start > end) throw new GraphQLError(`${field}: since (${iso(start)}) is after until (${iso(end)})`);
  return { since: start, until: end };
}

/** The pattern queries' range: default the 7 days up to until, at most 90 days. */
export function patternRange(field: string, since: number | null | undefined, until: number | null | undefined) {
  const end = until ?? Date.now();
  const range = timeRange(field, since ?? end - limits.defaultPatternRangeDays * DAY_MS, end);
  const days = (range.until - range.since) / DAY_MS;
  if (days > limits.patternRangeDays) throw new GraphQLError(`${field}: since to until must span at most ${limits.patternRangeDays} days, got ${Math.ceil(days)}`);
  return range;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function eventKinds(field: string, kinds: HostEventKind[] | null | undefined): HostEventKind[] {
  if (!kinds) return [...hostEventKinds];
  if (kinds.length === 0) throw new GraphQLError(`${field}: kinds must name at least one of ${hostEventKinds.join(', ')} (or be left out for all)`);
  return [...new Set(kinds)];
}

export const encodePosition = (p: TimelinePosition) => Buffer.from(JSON.stringify([p.ts, p.id])).toString('base64url');

export function decodePosition(field: string, cursor: string): TimelinePosition {
  try {
    const [ts, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (Number.isInteger(ts) && typeof id === 'string') return { ts: ts as number, id };
  } catch {
    // reported below
  }
  throw new GraphQLError(`${field}: after: '${cursor}' is not a cursor returned by this API`);
}
