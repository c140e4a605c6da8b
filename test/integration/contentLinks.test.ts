import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/cypher.js';
import { planWrites } from '../../src/graph/eventRows.js';
import { applyMigration } from '../../src/graph/migrate.js';
import { withIntegers, writeEvents } from '../../src/graph/writeEvents.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { dbHitsOf, freshGraph, operatorsOf, stack, statementHeldOpen, writeTwiceAtOnce } from '../support/graph.js';

const dll = 'ef'.repeat(32);
const t0 = Date.parse('2024-06-01T00:00:00Z');
const HOSTS = 120;
const hostOf = (i: number) => ({ id: `fleet-${i}`, name: `fleet-${i}`, os: 'windows' as const });
const signed = { signed: true, status: 'valid', signer: 'Microsoft Windows' };

/** Every host's processes load the same system DLL (one content, a file per host), `loads` times each. */
function loadsOnEveryHost(round: number, loads: number, signature: object = signed): NormalizedEvent[] {
  return Array.from({ length: HOSTS }, (_, i) =>
    Array.from({ length: loads }, (_, n): NormalizedEvent => {
      const id = `load-${round}-${i}-${n}`;
      const actor = { uid: `fleet-${i}|proc-${round}-${n}`, pid: 100 + n, image: 'C:\\Windows\\explorer.exe' };
      return { v: 1, id, ts: t0 + round * 60_000 + n, host: hostOf(i), source: { format: 'test', recordId: id }, kind: 'module.load', actor, path: 'C:\\Windows\\System32\\winhttp.dll', hashes: { sha256: dll }, signature } as NormalizedEvent;
    }),
  ).flat();
}

const linkCounts = async (driver: Driver) => {
  const { records } = await driver.executeQuery('MATCH ()-[l:HAS_CONTENT|LOAD_SIGNATURE]->(:Binary {sha256: $dll}) RETURN type(l) AS type, count(l) AS n ORDER BY type', { dll });
  return Object.fromEntries(records.map((r) => [r.get('type') as string, Number(r.get('n'))]));
};

/**
 * A file's links to its content and to the signature states its loads reported are made once and
 * found again by key (migration 020), however popular the content: every batch links again the
 * contents of the files it touched.
 */
describe('links from files to their contents', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
    for (let round = 0; round < 3; round++) await writeEvents(driver, loadsOnEveryHost(round, 20)); // 60 loads of each host's file
  });
  afterAll(async () => driver.close());

  it('links each file once to the content and once per reported state, and a later batch adds only a new state', async () => {
    expect(await linkCounts(driver)).toEqual({ HAS_CONTENT: HOSTS, LOAD_SIGNATURE: HOSTS });
    await writeEvents(driver, loadsOnEveryHost(3, 2));
    expect(await linkCounts(driver)).toEqual({ HAS_CONTENT: HOSTS, LOAD_SIGNATURE: HOSTS });
    await writeEvents(driver, loadsOnEveryHost(4, 1, { signed: false, status: 'unavailable' }));
    expect(await linkCounts(driver)).toEqual({ HAS_CONTENT: HOSTS, LOAD_SIGNATURE: 2 * HOSTS });
  });

  it('finds a link already made by its key index, with a few database hits per row, never by expanding between file and content', async () => {
    const plan = planWrites(loadsOnEveryHost(5, 1));
    for (const [key, statement] of [['contentLinks', 'ingest/links/has-content'], ['loadSignatures', 'ingest/links/load-signatures']] as const) {
      const operators = await operatorsOf(driver, cypher(statement), { batch: { rows: [] } });
      expect(operators.filter((o) => /RelationshipIndexSeek .*\(key\)/.test(o)), statement).toHaveLength(2);
      expect(operators.filter((o) => o.startsWith('Expand')), statement).toEqual([]);
      // Each row re-links an existing pair: one index seek, whatever the content's prevalence and the file's loads.
      expect(plan[key]).toHaveLength(HOSTS);
      const params = { batch: { rows: plan[key].map(withIntegers) } };
      expect(await dbHitsOf(driver, cypher(statement), params), statement).toBeLessThanOrEqual(HOSTS * 2);
      expect(await dbHitsOf(driver, cypher(statement), params, /^Expand/), statement).toBe(0);
    }
  });

  it("back-fills the keys of links written before migration 020 with the ingest statements' expressions", async () => {
    await driver.executeQuery('MATCH ()-[l:HAS_CONTENT|LOAD_SIGNATURE]->(:Binary {sha256: $dll}) REMOVE l.key', { dll });
    await applyMigration(driver, '020_content_link_keys', stack().neo4j.database);
    const { records } = await driver.executeQuery(
      `MATCH (f:File)-[l:HAS_CONTENT|LOAD_SIGNATURE]->(b:Binary {sha256: $dll})
       RETURN count(l) AS n, count(CASE WHEN l.key = f.uid + '|' + b.sha256 + CASE type(l) WHEN 'LOAD_SIGNATURE' THEN '|' + l.state ELSE '' END THEN 1 END) AS keyed`,
      { dll },
    );
    expect(records[0]!.get('keyed')).toEqual(records[0]!.get('n'));
    await writeEvents(driver, [...loadsOnEveryHost(6, 1), ...loadsOnEveryHost(7, 1, { signed: false, status: 'unavailable' })]);
    expect(await linkCounts(driver)).toEqual({ HAS_CONTENT: HOSTS, LOAD_SIGNATURE: 2 * HOSTS });
  });

  it('links a new content once when two transactions link it at the same moment (the second waits for the file)', async () => {
    const fresh = 'a1'.repeat(32);
    const event = { ...loadsOnEveryHost(8, 1)[0]!, id: 'fresh-load', hashes: { sha256: fresh } } as NormalizedEvent;
    await writeEvents(driver, [event]); // nodes and the link exist now: remove the link, keep the nodes
    await driver.executeQuery('MATCH ()-[l:HAS_CONTENT]->(:Binary {sha256: $fresh}) DELETE l', { fresh });
    const rows = planWrites([event]).contentLinks;
    expect(await writeTwiceAtOnce(driver, () => statementHeldOpen(driver, 'ingest/links/has-content', rows))).toBe(true);
    const { records } = await driver.executeQuery('MATCH ()-[l:HAS_CONTENT]->(:Binary {sha256: $fresh}) RETURN count(l) AS n', { fresh });
    expect(Number(records[0]!.get('n'))).toBe(1);
  });
});
