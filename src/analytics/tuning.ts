import fs from 'node:fs';
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node } from 'yaml';
import { loadCatalog, tunableOf } from './catalog.js';
import { convertTunable } from './tunables.js';

/** Tunable values by analytic id and the seeds' names: { AN0862: { TimeWindow: '2h', ... } }. */
export type Tuning = Record<string, Record<string, unknown>>;

let fromEnvironment: Tuning | undefined;
let storedInGraph: Tuning = {};

/** The tunables set through the API (TuningService keeps this current). */
export function setStoredTuning(tuning: Tuning): void {
  storedInGraph = tuning;
}

/** The tunables set through the API, as last read by this process. */
export function storedTuning(): Tuning {
  return storedInGraph;
}

/**
 * The tuning file named by PROVHUNT_CONFIG (none: every analytic on its defaults). Read once per
 * process; workers, the API and the CLI each read the same file, so they agree.
 */
export function configuredTuning(): Tuning {
  if (!fromEnvironment) fromEnvironment = process.env.PROVHUNT_CONFIG ? loadTuningFile(process.env.PROVHUNT_CONFIG) : {};
  return fromEnvironment;
}

/** For tests and reloads. */
export function setConfiguredTuning(tuning: Tuning | undefined): void {
  fromEnvironment = tuning;
}

/**
 * Reads and validates a tuning file: every analytic id and tunable name must exist and every value
 * must convert (durations parse, lists are lists). Errors name the file, line and field.
 */
export function loadTuningFile(file: string): Tuning {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read the tuning file (PROVHUNT_CONFIG): ${(err as Error).message}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (node: Node | null | undefined) => (node?.range ? `${file}:${lines.linePos(node.range[0]).line}` : file);
  if (doc.errors.length > 0) throw new Error(`${file}:${doc.errors[0]!.linePos?.[0].line ?? '?'}: not valid YAML: ${doc.errors[0]!.message}`);
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw new Error(`${at(doc.contents)}: expected a map of analytic ids, e.g. AN0862: { TimeWindow: 90m }`);
  const catalog = loadCatalog();
  const tuning: Tuning = {};
  for (const entry of doc.contents.items) {
    const id = String(isScalar(entry.key) ? entry.key.value : entry.key).toUpperCase();
    const analytic = catalog.find((a) => a.id === id);
    if (!analytic) throw new Error(`${at(entry.key as Node)}: unknown analytic '${id}' (known: ${catalog.map((a) => a.id).join(', ')})`);
    if (!isMap(entry.value)) throw new Error(`${at(entry.value as Node)}: ${id}: expected a map of tunables, e.g. TimeWindow: 90m`);
    tuning[id] = {};
    for (const pair of entry.value.items) {
      if (!isPair(pair)) continue;
      const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const tunable = withLine(at(pair.key as Node), '', () => tunableOf(analytic, name));
      const value = (pair.value as Node | null)?.toJSON();
      withLine(at(pair.value as Node), `${id}.${name}: `, () => convertTunable(value, tunable, name));
      tuning[id]![name] = value;
    }
  }
  return tuning;
}

/** Runs a check, prefixing its error with where in the file the checked value is. */
function withLine<T>(where: string, field: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    throw new Error(`${where}: ${field}${(err as Error).message}`);
  }
}
