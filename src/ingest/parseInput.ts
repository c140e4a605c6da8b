import type { Readable } from 'node:stream';
import type { InputContext, ParseOutcome, SourceAdapter, TextAdapter } from '../adapters/adapter.js';
import { adapterByFormat, detectTextAdapter, parseRecord } from '../adapters/registry.js';
import { jsonRecordsFromLines, textLines } from './jsonRecords.js';

/** One outcome per input record (or per undecodable line), with the line it started on. */
export type InputOutcome = ParseOutcome & { line: number };

export interface ParseInputOptions {
  fileName: string;
  /** Skip detection: a JSON adapter or a text adapter by its format name. */
  format?: string;
  /** Host for logs that do not name their host (dpkg.log, apt history.log). */
  hostName?: string;
  /**
   * A live input (stdin, an upload) is told apart from as few lines as a text adapter recognizes:
   * `tail -F dpkg.log` must not wait for five lines. A file's first lines are there at once, so it
   * is detected from five, as ever.
   */
  live?: boolean;
}

const DETECTION_LINES = 5;

/**
 * Parses one input, choosing how once per input: JSON records (lines or pretty-printed objects,
 * each record's adapter detected per record) or a line-oriented text format detected from the
 * first non-blank lines. Every line ends in exactly one outcome: events, skipped or rejected.
 */
export async function* parseInput(input: Readable, opts: ParseInputOptions): AsyncGenerator<InputOutcome> {
  const lines = textLines(input)[Symbol.asyncIterator]();
  const forced = opts.format ? adapterByFormat(opts.format) : undefined;
  const head: string[] = [];
  // Only text formats need more than the first line to be told apart; a live stream (stdin) must
  // not wait for five lines before its first JSON record is parsed.
  const nonBlank = () => head.filter((l) => l.trim() !== '');
  const detected = () =>
    forced !== undefined || /^\s*[{[]/.test(nonBlank()[0] ?? '') || (opts.live === true && nonBlank().length > 0 && detectTextAdapter(nonBlank(), opts.fileName) !== undefined);
  while (!detected() && nonBlank().length < DETECTION_LINES) {
    const next = await lines.next();
    if (next.done) break;
    head.push(next.value);
  }
  const all = replay(head, lines);
  const firstLine = head.find((l) => l.trim() !== '') ?? '';
  const text = forced ? isText(forced) : !/^\s*[{[]/.test(firstLine);
  if (!text) {
    yield* jsonOutcomes(all, forced as SourceAdapter | undefined, { fileName: opts.fileName, hostName: opts.hostName });
    return;
  }
  const adapter = (forced as TextAdapter | undefined) ?? detectTextAdapter(nonBlank(), opts.fileName);
  if (!adapter) {
    let lineNo = 0;
    for await (const line of all) {
      lineNo++;
      if (line.trim() !== '') yield { outcome: 'rejected', line: lineNo, reason: 'not JSON, and no text adapter recognizes this format (use --format)' };
    }
    return;
  }
  yield* textOutcomes(all, adapter, opts);
}

function isText(adapter: SourceAdapter | TextAdapter): adapter is TextAdapter {
  return 'createParser' in adapter;
}

async function* replay(head: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* jsonOutcomes(lines: AsyncIterable<string>, forced: SourceAdapter | undefined, input: InputContext): AsyncGenerator<InputOutcome> {
  for await (const item of jsonRecordsFromLines(lines)) {
    if (item.kind === 'error') yield { outcome: 'rejected', line: item.line, reason: item.reason };
    else yield { ...parseRecord(item.value, forced, input), line: item.line };
  }
}

async function* textOutcomes(lines: AsyncIterable<string>, adapter: TextAdapter, opts: ParseInputOptions): AsyncGenerator<InputOutcome> {
  const parser = adapter.createParser({ fileName: opts.fileName, hostName: opts.hostName });
  let lineNo = 0;
  for await (const line of lines) yield* parser.line(line, ++lineNo);
  yield* parser.end();
}
