import { FieldError, guard, type LineOutcome, type ParseOutcome, type TextContext, type TextParser } from '../adapter.js';
import { hostKey, shortHash } from '../identity.js';
import { EVENT_MODEL_VERSION, type HostRef, type Os, type PackageEvent, type PackageManager } from '../../model/event.js';

/** Package logs do not name their host: it comes from `--host`, and without it no event can be placed. */
export function hostOf(context: TextContext, os: Os): HostRef {
  const name = context.hostName?.trim();
  if (!name) throw new FieldError('host', 'this log does not name its host: pass --host <name> with the host it was collected from');
  return { id: hostKey(name), name, os };
}

/** What a package event says, before the common fields are added. */
export interface PackageChange {
  op: PackageEvent['op'];
  name: string;
  version?: string;
  previousVersion?: string;
  arch?: string;
  repository?: string;
  commandLine?: string;
}

export interface RecordKey {
  format: string;
  manager: PackageManager;
  host: HostRef;
  ts: number;
  /** The record's own text (the log line, or a block's start line plus the entry): replays give the same id. */
  text: string;
}

export function packageEvent(key: RecordKey, change: PackageChange): PackageEvent {
  const recordId = shortHash(key.text);
  return {
    v: EVENT_MODEL_VERSION,
    id: shortHash(`${key.format}|${key.host.id}|${key.text}`),
    ts: key.ts,
    host: key.host,
    source: { format: key.format, recordId },
    kind: 'package',
    manager: key.manager,
    ...change,
  };
}

/** A parse outcome tied to its line; FieldErrors become rejections. */
export function atLine(line: number, parse: () => ParseOutcome): LineOutcome {
  return { ...guard(parse), line };
}

/** For formats with one record per line: blank lines carry nothing and yield no outcome. */
export function linewiseParser(parseLine: (text: string) => ParseOutcome): TextParser {
  return {
    line: (text, lineNo) => (text.trim() === '' ? [] : [atLine(lineNo, () => parseLine(text.trim()))]),
    end: () => [],
  };
}

export const eventsOf = (...events: PackageEvent[]): ParseOutcome => ({ outcome: 'events', events });
export const skipped = (reason: string): ParseOutcome => ({ outcome: 'skipped', reason });

/** A short rendering of a bad value for a rejection reason. */
export function shown(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

/** The file name without its directories (`/var/log/dpkg.log.1` → `dpkg.log.1`). */
export const baseName = (fileName: string): string => fileName.split(/[\\/]/).pop() ?? fileName;
