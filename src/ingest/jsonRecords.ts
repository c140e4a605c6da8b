import readline from 'node:readline';
import type { Readable } from 'node:stream';

export interface RawRecord {
  kind: 'record';
  /** 1-based line where the record starts. */
  line: number;
  value: unknown;
}

export interface RecordError {
  kind: 'error';
  line: number;
  reason: string;
}

/** Bounds the memory one malformed, never-closing record can take. */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/**
 * Splits a text stream into JSON records. Accepts JSON lines (one object per line; a bad line is
 * reported and the next line parses on its own) and concatenated, pretty-printed JSON objects
 * (as Elasticsearch hit dumps and evtx-to-JSON tools write them). A top-level array yields its items.
 * The mode is chosen from the first non-blank line of the stream.
 */
export function jsonRecords(input: Readable): AsyncGenerator<RawRecord | RecordError> {
  return jsonRecordsFromLines(textLines(input));
}

/** The lines of a text stream, CRLF or LF. */
export function textLines(input: Readable): AsyncIterable<string> {
  return readline.createInterface({ input, crlfDelay: Infinity });
}

export async function* jsonRecordsFromLines(lines: AsyncIterable<string>): AsyncGenerator<RawRecord | RecordError> {
  let lineNo = 0;
  let mode: 'lines' | 'concatenated' | undefined;
  let pending: string[] = [];
  let pendingStart = 0;
  let pendingChars = 0;
  const scanner = new DepthScanner();

  for await (const line of lines) {
    lineNo++;
    if (mode === undefined) {
      if (line.trim() === '') continue;
      mode = startsPrettyJson(line) ? 'concatenated' : 'lines';
    }
    if (mode === 'lines') {
      if (line.trim() === '') continue;
      yield* decode(line, lineNo);
      continue;
    }
    if (pending.length === 0) {
      if (line.trim() === '') continue;
      if (!/^\s*[{[]/.test(line)) {
        yield { kind: 'error', line: lineNo, reason: 'expected the start of a JSON object' };
        continue;
      }
      pendingStart = lineNo;
      scanner.reset();
    }
    pending.push(line);
    pendingChars += line.length;
    if (scanner.feed(line) === 0) {
      yield* decode(pending.join('\n'), pendingStart);
      pending = [];
      pendingChars = 0;
    } else if (pendingChars > MAX_RECORD_CHARS) {
      yield { kind: 'error', line: pendingStart, reason: `record exceeds ${MAX_RECORD_CHARS} characters without closing` };
      pending = [];
      pendingChars = 0;
    }
  }
  if (pending.length > 0) yield { kind: 'error', line: pendingStart, reason: 'truncated JSON: the record never closes' };
}

/**
 * Pretty printers open a record with a lone brace or a line ending in an opening bracket or comma;
 * a first line that is a complete or cut-off object of its own means JSON lines.
 */
function startsPrettyJson(line: string): boolean {
  const t = line.trim();
  return t === '{' || t === '[' || (/^[{[]/.test(t) && /[{[,]$/.test(t) && !parses(t));
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function* decode(text: string, line: number): Generator<RawRecord | RecordError> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    yield { kind: 'error', line, reason: `invalid JSON: ${(err as Error).message}` };
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) yield { kind: 'record', line, value: item };
  } else {
    yield { kind: 'record', line, value };
  }
}

/** Tracks bracket depth across lines, ignoring brackets inside strings. */
class DepthScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;

  reset(): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  feed(line: string): number {
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c === 34 /* " */) this.inString = false;
      } else if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) this.depth++;
      else if (c === 125 || c === 93) this.depth--;
    }
    return this.depth;
  }
}
