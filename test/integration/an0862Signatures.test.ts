import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../src/model/event.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { useFreshGraph, writeAndDetect } from '../support/graph.js';

const host = { id: 'ws-lib', name: 'ws-lib', os: 'windows' as const };
const t0 = Date.parse('2024-07-01T10:00:00Z');
const at = (id: string, ts: number) => ({ v: 1 as const, id, ts, host, source: { format: 'ecs', recordId: id } });
const installer = { uid: 'ws-lib|{setup}', pid: 100, image: 'C:\\Windows\\System32\\msiexec.exe' };
// A Microsoft-signed host process that was running before the update (Elastic signs process events too).
const app = { uid: 'ws-lib|{app}', pid: 200, image: 'C:\\Program Files\\Vendor\\app.exe' };
const plugin = 'C:\\Program Files\\Vendor\\plugin.dll';

/** An update replaces a DLL that a running, Microsoft-signed program loads: the DLL's signer changes. */
const events: NormalizedEvent[] = [
  { ...at('app-start', t0 - 3_600_000), kind: 'process.start', process: { ...app, commandLine: 'app.exe', signature: { signed: true, status: 'valid', signer: 'Microsoft Corporation' } } },
  { ...at('old-load', t0 - 1_800_000), kind: 'module.load', actor: app, path: plugin, signature: { signed: true, status: 'valid', signer: 'Vendor Inc.' } },
  { ...at('setup-start', t0), kind: 'process.start', process: { ...installer, commandLine: 'msiexec.exe /i vendor-update.msi /qn' } },
  { ...at('setup-write', t0 + 1_000), kind: 'file', op: 'overwrite', actor: installer, path: plugin, hashes: { sha256: 'e'.repeat(64) } },
  { ...at('new-load', t0 + 60_000), kind: 'module.load', actor: app, path: plugin, hashes: { sha256: 'e'.repeat(64) }, signature: { signed: true, status: 'valid', signer: 'Unknown Signer LLC' } },
];

describe('AN0862 judges a written library by its own signature, not its loader\'s', () => {
  const graph = useFreshGraph();

  it('reports the DLL\'s new signer, and no approved-signer mitigation from the Microsoft-signed loader', async () => {
    await writeAndDetect(graph.driver, events);
    const found = (await new FindingsService(graph.driver).list({ analytic: 'AN0862' }, 10)).items;
    expect(found).toHaveLength(1);
    expect(found[0]!.facts.signer).toBe('Unknown Signer LLC');
    expect(found[0]!.signals).toContain('signatureChanged');
    expect(found[0]!.reasons).toContain('signer changed across the update: was Vendor Inc., now Unknown Signer LLC');
    expect(found[0]!.reasons.filter((r) => r.startsWith('lowered:'))).toEqual([]);
  });
});
