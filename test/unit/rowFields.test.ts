import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypherDir } from '../../src/config/paths.js';
import { cypher } from '../../src/graph/cypher.js';
import { rowFieldsOf } from '../../src/graph/writeEvents.js';

/** Only the fields a write statement reads travel to Neo4j (src/graph/writeEvents.ts). */
describe('the row fields of a write statement', () => {
  it('are the fields it reads from r, also inside subqueries, and nothing else', () => {
    expect(rowFieldsOf(cypher('ingest/links/has-content')).sort()).toEqual(['fileUid', 'sha256']);
    const connect = rowFieldsOf(cypher('ingest/host-network-connect'));
    expect(connect).toEqual(expect.arrayContaining(['eventId', 'dstIp', 'hostByIp', 'slackMs', 'srcPort']));
    expect(connect).not.toContain('actorImage');
  });

  it('are found for every ingest statement, each of which reads its rows as r', () => {
    const statements = fs.readdirSync(path.join(cypherDir, 'ingest'), { recursive: true }).map(String).filter((f) => f.endsWith('.cypher'));
    expect(statements.length).toBeGreaterThan(20);
    for (const file of statements) expect(rowFieldsOf(cypher(`ingest/${file.replace(/\.cypher$/, '')}`)).length, file).toBeGreaterThan(0);
  });

  it('refuses a statement that names its rows otherwise, rather than sending it empty rows', () => {
    expect(() => rowFieldsOf('UNWIND $batch.rows AS row MERGE (h:Host {id: row.hostId})')).toThrow(/UNWIND \$batch\.rows AS r/);
  });
});
