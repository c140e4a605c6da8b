import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/adapters/registry.js';
import { sysmonAdapter } from '../../src/adapters/sysmon/sysmon.js';
import { projectRoot } from '../../src/config/paths.js';
import type { NormalizedEvent } from '../../src/model/event.js';

const sampleLines = fs
  .readFileSync(path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Record<string, unknown>);

function only(record: unknown): NormalizedEvent {
  const outcome = parseRecord(record);
  if (outcome.outcome !== 'events') throw new Error(`expected events, got ${JSON.stringify(outcome)}`);
  expect(outcome.events).toHaveLength(1);
  return outcome.events[0]!;
}

describe('Sysmon adapter, flat NXLog rendering', () => {
  it('maps a process create with its parent, hashes and UTC time', () => {
    const event = only(sampleLines[3]);
    expect(event).toMatchObject({
      kind: 'process.start',
      ts: Date.parse('2023-03-29T10:05:00.000Z'),
      host: { id: 'ws-fin-042.corp.example', name: 'WS-FIN-042.corp.example', os: 'windows' },
      source: { format: 'sysmon', recordId: '1004' },
      process: {
        uid: 'ws-fin-042.corp.example|2a1c9e11-0d5b-6424-4c01-000000000900',
        pid: 7020,
        image: 'C:\\Program Files\\3CXDesktopApp\\3CXDesktopApp.exe',
        hashes: { sha256: 'dde03348075512796241389dfea5560c20a3d2a2eac95c894e7bbed5e85a0acc', sha1: 'e6bbc33815b9f20b0cf832d7401dd893fbc467c8', md5: 'bb915073385dd16a846dfa318afa3c19' },
      },
      parent: { uid: 'ws-fin-042.corp.example|2a1c9e11-0c1d-6424-1a00-000000000900', pid: 4120 },
    });
  });

  it('maps a file create, a network connection and a DNS query', () => {
    expect(only(sampleLines[1])).toMatchObject({ kind: 'file', op: 'create', path: 'C:\\Program Files\\3CXDesktopApp\\3CXDesktopApp.exe' });
    expect(only(sampleLines[6])).toMatchObject({ kind: 'network.connect', direction: 'outbound', protocol: 'tcp', dstIp: '203.0.113.50', dstPort: 443, dstHostname: 'akamaicontainer.com', srcPort: 51544 });
    expect(only(sampleLines[5])).toMatchObject({ kind: 'dns.query', query: 'akamaicontainer.com', answers: ['203.0.113.50'] });
  });
});

describe('Sysmon adapter, Winlogbeat rendering', () => {
  it('reads winlog.event_data with the event id as a string', () => {
    expect(only(sampleLines[8])).toMatchObject({ kind: 'process.start', host: { id: 'ws-eng-007.corp.example' }, source: { recordId: '52001' } });
    expect(only(sampleLines[11])).toMatchObject({ kind: 'module.load', signature: { signed: true, status: 'valid', signer: 'Google LLC' } });
  });
});

describe('Sysmon adapter, evtx-to-JSON rendering', () => {
  it('reads Event.System and Event.EventData, braces and case in the GUID do not matter', () => {
    const record = JSON.parse(fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'sysmon', 'evtx-json-image-load.json'), 'utf8'));
    expect(only(record)).toMatchObject({
      kind: 'module.load',
      ts: Date.parse('2023-03-29T10:05:02.120Z'),
      actor: { uid: 'ws-fin-042.corp.example|2a1c9e11-0d5b-6424-4c01-000000000900', pid: 7020 },
      path: 'C:\\Program Files\\3CXDesktopApp\\ffmpeg.dll',
      signature: { signed: false, status: 'unavailable' },
      hashes: { sha256: '7986bbaee8940da11ce089383521ab420c443ab7b15ed42aed91fd31ce833896' },
    });
  });
});

describe('Sysmon adapter: what real files taught us', () => {
  const withData = (data: Record<string, unknown>) => ({ ...sampleLines[4], ...data });

  it('accepts "true", "False" and native booleans for Signed', () => {
    for (const [value, expected] of [['true', true], ['False', false], [true, true], [false, false]] as const) {
      expect(only(withData({ Signed: value }))).toMatchObject({ signature: { signed: expected } });
    }
  });

  it('keeps a signature status such as "failed: Invalid hash"', () => {
    expect(only(withData({ Signed: 'true', SignatureStatus: 'failed: Invalid hash' }))).toMatchObject({ signature: { signed: true, status: 'failed: invalid hash' } });
  });

  it('gives the same event id to the same record replayed, and a different one to another record', () => {
    expect(only(sampleLines[0]).id).toBe(only(structuredClone(sampleLines[0])).id);
    expect(only(sampleLines[0]).id).not.toBe(only(sampleLines[1]).id);
  });
});

describe('Sysmon adapter: bad input is rejected with the field and reason, never thrown', () => {
  it.each([
    ['missing ProcessGuid', { ProcessGuid: undefined }, 'ProcessGuid', 'is missing'],
    ['a non-numeric ProcessId', { ProcessId: 'seven' }, 'ProcessId', 'must be an integer, got "seven"'],
    ['a bad UtcTime', { UtcTime: 'yesterday' }, 'UtcTime', 'is not a timestamp: "yesterday"'],
    ['a Signed that is not a boolean', { Signed: 'maybe' }, 'Signed', 'must be true or false, got "maybe"'],
    ['a non-integer EventID', { EventID: 'seven' }, 'EventID', 'event id must be an integer, got "seven"'],
    ['no host name', { Hostname: undefined }, 'Hostname', 'is missing'],
  ])('%s', (_name, patch, field, reason) => {
    expect(sysmonAdapter.parse({ ...sampleLines[4], ...patch })).toEqual({ outcome: 'rejected', field, reason });
  });

  it('skips, with a reason, a Sysmon event id it does not model', () => {
    expect(parseRecord({ ...sampleLines[0], EventID: 4 })).toEqual({ outcome: 'skipped', reason: 'sysmon event id 4 is not modelled' });
  });

  it('skips Windows events of other channels and rejects records no adapter knows', () => {
    expect(parseRecord({ EventID: 4624, Channel: 'Security', Hostname: 'dc1' })).toEqual({ outcome: 'skipped', reason: "windows channel 'Security' is not modelled" });
    expect(parseRecord({ hello: 'world' })).toEqual({ outcome: 'rejected', reason: 'no adapter recognizes this record' });
    expect(parseRecord([1, 2])).toEqual({ outcome: 'rejected', reason: 'record is not a JSON object' });
  });
});
