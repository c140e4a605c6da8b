import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { migrate } from '../../src/graph/migrate.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { ingestFiles } from '../../src/ingest/ingestFiles.js';
import { jsonRecords } from '../../src/ingest/jsonRecords.js';
import { openInput } from '../../src/ingest/openInput.js';
import { parseRecord } from '../../src/adapters/registry.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { graphCounts, stack } from '../support/graph.js';
import { withGraphAndWorker } from '../support/workers.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');

async function sampleEvents(): Promise<NormalizedEvent[]> {
  const events: NormalizedEvent[] = [];
  for await (const item of jsonRecords(await openInput(sample))) {
    if (item.kind !== 'record') continue;
    const outcome = parseRecord(item.value);
    if (outcome.outcome === 'events') events.push(...outcome.events);
  }
  return events;
}

describe('idempotency against the real Neo4j', () => {
  const ctx = withGraphAndWorker('idem');

  it('replaying the same file through the queue changes no node, relationship or finding', async () => {
    const run = () => ingestFiles([sample], { redisUrl: stack().redisUrl, prefix: ctx.prefix, batchSize: 4, partitions: 4, wait: true, onReject: () => {} });
    await run();
    const first = await graphCounts(ctx.driver);
    expect(first).toMatchObject({ Finding: 1, Host: 2, WROTE: 3, SPAWNED: 5, CONNECTED: 2, LOADED: 2, QUERIED: 1, EVIDENCE: 6 });
    await run();
    expect(await graphCounts(ctx.driver)).toEqual(first);
  });

  it('out-of-order delivery (children and connections before their parents) builds the same graph', async () => {
    const before = await graphCounts(ctx.driver);
    await ctx.driver.executeQuery('MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
    const reversed = (await sampleEvents()).reverse();
    // Writes only: findings and their links (EVIDENCE, IMPLICATES) are left out of the comparison.
    for (const event of reversed) await writeEvents(ctx.driver, [event]);
    const { records } = await ctx.driver.executeQuery(
      "MATCH (p:Process {uid: 'ws-fin-042.corp.example|2a1c9e11-0d5b-6424-4c01-000000000900'}) RETURN p.image AS image, p.startTs AS startTs",
    );
    expect(records[0]!.toObject()).toEqual({ image: 'C:\\Program Files\\3CXDesktopApp\\3CXDesktopApp.exe', startTs: Date.parse('2023-03-29T10:05:00Z') });
    const after = await graphCounts(ctx.driver);
    delete before.Finding;
    delete before.EVIDENCE;
    delete before.IMPLICATES;
    expect(after).toEqual(before);
  });

  it('applying the migrations again changes nothing', async () => {
    const names = await migrate(ctx.driver);
    const files = fs.readdirSync(path.join(projectRoot, 'cypher', 'migrations')).map((f) => f.replace(/\.cypher$/, '')).sort();
    expect(names).toEqual(files);
    expect(names.slice(0, 4)).toEqual(['001_graph_keys', '002_query_indexes', '003_packages_signers', '004_candidate_evaluation']);
    const { records } = await ctx.driver.executeQuery('MATCH (m:Migration) RETURN count(m) AS n');
    expect(records[0]!.get('n')).toBe(files.length);
  });
});
