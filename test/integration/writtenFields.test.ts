import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { cypher } from '../../src/graph/cypher.js';
import type { WritePlan } from '../../src/graph/eventRows.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { openInput } from '../../src/ingest/openInput.js';
import { parseInput } from '../../src/ingest/parseInput.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { freshGraph } from '../support/graph.js';

const fixtures = [
  'sysmon/evtx-json-image-load.json',
  'ecs/windows-elastic-defend.json',
  'ecs/macos-endpoint-7x-hits.json',
  'ecs/linux-auditbeat.json',
  'ocsf/windows-endpoint.json',
  'ocsf/linux-macos-endpoint.json',
  'eslogger/tampered-update.jsonl',
  'sysmon-linux/process-create.json',
  'sysmon-linux/network-connect.json',
  'sysmon-linux/file-create.json',
  'zeek/conn.log',
  'zeek/dns.log',
].map((f) => path.join(projectRoot, 'test', 'fixtures', f));

/** Where each per-event statement stores its event (the variable it sets, and how to find it again: by eventId, or the process by uid). */
const stored: Array<[keyof WritePlan, string, string, string]> = [
  ['processStarts', 'ingest/process-start', 'p', 'MATCH (x:Process {uid: $row.uid}) RETURN properties(x) AS props'],
  ['fileWrites', 'ingest/file-write', 'w', 'MATCH ()-[x:WROTE {eventId: $row.eventId}]->() RETURN properties(x) AS props'],
  ['hostFileWrites', 'ingest/host-file-write', 'w', 'MATCH ()-[x:WROTE {eventId: $row.eventId}]->() RETURN properties(x) AS props'],
  ['moduleLoads', 'ingest/module-load', 'l', 'MATCH ()-[x:LOADED {eventId: $row.eventId}]->() RETURN properties(x) AS props'],
  ['connections', 'ingest/network-connect', 'c', 'MATCH ()-[x:CONNECTED {eventId: $row.eventId}]->() RETURN properties(x) AS props'],
  ['hostConnections', 'ingest/host-network-connect', 'c', 'MATCH ()-[x:CONNECTED {eventId: $row.eventId}]->() RETURN properties(x) AS props'],
  ['dnsQueries', 'ingest/dns-query', 'q', 'MATCH ()-[x:QUERIED {eventId: $row.eventId}]->() RETURN properties(x) AS props'],
  ['hostDnsQueries', 'ingest/host-dns-query', 'q', 'MATCH ()-[x:QUERIED {eventId: $row.eventId}]->() RETURN properties(x) AS props'],
];

const plain = (value: unknown): unknown => (neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Array.isArray(value) ? value.map(plain) : value);

/**
 * Writes send each statement only the row fields it reads (src/graph/writeEvents.ts): whatever a
 * statement copies from its row (`x.field = r.field`) must be in the graph with the row's value,
 * for every event of every format's fixture.
 */
describe('the fields each write statement stores', () => {
  let driver: Driver;
  let plan: WritePlan;
  beforeAll(async () => {
    driver = await freshGraph();
    const events: NormalizedEvent[] = [];
    for (const file of fixtures) {
      for await (const outcome of parseInput(await openInput(file), { fileName: file })) if (outcome.outcome === 'events') events.push(...outcome.events);
    }
    plan = await writeEvents(driver, events);
  });
  afterAll(async () => driver.close());

  it.each(stored)('%s: every field copied from the row is stored with its value', async (key, statement, variable, lookup) => {
    const copied = [...cypher(statement).matchAll(/\b(\w+)\.(\w+) = r\.(\w+)\b/g)].filter((m) => m[1] === variable && m[2] === m[3]).map((m) => m[2]!);
    expect(copied.length).toBeGreaterThan(2);
    const rows = plan[key];
    expect(rows.length, `no ${key} rows in the fixtures`).toBeGreaterThan(0);
    let compared = 0;
    for (const row of rows) {
      const { records } = await driver.executeQuery(lookup, { row });
      const props = records[0]?.get('props') as Record<string, unknown> | undefined;
      expect(props, `${key} ${JSON.stringify(row).slice(0, 200)}`).toBeDefined();
      for (const field of copied) {
        if (row[field] === undefined || row[field] === null) continue;
        expect(plain(props![field]), `${key}.${field}`).toEqual(row[field]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(rows.length);
  });
});
