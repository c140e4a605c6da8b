import fs from 'node:fs';
import path from 'node:path';
import { cypherDir } from '../config/paths.js';

const cache = new Map<string, string>();
const names = new Map<string, string>();

/**
 * Loads `cypher/<name>.cypher` once. Every statement provhunt runs lives in such a file and takes
 * its inputs as parameters; no Cypher is built from input.
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    if (!/^[a-z0-9/_-]+$/i.test(name)) throw new Error(`invalid cypher file name: ${name}`);
    text = fs.readFileSync(path.join(cypherDir, `${name}.cypher`), 'utf8');
    cache.set(name, text);
    names.set(text, name);
  }
  return text;
}

/**
 * The same statement under another plan-cache key. Neo4j keys its cached plans by the query text,
 * comments included, so generation N+1 of a query can be planned in the background while batches
 * still run generation N from the cache (src/analytics/planGenerations.ts).
 */
export function cypherOfGeneration(name: string, generation: number): string {
  const base = cypher(name);
  if (generation === 0) return base;
  const key = `${name}#${generation}`;
  let text = cache.get(key);
  if (text === undefined) {
    // In front: Neo4j's query collection (db.stats) keeps only a long query's first 10,000 characters.
    text = `// plan generation ${generation}\n${base}`;
    cache.set(key, text);
    names.set(text, name);
  }
  return text;
}

/** The names (as `cypher()` takes them) of every Cypher file under `cypher/<folder>`, sorted. */
export function cypherNamesUnder(folder = ''): string[] {
  return fs
    .readdirSync(path.join(cypherDir, folder), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.cypher'))
    .map((d) => path.relative(cypherDir, path.join(d.parentPath, d.name)).replace(/\.cypher$/, '').split(path.sep).join('/'))
    .sort();
}

/** The file name a statement was loaded from (for metrics), or undefined for inline Cypher. */
export const cypherNameOf = (text: string): string | undefined => names.get(text);

/** Splits a file of several statements (migrations) on `;` at the end of a line; `//` comments are dropped. */
export function statements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
