import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/adapters/registry.js';
import { detectAfterBatch } from '../../src/analytics/detector.js';
import { projectRoot } from '../../src/config/paths.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { jsonRecords } from '../../src/ingest/jsonRecords.js';
import { openInput } from '../../src/ingest/openInput.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { expireTelemetry } from '../../src/services/retentionService.js';
import { freshGraph } from '../support/graph.js';

describe('retention', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
    const events: NormalizedEvent[] = [];
    for await (const item of jsonRecords(await openInput(path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl')))) {
      const o = item.kind === 'record' ? parseRecord(item.value) : undefined;
      if (o?.outcome === 'events') events.push(...o.events);
    }
    await writeEvents(driver, events);
    await detectAfterBatch(driver, events);
  });
  afterAll(async () => driver.close());

  it('expires old events and processes in batches but keeps the finding and its evidence path', async () => {
    const count = async (q: string) => (await driver.executeQuery(q)).records[0]!.get('n') as number;
    expect(await count('MATCH (f:Finding) RETURN count(f) AS n')).toBe(1);
    const result = await expireTelemetry(driver, Date.parse('2024-01-01T00:00:00Z'), 2);
    // The benign host's events go; the finding's chain (installer wrote, first run loaded, connected) stays.
    expect(result.events).toBeGreaterThan(0);
    expect(await count('MATCH (f:Finding) RETURN count(f) AS n')).toBe(1);
    expect(await count("MATCH (:Process)-[r:WROTE|LOADED|CONNECTED]->() WHERE r.source STARTS WITH 'sysmon:10' RETURN count(r) AS n")).toBe(4);
    expect(await count("MATCH (p:Process {hostId: 'ws-eng-007.corp.example'})-[r:CONNECTED|LOADED|WROTE]->() RETURN count(r) AS n")).toBe(0);
    expect(await count("MATCH (f:Finding)-[:EVIDENCE]->(p:Process) RETURN count(p) AS n")).toBe(3);
  });

  it('leaves telemetry newer than the cutoff alone', async () => {
    expect(await expireTelemetry(driver, Date.parse('2020-01-01T00:00:00Z'))).toEqual({ events: 0, processes: 0 });
  });
});
