import type { NormalizedEvent } from '../model/event.js';

/** A record the adapter understood: zero or more normalized events. */
export interface Parsed {
  outcome: 'events';
  events: NormalizedEvent[];
}

/** A record of a known source that provhunt does not model (e.g. a Security log logon): counted, not an error. */
export interface Skipped {
  outcome: 'skipped';
  reason: string;
}

/** A record the adapter should understand but cannot: the field and what is wrong with it. */
export interface Rejected {
  outcome: 'rejected';
  field?: string;
  reason: string;
}

export type ParseOutcome = Parsed | Skipped | Rejected;

/**
 * One adapter per telemetry format: pure functions from one decoded JSON record to normalized events.
 * `recognizes` must be cheap; it is asked of every record when the format is auto-detected.
 */
export interface SourceAdapter {
  format: string;
  recognizes(record: Record<string, unknown>): boolean;
  parse(record: Record<string, unknown>, input?: InputContext): ParseOutcome;
}

/** What is known about the input a JSON record came from, for formats whose records can lack it. */
export interface InputContext {
  fileName: string;
  /** The host the user named for records that do not name theirs (`--host`, `?host=`). */
  hostName?: string;
}

/** Thrown inside adapters for a bad field; turned into a Rejected outcome at the adapter boundary. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}

export function guard(parse: () => ParseOutcome): ParseOutcome {
  try {
    return parse();
  } catch (err) {
    if (err instanceof FieldError) return { outcome: 'rejected', field: err.field, reason: err.message };
    throw err;
  }
}

/** A parse outcome tied to the 1-based line of the input it came from. */
export type LineOutcome = ParseOutcome & { line: number };

/** What a text adapter knows about its input beyond the lines. */
export interface TextContext {
  /** Input file name (or "-"), for formats that carry meaning in the name. */
  fileName: string;
  /** Host the log was collected from, for logs that do not name it (dpkg.log); from `--host`. */
  hostName?: string;
}

/** Turns the lines of one input into outcomes; a record may span lines (apt history.log blocks). */
export interface TextParser {
  line(text: string, lineNo: number): LineOutcome[];
  /** Called once at the end of input, to flush a record still open. */
  end(): LineOutcome[];
}

/**
 * Line-oriented text formats (package-manager logs). Chosen per input: by `--format`, or by
 * `detect` on the first non-blank lines when the input is not JSON. Pure: no I/O.
 */
export interface TextAdapter {
  format: string;
  detect(firstLines: string[], fileName: string): boolean;
  createParser(context: TextContext): TextParser;
}
