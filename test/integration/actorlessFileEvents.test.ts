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
import { EntityPivotService } from '../../src/services/entityPivotService.js';
import { InvestigationService } from '../../src/services/investigationService.js';
import { PivotService } from '../../src/services/pivotService.js';
import { expireTelemetry } from '../../src/services/retentionService.js';
import { freshGraph, graphCounts } from '../support/graph.js';

/** Every event of a JSON telemetry file, as the ingest worker gets them; `patch` rewrites records first. */
async function eventsOf(file: string, patch: (record: Record<string, unknown>) => Record<string, unknown> = (r) => r): Promise<NormalizedEvent[]> {
  const events: NormalizedEvent[] = [];
  for await (const item of jsonRecords(await openInput(file))) {
    if (item.kind !== 'record') continue;
    const outcome = parseRecord(patch(item.value as Record<string, unknown>));
    if (outcome.outcome === 'rejected') throw new Error(`${file}: ${JSON.stringify(outcome)}`);
    if (outcome.outcome === 'events') events.push(...outcome.events);
  }
  return events;
}

const fileIntegrity = path.join(projectRoot, 'test', 'fixtures', 'ecs', 'linux-auditbeat-8-file-integrity.ndjson');
const agentdSha256 = '589cf90f877633f56cf3a18e84c7d12c69cca8fadb29c3060cb8ac89ca4b3802';

describe('Auditbeat file_integrity events without an acting process, in Neo4j', () => {
  let driver: Driver;
  let events: NormalizedEvent[];
  const rows = async (query: string) => (await driver.executeQuery(query)).records.map((r) => r.toObject());

  beforeAll(async () => {
    driver = await freshGraph();
    events = await eventsOf(fileIntegrity);
    await writeEvents(driver, events);
  });
  afterAll(async () => driver.close());

  it('lands each file, with its content Binary, and each change on the host that saw it', async () => {
    expect(await rows("MATCH (:Host {id: '9f2c4e7a1b3d4c5e8f6a7b8c9d0e1f2a'})-[w:WROTE]->(f:File) RETURN f.path AS path, w.op AS op, w.sha256 AS sha256 ORDER BY w.ts")).toEqual([
      { path: '/usr/sbin/example-agentd;65e7271f', op: 'create', sha256: agentdSha256 },
      { path: '/usr/sbin/example-agentd', op: 'create', sha256: agentdSha256 },
      { path: '/etc/example-agent/agent.conf', op: 'create', sha256: null },
      { path: '/usr/sbin/example-agentd', op: 'metadata', sha256: agentdSha256 },
      { path: '/usr/local/bin/example-agent-postinst.sh', op: 'modify', sha256: '95b0e9d2c707ae5988f0863ef97a1572349398bd5e3dbeb31bad830647a45761' },
    ]);
    expect(await rows("MATCH (:Host)-[:DELETED]->(f:File) RETURN f.path AS path ORDER BY path")).toEqual([
      { path: '/etc/example-agent/agent.conf.rpmsave' },
      { path: '/usr/sbin/example-agentd;65e7271f' },
    ]);
    expect(await rows(`MATCH (f:File)-[:HAS_CONTENT]->(b:Binary {sha256: '${agentdSha256}'}) RETURN f.path AS path ORDER BY path`)).toEqual([
      { path: '/usr/sbin/example-agentd' },
      { path: '/usr/sbin/example-agentd;65e7271f' },
    ]);
  });

  it("shows the host's changes in its timeline, with no process, beside process writes", async () => {
    const timeline = await new InvestigationService(driver).timeline('9f2c4e7a1b3d4c5e8f6a7b8c9d0e1f2a', { since: 0, until: Date.now(), kinds: ['fileWrite'], first: 50 });
    const hostChanges = timeline.events.filter((e) => e.processUid === null);
    expect(hostChanges.map((e) => `${e.op} ${e.target}`).sort()).toEqual([
      'create /etc/example-agent/agent.conf',
      'create /usr/sbin/example-agentd',
      'create /usr/sbin/example-agentd;65e7271f',
      'metadata /usr/sbin/example-agentd',
      'modify /usr/local/bin/example-agent-postinst.sh',
    ]);
    expect(hostChanges.every((e) => e.image === null)).toBe(true);
  });

  it('counts the changes in the binary, path and file-name pivots, with no writing process', async () => {
    const pivots = new PivotService(driver);
    const binary = (await pivots.binary(agentdSha256))!;
    expect(binary.prevalence).toBe(1);
    expect(binary.firstSeen).not.toBeNull();
    expect((await pivots.hosts(agentdSha256, 10)).hosts).toEqual([
      { hostId: '9f2c4e7a1b3d4c5e8f6a7b8c9d0e1f2a', paths: ['/usr/sbin/example-agentd', '/usr/sbin/example-agentd;65e7271f'], firstSeen: binary.firstSeen, lastSeen: binary.lastSeen },
    ]);
    const entities = new EntityPivotService(driver);
    const agentd = (await entities.path('/usr/sbin/example-agentd', 10))!;
    expect(agentd.hosts).toEqual([expect.objectContaining({ hostId: '9f2c4e7a1b3d4c5e8f6a7b8c9d0e1f2a', writes: 2 })]);
    expect(agentd.writers).toEqual([expect.objectContaining({ hostId: '9f2c4e7a1b3d4c5e8f6a7b8c9d0e1f2a', image: null, sha256: null, ops: expect.arrayContaining(['create', 'metadata']), processes: 0, writes: 2 })]);
    expect((await entities.fileName('agent.conf', 10))?.groups).toEqual([expect.objectContaining({ path: '/etc/example-agent/agent.conf', hosts: 1 })]);
  });

  it('keeps the one change whose process the sensor named (eBPF backend) on that process', async () => {
    expect(await rows("MATCH (p:Process)-[w:WROTE]->(f:File) RETURN p.pid AS pid, w.op AS op, f.path AS path")).toEqual([{ pid: 51944, op: 'rename', path: '/usr/local/bin/example-agent-helper' }]);
  });

  it('changes nothing when the same file is ingested again', async () => {
    const before = await graphCounts(driver);
    await writeEvents(driver, await eventsOf(fileIntegrity));
    expect(await graphCounts(driver)).toEqual(before);
  });

  it('runs detection over a batch of them without error or finding', async () => {
    expect(await detectAfterBatch(driver, events.filter((e) => e.kind === 'file' && !e.actor))).toBe(0);
    expect(await rows('MATCH (f:Finding) RETURN count(f) AS n')).toEqual([{ n: 0 }]);
  });

  it('expires their changes by retention, like any other event', async () => {
    const result = await expireTelemetry(driver, Date.parse('2024-03-06T00:00:00Z'));
    expect(result.events).toBe(8);
    expect(await rows('MATCH (:Host)-[r:WROTE|DELETED]->() RETURN count(r) AS n')).toEqual([{ n: 0 }]);
  });
});

describe('AN0863 does not take a change without a known writer for a package manager\'s write', () => {
  const scenario = path.join(projectRoot, 'test', 'scenarios', 'linux-package-curl-sh', 'elastic-defend.ndjson');
  /** The same host as a sensor that sees file changes but not who made them would report it. */
  const withoutWriter = (record: Record<string, unknown>) => {
    const event = record.event as { category?: string[] };
    if (!event.category?.includes('file')) return record;
    const { process: _writer, ...rest } = record;
    return rest;
  };
  const findingsAfter = async (events: NormalizedEvent[]) => {
    const driver = await freshGraph();
    try {
      await writeEvents(driver, events);
      await detectAfterBatch(driver, events);
      const { records } = await driver.executeQuery("MATCH (f:Finding {analytic: 'AN0863'}) RETURN count(f) AS n");
      return records[0]!.get('n') as number;
    } finally {
      await driver.close();
    }
  };

  it('finds the trojanized package with dpkg as the writer, and nothing when the writes name no process', async () => {
    expect(await findingsAfter(await eventsOf(scenario))).toBe(1);
    expect(await findingsAfter(await eventsOf(scenario, withoutWriter))).toBe(0);
  });
});
