import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAfterBatch } from '../../src/analytics/detector.js';
import { projectRoot } from '../../src/config/paths.js';
import { writeEvents } from '../../src/graph/writeEvents.js';
import { openInput } from '../../src/ingest/openInput.js';
import { parseInput } from '../../src/ingest/parseInput.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { PivotService } from '../../src/services/pivotService.js';
import { freshGraph } from '../support/graph.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');
// The SHA-256 of the tampered ffmpeg.dll in the sample, and of the 3CX app's image.
const ffmpeg = '7986BBAEE8940DA11CE089383521AB420C443AB7B15ED42AED91FD31CE833896';

describe('binary pivot against the real Neo4j', () => {
  let driver: Driver;
  let pivots: PivotService;
  beforeAll(async () => {
    driver = await freshGraph();
    pivots = new PivotService(driver);
    const events: NormalizedEvent[] = [];
    for await (const o of parseInput(await openInput(sample), { fileName: sample })) if (o.outcome === 'events') events.push(...o.events);
    const plan = await writeEvents(driver, events);
    await detectAfterBatch(driver, events, undefined, plan);
  });
  afterAll(async () => driver.close());

  it('shows where a DLL exists, its signature state, and the finding it is evidence of', async () => {
    const pivot = await pivots.binary(ffmpeg); // any case
    expect(pivot).toMatchObject({
      sha256: ffmpeg.toLowerCase(),
      prevalence: 1,
      runCount: 0,
      hosts: [{ hostId: 'ws-fin-042.corp.example', paths: ['C:\\Program Files\\3CXDesktopApp\\ffmpeg.dll'] }],
      signatures: [{ signer: null, status: 'unavailable', signed: false, count: 1 }],
    });
    expect((await pivots.findings(ffmpeg)).map((f) => f.analytic)).toEqual(['AN0862']);
  });

  it('lists the runs of an executable with their children and destinations', async () => {
    const { records } = await driver.executeQuery("MATCH (p:Process {imageName: '3cxdesktopapp.exe'})-[:INSTANCE_OF]->(b:Binary) RETURN b.sha256 AS sha");
    const sha = records[0]!.get('sha') as string;
    const runs = await pivots.processes(sha, 10);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.children.map((c) => c.image)).toEqual(['C:\\Windows\\System32\\cmd.exe']);
    expect(runs[0]!.connections).toEqual([expect.objectContaining({ ip: '203.0.113.50', hostname: 'akamaicontainer.com', port: 443 })]);
    expect(await pivots.binary('0'.repeat(64))).toBeUndefined();
  });
});
