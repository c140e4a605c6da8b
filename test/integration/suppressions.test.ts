import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { parseInput } from '../../src/ingest/parseInput.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { addFindingsAnnouncer, type FindingChange } from '../../src/events/findingsBus.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { SuppressionsService } from '../../src/services/suppressionsService.js';
import { freshGraph, writeAndDetect } from '../support/graph.js';

const sample = fs.readFileSync(path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl'), 'utf8');

/** The sample's chain, as if it happened on another host (same installer, same destination), without the lines `without` matches. */
async function sampleOn(host: string, without?: RegExp): Promise<NormalizedEvent[]> {
  const lines = sample.split('\n').filter((line) => !without || !without.test(line));
  const text = lines.join('\n').replaceAll('WS-FIN-042', host).replaceAll('ws-fin-042', host.toLowerCase());
  const events: NormalizedEvent[] = [];
  for await (const o of parseInput(Readable.from([text]), { fileName: 'sample' })) if (o.outcome === 'events') events.push(...o.events);
  return events;
}

const ingest = writeAndDetect;

describe('scoped suppressions against the real Neo4j', () => {
  let driver: Driver;
  let findings: FindingsService;
  let suppressions: SuppressionsService;
  beforeAll(async () => {
    driver = await freshGraph();
    findings = new FindingsService(driver);
    suppressions = new SuppressionsService(driver);
  });
  afterAll(async () => driver.close());

  it('holds back look-alikes of a finding judged benign, counts them, and reopens them when removed', async () => {
    await ingest(driver, await sampleOn('WS-FIN-042'));
    const [original] = (await findings.list({}, 10)).items;
    expect(original!.facts).toMatchObject({ installer: expect.stringMatching(/\.exe$/), destinations: ['akamaicontainer.com'] });
    await findings.setStatus(original!.id, 'false_positive', 'test', 'lab replay');
    const suppression = await suppressions.createFromFinding(original!, { installer: true, destination: true }, 'test', 'lab replay');
    expect(suppression).toMatchObject({ analytic: 'AN0862', installer: original!.facts.installer, destination: 'akamaicontainer.com', signer: null, hostId: null });
    // Making the same suppression again changes nothing.
    expect((await suppressions.createFromFinding(original!, { installer: true, destination: true }, 'test')).id).toBe(suppression.id);

    await ingest(driver, await sampleOn('WS-FIN-043'));
    expect((await findings.list({}, 10)).items.map((f) => [f.hostName, f.status])).toEqual([['WS-FIN-042.corp.example', 'false_positive']]);
    const held = (await findings.list({ status: 'suppressed' }, 10)).items;
    expect(held.map((f) => f.hostName)).toEqual(['WS-FIN-043.corp.example']);
    expect((await suppressions.list()).map((s) => [s.id, s.hits])).toEqual([[suppression.id, 1]]);

    expect(await suppressions.remove(suppression.id, 'test')).toEqual({ removed: true, reopened: 1 });
    expect((await findings.list({}, 10)).items.map((f) => [f.hostName, f.status]).sort()).toEqual([
      ['WS-FIN-042.corp.example', 'false_positive'],
      ['WS-FIN-043.corp.example', 'new'],
    ]);
    expect((await findings.history(held[0]!.id)).map((h) => [h.action, h.from, h.to])).toEqual([['unsuppress', 'suppressed', 'new']]);
    expect(await suppressions.list()).toEqual([]);
  });

  it('refuses a suppression that would silence a whole analytic, or names a destination the finding lacks', async () => {
    const [finding] = (await findings.list({}, 10)).items;
    await expect(suppressions.createFromFinding(finding!, {}, 'test')).rejects.toThrow(/needs at least one of installer, signer, destination or host/);
    await expect(suppressions.createFromFinding(finding!, { destination: 'example.org' }, 'test')).rejects.toThrow(/has no destination 'example.org' \(has: akamaicontainer.com\)/);
    // It would hold back only look-alikes calling that one destination and no other: none like this one.
    const twoDestinations = { ...finding!, facts: { ...finding!.facts, destinations: ['akamaicontainer.com', 'c2.example.net'] } };
    await expect(suppressions.createFromFinding(twoDestinations, { installer: true, destination: 'akamaicontainer.com' }, 'test')).rejects.toThrow(/has 2 destinations .*scope by installer, signer or host instead/);
  });

  it('raises a look-alike with a kind of signal the benign finding lacked: the first run also spawned a shell', async () => {
    const shellStart = /"Image": "C:\\\\Windows\\\\System32\\\\cmd\.exe"/;
    await ingest(driver, await sampleOn('WS-LAB-001', shellStart));
    const origin = (await findings.list({}, 50)).items.find((f) => f.hostName === 'WS-LAB-001.corp.example')!;
    expect(origin.signals).not.toContain('shellChild');
    const suppression = await suppressions.createFromFinding(origin, { installer: true, destination: true }, 'test', 'lab installs');
    expect(suppression.signals).toEqual(origin.signals);

    await ingest(driver, await sampleOn('WS-LAB-002', shellStart)); // the same chain: held back
    await ingest(driver, await sampleOn('WS-LAB-003')); // its first run spawned cmd.exe too: raised
    const listed = [...(await findings.list({}, 50)).items, ...(await findings.list({ status: 'suppressed' }, 50)).items];
    const byHost = Object.fromEntries(listed.map((f) => [f.hostName, [f.status, f.signals.includes('shellChild')]]));
    expect(byHost['WS-LAB-002.corp.example']).toEqual(['suppressed', false]);
    expect(byHost['WS-LAB-003.corp.example']).toEqual(['new', true]);

    // The same chain arriving in two batches: held back at first, reopened once the shell shows up.
    const withoutShell = await sampleOn('WS-LAB-004', shellStart);
    await ingest(driver, withoutShell);
    const held = (await findings.list({ status: 'suppressed' }, 50)).items.find((f) => f.hostName === 'WS-LAB-004.corp.example')!;
    expect(held.signals).not.toContain('shellChild');
    const ids = new Set(withoutShell.map((e) => e.id));
    const announced: FindingChange[] = [];
    const uninstall = addFindingsAnnouncer((changes) => announced.push(...changes));
    try {
      await ingest(driver, (await sampleOn('WS-LAB-004')).filter((e) => !ids.has(e.id)));
    } finally {
      uninstall();
    }
    // Never announced while held back: to subscribers it is new now.
    expect(announced.filter((c) => c.id === held.id)).toEqual([expect.objectContaining({ kind: 'created', status: 'new' })]);
    const reopened = (await findings.list({}, 50)).items.find((f) => f.hostName === 'WS-LAB-004.corp.example')!;
    expect([reopened.id, reopened.status, reopened.signals.includes('shellChild')]).toEqual([held.id, 'new', true]);
    expect((await findings.history(held.id)).map((h) => [h.action, h.from, h.to])).toEqual([['unsuppress', 'suppressed', 'new']]);
  });
});
