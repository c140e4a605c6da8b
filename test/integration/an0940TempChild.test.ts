import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../src/model/event.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { useFreshGraph, writeAndDetect } from '../support/graph.js';

const host = { id: 'ws-temp', name: 'ws-temp', os: 'windows' as const };
const t0 = Date.parse('2024-09-02T10:00:00Z');
const at = (id: string, ts: number) => ({ v: 1 as const, id, ts, host, source: { format: 'test', recordId: id } });
const stub = 'C:\\Users\\amy\\AppData\\Local\\Temp\\setup.exe';
const earlierRun = { uid: 'ws-temp|{old-setup}', pid: 300, image: stub };
const msiexec = { uid: 'ws-temp|{msiexec}', pid: 400, image: 'C:\\Windows\\System32\\msiexec.exe' };
const newRun = { uid: 'ws-temp|{new-setup}', pid: 500, image: stub };

/** A vendor's signed setup.exe ran from %TEMP% last week; today an install runs an unsigned one from the same path. */
const events: NormalizedEvent[] = [
  { ...at('old-start', t0 - 7 * 86_400_000), kind: 'process.start', process: { ...earlierRun, commandLine: 'setup.exe /quiet' } },
  { ...at('old-self-load', t0 - 7 * 86_400_000 + 10), kind: 'module.load', actor: earlierRun, path: stub, signature: { signed: true, status: 'valid', signer: 'Microsoft Corporation' } },
  { ...at('msi-start', t0), kind: 'process.start', process: { ...msiexec, commandLine: 'msiexec.exe /i C:\\Users\\amy\\Downloads\\tool.msi /qn' } },
  { ...at('new-start', t0 + 5_000), kind: 'process.start', process: { ...newRun, commandLine: 'setup.exe /s' }, parent: msiexec },
];

describe('AN0940 judges a temp child by its own signature, not an earlier program at the same path', () => {
  const graph = useFreshGraph();

  it('flags the unsigned setup.exe an install ran from %TEMP% although a signed one ran from there last week', async () => {
    await writeAndDetect(graph.driver, events);
    const found = (await new FindingsService(graph.driver).list({ analytic: 'AN0940' }, 10)).items;
    expect(found.map((f) => f.signals)).toEqual([['tempChild']]);
    expect(found[0]!.evidence.filter((e) => e.key === newRun.uid)).not.toEqual([]);
  });
});
