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

  it('counts a shared DLL once per load and signature state, across hosts and files (not per file holding it), and lists the newest runs first', async () => {
    const dll = 'ab'.repeat(32);
    const exe = 'cd'.repeat(32);
    const events: NormalizedEvent[] = [];
    const hostOf = (i: number) => ({ id: `pivot-${i}.corp.example`, name: `pivot-${i}.corp.example`, os: 'windows' as const });
    const source = (id: string) => ({ format: 'test', recordId: id });
    for (let i = 0; i < 3; i++) {
      const host = hostOf(i);
      const uid = `${host.id}|runner-${i}`;
      const started = Date.parse('2026-01-0' + (i + 1) + 'T10:00:00Z');
      events.push({ v: 1, id: `start-${i}`, ts: started, host, source: source(`start-${i}`), kind: 'process.start', process: { uid, image: 'C:\\Tools\\runner.exe', hashes: { sha256: exe } } } as NormalizedEvent);
      // Host 0 loads it three times (twice signed, once from a second copy of the file, unsigned).
      const loads = i === 0 ? [['C:\\Tools\\shared.dll', true], ['C:\\Tools\\shared.dll', true], ['C:\\Temp\\shared.dll', false]] : [['C:\\Tools\\shared.dll', true]];
      loads.forEach(([file, signed], n) => {
        const signature = signed ? { signed: true, status: 'valid', signer: 'Vendor Inc' } : { signed: false, status: 'unavailable' };
        events.push({ v: 1, id: `load-${i}-${n}`, ts: started + 1_000 + n, host, source: source(`load-${i}-${n}`), kind: 'module.load', actor: { uid }, path: file as string, hashes: { sha256: dll }, signature } as NormalizedEvent);
      });
    }
    await writeEvents(driver, events);

    const pivot = await pivots.binary(dll);
    expect(pivot?.prevalence).toBe(3);
    expect(pivot?.hosts.find((h) => h.hostId === 'pivot-0.corp.example')?.paths.sort()).toEqual(['C:\\Temp\\shared.dll', 'C:\\Tools\\shared.dll']);
    expect(pivot?.signatures).toEqual([
      { signer: 'Vendor Inc', status: 'valid', signed: true, count: 4 },
      { signer: null, status: 'unavailable', signed: false, count: 1 },
    ]);
    const newest = await pivots.processes(exe, 2);
    expect(newest.map((r) => r.process.hostId)).toEqual(['pivot-2.corp.example', 'pivot-1.corp.example']);
  });
});
