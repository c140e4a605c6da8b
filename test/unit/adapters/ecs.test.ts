import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ParseOutcome } from '../../../src/adapters/adapter.js';
import { ecsAdapter } from '../../../src/adapters/ecs/ecs.js';
import { processUid, processUidFromPid } from '../../../src/adapters/identity.js';
import { projectRoot } from '../../../src/config/paths.js';
import { jsonRecords } from '../../../src/ingest/jsonRecords.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import { at, eventsFrom, onlyEventFrom, withNestedFields as withFields, type Rec } from '../../support/adapterHelpers.js';
const eventsOf = (record: unknown): NormalizedEvent[] => eventsFrom(ecsAdapter, record);
const only = (record: unknown): NormalizedEvent => onlyEventFrom(ecsAdapter, record);



const fixture = (name: string): Rec[] => JSON.parse(fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'ecs', name), 'utf8')) as Rec[];
const defend = fixture('windows-elastic-defend.json');
const winlogbeat = fixture('windows-winlogbeat-security.json');
const auditbeat = fixture('linux-auditbeat.json');
const macHits = fixture('macos-endpoint-7x-hits.json');





/** The same document with every nested object written as dotted keys, as some shippers do. */
function flatten(record: Rec, prefix = ''): Rec {
  const flat: Rec = {};
  for (const [key, value] of Object.entries(record)) {
    const name = prefix + key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(flat, flatten(value as Rec, `${name}.`));
    else flat[name] = value;
  }
  return flat;
}

const WS_FIN = '4c1f7a0e2b5d4e6f8a9b0c1d2e3f4a5b';
const MSI = 'MGYzYzViMGUtOGU1Mi00YzBhLTlhNjMtMmIxZjRjMWU3ZDIxLTQxMjAtMTMzMjQ1Njc4OTAxLjEyMzQ1Njc=';
const UPDATER = 'MGYzYzViMGUtOGU1Mi00YzBhLTlhNjMtMmIxZjRjMWU3ZDIxLTcwMjAtMTMzMjQ1Njc5MDAwLjU1NTAwMDA=';
const APP = 'MGYzYzViMGUtOGU1Mi00YzBhLTlhNjMtMmIxZjRjMWU3ZDIxLTczNDQtMTMzMjQ1Njc5MDEyLjAxMDAwMDA=';
const appActor = { uid: processUid(WS_FIN, APP), pid: 7344, image: 'C:\\Program Files\\ExampleVendor\\App\\ExampleApp.exe' };
const updaterActor = { uid: processUid(WS_FIN, UPDATER), pid: 7020, image: 'C:\\Program Files\\ExampleVendor\\Updater\\update.exe' };

describe('ECS adapter: recognizes', () => {
  it('accepts Elastic Defend, Winlogbeat (non-Sysmon), Auditbeat documents and Elasticsearch hits', () => {
    for (const record of [...defend, ...winlogbeat.slice(0, 3), ...auditbeat, ...macHits]) expect(ecsAdapter.recognizes(record)).toBe(true);
  });

  it('accepts dotted keys, and ecs.version alone', () => {
    expect(ecsAdapter.recognizes(flatten(at(defend, 0)))).toBe(true);
    expect(ecsAdapter.recognizes({ 'ecs.version': '8.0.0', message: 'x' })).toBe(true);
    expect(ecsAdapter.recognizes({ '@timestamp': '2024-01-01T00:00:00Z', 'event.module': 'system' })).toBe(true);
  });

  it('leaves Sysmon-through-Winlogbeat to the sysmon adapter, nested, dotted or inside a hit', () => {
    const sysmon = at(winlogbeat, 3);
    expect(ecsAdapter.recognizes(sysmon)).toBe(false);
    expect(ecsAdapter.recognizes(flatten(sysmon))).toBe(false);
    expect(ecsAdapter.recognizes({ _index: 'winlogbeat-8.11.1', _source: sysmon })).toBe(false);
  });

  it('rejects formats that are not ECS: OCSF, Zeek, Apple eslogger, anything without ECS markers', () => {
    expect(ecsAdapter.recognizes({ class_uid: 1007, time: 1700000000000, '@timestamp': '2024-01-01T00:00:00Z', event: { kind: 'event' } })).toBe(false);
    expect(ecsAdapter.recognizes({ ts: 1700000000.1, uid: 'C1', 'id.orig_h': '10.0.0.1', 'id.resp_h': '10.0.0.2' })).toBe(false);
    expect(ecsAdapter.recognizes({ event_type: 9, process: { audit_token: { pid: 1 } }, time: '2024-01-01T00:00:00Z' })).toBe(false);
    expect(ecsAdapter.recognizes({ '@timestamp': '2024-01-01T00:00:00Z', message: 'plain log line' })).toBe(false);
    expect(ecsAdapter.recognizes({ hello: 'world' })).toBe(false);
  });
});

describe('ECS adapter: Elastic Defend on Windows', () => {
  it('maps a process start with its parent, hashes (lower-cased), user and code signature', () => {
    expect(only(at(defend, 0))).toMatchObject({
      kind: 'process.start',
      ts: Date.parse('2023-03-29T10:05:00.000Z'),
      host: { id: WS_FIN, name: 'WS-FIN-042.corp.example', os: 'windows' },
      source: { format: 'ecs', recordId: 'MsS+1lJf7f2UpX7Z++++0Ao1' },
      process: {
        ...updaterActor,
        commandLine: '"C:\\Program Files\\ExampleVendor\\Updater\\update.exe" /silent',
        user: 'NT AUTHORITY\\SYSTEM',
        hashes: { sha256: 'dde03348075512796241389dfea5560c20a3d2a2eac95c894e7bbed5e85a0acc', sha1: 'e6bbc33815b9f20b0cf832d7401dd893fbc467c8', md5: 'bb915073385dd16a846dfa318afa3c19' },
        signature: { signed: true, status: 'valid', signer: 'Example Vendor Ltd' },
      },
      parent: { uid: processUid(WS_FIN, MSI), pid: 4120, image: 'C:\\Windows\\System32\\msiexec.exe' },
    });
  });

  it('maps a file creation, and the signature it carries as a file.signature event with its own id', () => {
    const [write, signature] = eventsOf(at(defend, 1));
    expect(write).toMatchObject({ kind: 'file', op: 'create', actor: updaterActor, path: 'C:\\Program Files\\ExampleVendor\\App\\ExampleApp.exe', hashes: { sha256: '7986bbaee8940da11ce089383521ab420c443ab7b15ed42aed91fd31ce833896' } });
    expect(signature).toMatchObject({ kind: 'file.signature', path: 'C:\\Program Files\\ExampleVendor\\App\\ExampleApp.exe', signature: { signed: true, status: 'errorbaddigest', signer: 'Example Vendor Ltd' }, actor: updaterActor });
    expect(write?.id).not.toBe(signature?.id);
  });

  it('maps overwrite, rename (previous path from file.Ext.original.path) and deletion', () => {
    expect(only(at(defend, 2))).toMatchObject({ kind: 'file', op: 'overwrite', path: 'C:\\Program Files\\ExampleVendor\\App\\helper.dll' });
    expect(only(at(defend, 3))).toMatchObject({ kind: 'file', op: 'rename', path: 'C:\\Program Files\\ExampleVendor\\App\\ffmpeg.dll', previousPath: 'C:\\Program Files\\ExampleVendor\\App\\~upd4A1.tmp' });
    expect(only(at(defend, 4))).toMatchObject({ kind: 'file', op: 'delete', path: 'C:\\Windows\\Temp\\ExampleApp-18.12.msi', actor: updaterActor });
  });

  it('maps a library (DLL) load with dll.hash and dll.code_signature', () => {
    expect(only(at(defend, 5))).toMatchObject({
      kind: 'module.load',
      actor: appActor,
      path: 'C:\\Program Files\\ExampleVendor\\App\\ffmpeg.dll',
      hashes: { sha256: '7986bbaee8940da11ce089383521ab420c443ab7b15ed42aed91fd31ce833896', md5: '74bc2d0b6680faa1a5a76b27e5479cbc' },
      signature: { signed: true, status: 'errorexpired', signer: 'Example Vendor Ltd' },
    });
  });

  it('keeps the DNS lookup_result (lower-cased query, IP answers) and skips the lookup_requested before it', () => {
    expect(ecsAdapter.parse(at(defend, 6))).toEqual({ outcome: 'skipped', reason: "ecs dns event 'lookup_requested' is not modelled (its lookup_result carries the answers)" });
    expect(only(at(defend, 7))).toMatchObject({ kind: 'dns.query', actor: appActor, query: 'akamaicontainer.com', answers: ['203.0.113.50'] });
  });

  it('maps connection_attempted (egress) and connection_accepted (ingress); a disconnect is skipped', () => {
    expect(only(at(defend, 8))).toMatchObject({ kind: 'network.connect', actor: appActor, direction: 'outbound', protocol: 'tcp', srcIp: '10.20.30.42', srcPort: 51544, dstIp: '203.0.113.50', dstPort: 443 });
    expect(only(at(defend, 10))).toMatchObject({ kind: 'network.connect', direction: 'inbound', srcIp: '10.20.30.7', dstIp: '10.20.30.42', dstPort: 3389 });
    expect(ecsAdapter.parse(at(defend, 9))).toEqual({ outcome: 'skipped', reason: "ecs network event 'disconnect_received' is not modelled (the connection was recorded when it opened)" });
  });

  it('maps a process end; skips registry events and alerts with a reason', () => {
    expect(only(at(defend, 11))).toMatchObject({ kind: 'process.end', process: updaterActor, ts: Date.parse('2023-03-29T10:07:00.000Z') });
    expect(ecsAdapter.parse(at(defend, 12))).toEqual({ outcome: 'skipped', reason: "ecs event.category 'registry' is not modelled" });
    expect(ecsAdapter.parse(at(defend, 13))).toEqual({ outcome: 'skipped', reason: "ecs event.kind 'alert' is not modelled" });
  });
});

describe('ECS adapter: Winlogbeat Security log with ECS fields', () => {
  const hostId = '7d3e2c1b-0a9f-4e8d-b7c6-a5b4c3d2e1f0';

  it('maps 4688 without an entity id: pid (as a string) + start time identify the process; the parent cannot be identified', () => {
    const event = only(at(winlogbeat, 0));
    const ts = Date.parse('2023-03-29T10:05:00.123Z');
    expect(event).toMatchObject({
      kind: 'process.start',
      ts,
      host: { id: hostId, name: 'ws-eng-007.corp.example', os: 'windows' },
      process: { uid: processUidFromPid(hostId, 7020, ts), pid: 7020, image: 'C:\\Program Files\\ExampleVendor\\Updater\\update.exe', user: 'CORP\\WS-ENG-007$' },
    });
    expect(event.kind === 'process.start' && event.parent).toBeUndefined();
  });

  it('skips 4689, which cannot be tied to its process, and 4624 logons', () => {
    expect(ecsAdapter.parse(at(winlogbeat, 1))).toEqual({ outcome: 'skipped', reason: 'ecs process end event names process.pid but no process.entity_id or process.start: the process cannot be identified' });
    expect(ecsAdapter.parse(at(winlogbeat, 2))).toEqual({ outcome: 'skipped', reason: "ecs event.category 'authentication' is not modelled" });
  });
});

describe('ECS adapter: Auditbeat on Linux', () => {
  const hostId = 'e3b0c44298fc1c149afbf4c8996fb924';
  const curl = { uid: processUid(hostId, 'Zf4Lw8Nq2Tg6Vb1K'), pid: 48230, image: '/usr/bin/curl' };

  it('maps process_started: entity id, args joined as the command line, sha1, Linux host', () => {
    expect(only(at(auditbeat, 0))).toMatchObject({
      kind: 'process.start',
      ts: Date.parse('2024-02-11T08:32:29.039Z'),
      host: { id: hostId, name: 'build-07', os: 'linux' },
      process: { uid: processUid(hostId, 'xq9m2ZkR7c1bPq3W'), pid: 48211, image: '/usr/bin/apt-get', commandLine: 'apt-get install -y example-agent', user: 'root', hashes: { sha1: '0ab1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d' } },
    });
  });

  it('has no parent for a process whose parent is named only by pid (process.ppid)', () => {
    const event = only(at(auditbeat, 1));
    expect(event).toMatchObject({ kind: 'process.start', process: curl });
    expect(event.kind === 'process.start' && event.parent).toBeUndefined();
  });

  it('maps a socket network_flow to the same process, and process_stopped to its end', () => {
    expect(only(at(auditbeat, 2))).toMatchObject({ kind: 'network.connect', actor: curl, direction: 'outbound', protocol: 'tcp', srcIp: '10.40.0.17', srcPort: 41872, dstIp: '198.51.100.23', dstPort: 443, dstHostname: 'downloads.example-agent.io' });
    expect(only(at(auditbeat, 3))).toMatchObject({ kind: 'process.end', process: curl });
  });

  it('without entity ids, ties a socket flow (process.created) to its process start (process.start) by pid and start time', () => {
    const start = only(withFields(at(auditbeat, 1), { 'process.entity_id': undefined }));
    const flow = only(withFields(at(auditbeat, 2), { 'process.entity_id': undefined }));
    const uid = processUidFromPid(hostId, 48230, Date.parse('2024-02-11T08:32:31.507Z'));
    expect(start).toMatchObject({ kind: 'process.start', process: { uid } });
    expect(flow).toMatchObject({ kind: 'network.connect', actor: { uid } });
  });

  it('infers the category from the dataset when an old Auditbeat leaves event.category out', () => {
    expect(only(withFields(at(auditbeat, 0), { 'event.category': undefined }))).toMatchObject({ kind: 'process.start', process: { pid: 48211 } });
  });

  it('skips existing_process snapshots', () => {
    expect(ecsAdapter.parse(at(auditbeat, 4))).toEqual({ outcome: 'skipped', reason: "ecs event.kind 'state' is not modelled" });
  });

  it('maps a file_integrity event that names no process to a file event without an actor', () => {
    const event = only(at(auditbeat, 5));
    expect(event).toMatchObject({ kind: 'file', op: 'create', host: { id: hostId, os: 'linux' }, path: '/usr/local/bin/example-agent-postinst.sh' });
    expect(event.kind === 'file' ? event.actor : 'not a file event').toBeUndefined();
  });

  it('maps a file_integrity event when a process with an entity id is attached (created + updated → create)', () => {
    const withProcess = withFields(at(auditbeat, 5), { 'process.entity_id': 'xq9m2ZkR7c1bPq3W', 'process.pid': 48211, 'process.executable': '/usr/bin/apt-get' });
    expect(only(withProcess)).toMatchObject({ kind: 'file', op: 'create', actor: { pid: 48211 }, path: '/usr/local/bin/example-agent-postinst.sh', hashes: { sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9', sha1: '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed' } });
    expect(only(withFields(withProcess, { 'event.action': ['moved'], 'event.type': ['change'] }))).toMatchObject({ op: 'rename' });
    expect(only(withFields(withProcess, { 'event.action': ['attributes_modified'], 'event.type': ['change'] }))).toMatchObject({ op: 'metadata' });
    expect(only(withFields(withProcess, { 'event.action': ['updated'], 'event.type': ['change'] }))).toMatchObject({ op: 'modify' });
  });
});

/** Auditbeat 8 file_integrity documents as its file output writes them, one per line. */
const fileIntegrity: Rec[] = fs
  .readFileSync(path.join(projectRoot, 'test', 'fixtures', 'ecs', 'linux-auditbeat-8-file-integrity.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Rec);

describe('ECS adapter: Auditbeat 8 file_integrity (no acting process)', () => {
  const build12 = '9f2c4e7a1b3d4c5e8f6a7b8c9d0e1f2a';
  const agentd = { sha1: '23c1b8393dfa3f91e7e0bb33fab6adf92f8ba3a6', sha256: '589cf90f877633f56cf3a18e84c7d12c69cca8fadb29c3060cb8ac89ca4b3802' };
  const fileEventOf = (record: Rec) => {
    const event = only(record);
    if (event.kind !== 'file') throw new Error(`expected a file event, got ${event.kind}`);
    return event;
  };

  it('maps created, updated, attributes_modified and deleted to create, modify, metadata and delete, with no actor', () => {
    const ops = [0, 2, 5, 6, 7].map((i) => fileEventOf(at(fileIntegrity, i)));
    expect(ops.map((e) => [e.op, e.path, e.actor])).toEqual([
      ['create', '/usr/sbin/example-agentd;65e7271f', undefined],
      ['create', '/usr/sbin/example-agentd', undefined],
      ['metadata', '/usr/sbin/example-agentd', undefined],
      ['modify', '/usr/local/bin/example-agent-postinst.sh', undefined],
      ['delete', '/etc/example-agent/agent.conf.rpmsave', undefined],
    ]);
    expect(ops[1]).toMatchObject({ ts: Date.parse('2024-03-05T14:02:15.410Z'), host: { id: build12, name: 'build-12', os: 'linux' }, hashes: agentd, source: { format: 'ecs' } });
  });

  it('reads inotify\'s moved (no metadata: the path the file left) as a delete of that path', () => {
    expect(fileEventOf(at(fileIntegrity, 1))).toMatchObject({ op: 'delete', path: '/usr/sbin/example-agentd;65e7271f' });
  });

  it('reads the eBPF backend\'s moved (with metadata, on the new path) as a rename by the process it names', () => {
    expect(fileEventOf(at(fileIntegrity, 8))).toMatchObject({
      op: 'rename',
      path: '/usr/local/bin/example-agent-helper',
      actor: { uid: processUid(build12, 'Zt3nq8Rw1Lx5Vb2K'), pid: 51944 },
      hashes: { sha256: '2a58f3f23fbaf6f9bf5be4f705fea5cf9c65bfe626abf85c29dcdce76757839a' },
    });
  });

  it('keeps the file of a sha1-only record (Auditbeat\'s default hash_types) without a content identity', () => {
    expect(fileEventOf(at(fileIntegrity, 4))).toMatchObject({ op: 'create', path: '/etc/example-agent/agent.conf', hashes: { sha1: '7f1085c460a94503195aa480d7122e87a27c9f80' } });
  });

  it('skips directories and Auditbeat\'s own bookkeeping (initial_scan, config_change), saying why', () => {
    expect(ecsAdapter.parse(at(fileIntegrity, 3))).toEqual({ outcome: 'skipped', reason: 'ecs file event on a directory is not modelled (only files are)' });
    for (const action of [['initial_scan'], ['config_change']]) {
      expect(ecsAdapter.parse(withFields(at(fileIntegrity, 6), { 'event.action': action }))).toEqual({
        outcome: 'skipped',
        reason: `ecs file event '${action[0]}' reports Auditbeat's own state (baseline scan, configuration), not a change of the file`,
      });
    }
    expect(fileEventOf(withFields(at(fileIntegrity, 6), { 'event.action': ['updated', 'config_change'] })).op).toBe('modify');
  });

  it('gives a replayed document the same id, and rejects one without a path by field', () => {
    expect(only(structuredClone(at(fileIntegrity, 2))).id).toBe(only(at(fileIntegrity, 2)).id);
    expect(ecsAdapter.parse(withFields(at(fileIntegrity, 2), { 'file.path': undefined }))).toEqual({ outcome: 'rejected', field: 'file.path', reason: 'is missing' });
  });
});

describe('ECS adapter: Elastic Endpoint 7.x on macOS (Elasticsearch hits, code_signature arrays)', () => {
  const hostId = 'dev-mbp-03.local';
  const AG = '6b1d2c9e-4c3b-4a55-9d3e-8f0a1b2c3d4e';
  const entity = (pid: number, start: string) => Buffer.from(`${AG}-${pid}-${start}`).toString('base64');
  const app = entity(812, '13325512776.123456000');
  const preExec = entity(812, '13325512776.120001000');
  const launchd = entity(1, '13325506628.0');

  it('unwraps _source; takes the first signer of the array; links the exec to the real parent, not the pre-exec image', () => {
    expect(only(at(macHits, 0))).toMatchObject({
      kind: 'process.start',
      ts: Date.parse('2021-01-20T09:12:56.123Z'),
      host: { id: hostId, name: 'dev-mbp-03.local', os: 'macos' },
      source: { format: 'ecs', recordId: 'Mq1vR7x2KcT9pLw4+++++Ab1' },
      process: {
        uid: processUid(hostId, app),
        pid: 812,
        image: '/Applications/ExampleApp.app/Contents/MacOS/ExampleApp',
        user: 'dev',
        signature: { signed: true, status: 'valid', signer: 'Developer ID Application: Example Vendor Ltd (EXAMPLE123)', teamId: 'EXAMPLE123', signingId: 'com.example.desktop' },
      },
      parent: { uid: processUid(hostId, launchd), pid: 1, image: '/sbin/launchd' },
    });
  });

  it('keeps the pre-exec image as parent (without the real parent pid and path) when the ancestry does not name the real parent', () => {
    const event = only(withFields(at(macHits, 0), { '_source.process.Ext.ancestry': [] }));
    expect(event.kind === 'process.start' && event.parent).toEqual({ uid: processUid(hostId, preExec), pid: 812 });
  });

  it('maps a dylib load whose array code_signature has booleans as strings', () => {
    expect(only(at(macHits, 1))).toMatchObject({
      kind: 'module.load',
      actor: { uid: processUid(hostId, app), pid: 812 },
      path: '/Applications/ExampleApp.app/Contents/Frameworks/Electron Framework.framework/Versions/A/Libraries/libffmpeg.dylib',
      hashes: { sha256: 'a64fa9f1c76457ecc58402142a8728ce34ccba378c17318b3340083eeb7acc67' },
      signature: { signed: true, status: 'invalid', signer: 'Developer ID Application: Example Vendor Ltd (EXAMPLE123)', teamId: 'EXAMPLE123', signingId: 'libffmpeg' },
    });
  });

  it('reads the same signature from an object, an array, or Ext.code_signature', () => {
    const signer = { exists: true, subject_name: 'Example Vendor Ltd', trusted: true, team_id: 'EXAMPLE123' };
    const base = withFields(at(macHits, 0), { '_source.process.Ext.code_signature': undefined });
    const expected = { signed: true, status: 'valid', signer: 'Example Vendor Ltd', teamId: 'EXAMPLE123' };
    for (const patch of [{ '_source.process.code_signature': signer }, { '_source.process.code_signature': [signer] }, { '_source.process.Ext.code_signature': [signer] }]) {
      const event = only(withFields(base, patch));
      expect(event.kind === 'process.start' && event.process.signature).toEqual(expected);
    }
  });
});

describe('ECS adapter: field shapes', () => {
  it('reads dotted keys, and half-dotted ones, like nested objects', () => {
    const nested = eventsOf(at(defend, 0));
    expect(eventsOf(flatten(at(defend, 0)))).toEqual(nested.map((e) => ({ ...e, source: { ...e.source } })));
    const half = { ...withFields(at(defend, 0), { process: undefined }), process: { 'parent.pid': '4120', 'parent.entity_id': MSI, 'parent.executable': 'C:\\Windows\\System32\\msiexec.exe' }, 'process.entity_id': UPDATER, 'process.pid': 7020, 'process.executable': 'C:\\x.exe' };
    expect(only(half)).toMatchObject({ process: { uid: processUid(WS_FIN, UPDATER), pid: 7020, image: 'C:\\x.exe' }, parent: { uid: processUid(WS_FIN, MSI), pid: 4120 } });
  });

  it('accepts numbers and booleans as strings', () => {
    const record = withFields(at(defend, 8), { 'process.pid': '7344', 'source.port': '51544', 'destination.port': '443' });
    expect(only(record)).toMatchObject({ actor: { pid: 7344 }, srcPort: 51544, dstPort: 443 });
    const signed = withFields(at(defend, 0), { 'process.code_signature': { exists: 'true', trusted: 'False', subject_name: 'X' } });
    expect(only(signed)).toMatchObject({ process: { signature: { signed: true, status: 'untrusted', signer: 'X' } } });
  });

  it('reads @timestamp with an offset, microseconds, or as epoch milliseconds', () => {
    const ts = Date.parse('2023-03-29T10:05:00.123Z');
    for (const value of ['2023-03-29T12:05:00.123456+02:00', '2023-03-29T10:05:00.123456789Z', '2023-03-29 10:05:00.123', ts, String(ts)]) {
      expect(only(withFields(at(defend, 0), { '@timestamp': value })).ts).toBe(ts);
    }
  });

  it('gives the same ids to a replayed record and to its hit wrapper, and other ids to another record', () => {
    const bare = withFields(at(auditbeat, 0), { 'event.id': undefined });
    const hit = { _index: 'auditbeat-7.17.15', _id: 'x1', _source: structuredClone(bare) };
    expect(only(hit).id).toBe(only(bare).id);
    expect(only(hit).source.recordId).toBe(only(structuredClone(bare)).source.recordId);
    expect(only(at(defend, 0)).id).not.toBe(only(at(defend, 11)).id);
  });
});

describe('ECS adapter: bad input is rejected with the field and reason, or skipped, never thrown', () => {
  const start = at(defend, 0);
  it.each([
    ['no @timestamp', start, { '@timestamp': undefined }, '@timestamp', 'is missing'],
    ['a @timestamp that is not a time', start, { '@timestamp': 'yesterday' }, '@timestamp', 'is not a timestamp: "yesterday"'],
    ['an impossible date', start, { '@timestamp': '2023-13-45T00:00:00Z' }, '@timestamp', 'is not a valid date: "2023-13-45T00:00:00Z"'],
    ['a non-numeric pid', start, { 'process.pid': 'seven' }, 'process.pid', 'must be an integer, got "seven"'],
    ['a non-numeric parent pid', start, { 'process.parent.pid': '0x1018' }, 'process.parent.pid', 'must be an integer, got "0x1018"'],
    ['a code_signature boolean that is not one', start, { 'process.code_signature.trusted': 'maybe' }, 'process.code_signature.trusted', 'must be true or false, got "maybe"'],
    ['no host', start, { host: undefined }, 'host.name', 'is missing'],
    ['a process start without an executable', start, { 'process.executable': undefined }, 'process.executable', 'is missing'],
    ['a process start that names no process', start, { 'process.entity_id': undefined, 'process.pid': undefined }, 'process.entity_id', 'is missing, and there is no process.pid to stand in for it'],
    ['a file event without a path', at(defend, 1), { 'file.path': undefined }, 'file.path', 'is missing'],
    ['a connection without a destination', at(defend, 8), { destination: undefined }, 'destination.ip', 'is missing'],
    ['a connection to something that is not an IP', at(defend, 8), { destination: { ip: 'not-an-ip' } }, 'destination.ip', 'is not an IP address: "not-an-ip"'],
    ['a non-numeric port', at(defend, 8), { 'destination.port': 'https' }, 'destination.port', 'must be an integer, got "https"'],
    ['a DNS event without a question', withFields(at(defend, 7), { 'event.category': ['dns'] }), { 'dns.question': undefined }, 'dns.question.name', 'is missing'],
  ])('%s', (_name, record, patch, field, reason) => {
    expect(ecsAdapter.parse(withFields(record, patch))).toEqual({ outcome: 'rejected', field, reason });
  });

  it('names the signer inside an array code_signature in the reject', () => {
    const record = withFields(at(macHits, 0), { '_source.process.Ext.code_signature': [{ exists: true, trusted: 'sometimes' }] });
    expect(ecsAdapter.parse(record)).toEqual({ outcome: 'rejected', field: 'process.Ext.code_signature[0].trusted', reason: 'must be true or false, got "sometimes"' });
  });

  it.each([
    ['an unknown category', { 'event.category': ['authentication'] }, "ecs event.category 'authentication' is not modelled"],
    ['several unknown categories', { 'event.category': ['iam', 'configuration'] }, "ecs event.category 'iam,configuration' is not modelled"],
    ['no category at all', { 'event.category': undefined, 'event.dataset': 'nginx.access', 'data_stream.dataset': undefined }, 'ecs event without event.category is not modelled'],
    ['a process change', { 'event.type': ['change'], 'event.action': 'uid_change' }, "ecs process event 'uid_change' is not modelled"],
    ['a running-process snapshot', { 'event.type': ['info'], 'event.action': 'already_running' }, "ecs process event 'already_running' is not modelled"],
    ['a file open', { 'event.category': ['file'], 'event.type': ['access'], 'event.action': 'open' }, "ecs file event 'open' is not modelled"],
  ])('skips %s with a reason', (_name, patch, reason) => {
    expect(ecsAdapter.parse(withFields(start, patch))).toEqual({ outcome: 'skipped', reason });
  });

  it('never throws on odd shapes', () => {
    const odd: Rec[] = [
      { '@timestamp': '2024-01-01T00:00:00Z', 'host.name': 'h', event: 5, process: [] },
      { '@timestamp': {}, 'host.name': 'h', event: { category: 'process' } },
      { '@timestamp': '2024-01-01T00:00:00Z', 'host.name': 'h', event: { category: [null, 7, 'process'], type: 'start' }, process: { pid: 1, executable: ['a', 'b'] } },
      { _source: 'not an object', '@timestamp': '2024-01-01T00:00:00Z', 'host.name': 'h', 'event.category': 'dns', 'dns.question.name': 'a.example', 'dns.answers': [{ data: 'cname.example' }, { data: '192.0.2.1' }, 7] },
    ];
    const outcomes = odd.map((r) => ecsAdapter.parse(r));
    expect(outcomes.map((o) => o.outcome)).toEqual(['skipped', 'rejected', 'rejected', 'events']);
    expect(outcomes[3]).toMatchObject({ events: [{ kind: 'dns.query', query: 'a.example', answers: ['192.0.2.1'] }] });
  });
});

/**
 * Real Elastic Endpoint 7.10 macOS telemetry (../shared/fixtures, not in the repository: GPL-3.0).
 * A user's clone has no shared/, so these skip there.
 */
const realDir = path.resolve(projectRoot, '..', 'shared', 'fixtures', 'macos-elastic-endpoint');
const realPresent = fs.existsSync(realDir);

interface Tally {
  records: number;
  errors: string[];
  rejected: string[];
  skipped: number;
  events: NormalizedEvent[];
}

async function tally(input: Readable): Promise<Tally> {
  const t: Tally = { records: 0, errors: [], rejected: [], skipped: 0, events: [] };
  for await (const item of jsonRecords(input)) {
    if (item.kind === 'error') {
      t.errors.push(`line ${item.line}: ${item.reason}`);
      continue;
    }
    t.records++;
    const record = item.value as Rec;
    const outcome: ParseOutcome = ecsAdapter.recognizes(record) ? ecsAdapter.parse(record) : { outcome: 'rejected', reason: 'not recognized as ECS' };
    if (outcome.outcome === 'rejected') t.rejected.push(`line ${item.line}: ${outcome.field ?? ''} ${outcome.reason}`);
    else if (outcome.outcome === 'skipped') t.skipped++;
    else t.events.push(...outcome.events);
  }
  return t;
}

const kinds = (events: NormalizedEvent[]) => events.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }), {});

describe.skipIf(!realPresent)('ECS adapter: real Elastic Endpoint 7.10 macOS telemetry', () => {
  const files = realPresent ? fs.readdirSync(realDir).filter((f) => f.endsWith('.json')).sort() : [];
  const read = (name: string) => fs.readFileSync(path.join(realDir, name), 'utf8');

  it('parses every record of the five files with no rejects: 8 records, 6 process starts and 2 file events', async () => {
    expect(files).toHaveLength(5);
    const all: Tally[] = [];
    for (const file of files) all.push(await tally(fs.createReadStream(path.join(realDir, file), 'utf8')));
    expect(all.flatMap((t) => [...t.errors, ...t.rejected])).toEqual([]);
    expect(all.map((t) => t.records)).toEqual([1, 1, 4, 1, 1]);
    expect(all.reduce((n, t) => n + t.skipped, 0)).toBe(0);
    expect(kinds(all.flatMap((t) => t.events))).toEqual({ 'process.start': 6, file: 2 });
    expect(all.flatMap((t) => t.events).every((e) => e.host.os === 'macos' && e.host.id === 'sisis-macbook-pro.local')).toBe(true);
  });

  it('builds the Installer.app → preinstall script → osascript chain', async () => {
    const { events } = await tally(Readable.from([read('execution_pkg_preinstall_shell_script_file_proc.json')]));
    const starts = events.filter((e) => e.kind === 'process.start');
    const byImage = (image: string) => starts.find((e) => e.process.image === image);
    const installer = byImage('/System/Library/CoreServices/Installer.app/Contents/MacOS/Installer');
    const shell = byImage('/bin/bash');
    const osascript = byImage('/usr/bin/osascript');
    const write = events.find((e) => e.kind === 'file');

    expect(installer).toMatchObject({ ts: Date.parse('2021-01-14T18:32:56.898Z'), process: { pid: 6442 }, parent: { pid: 1, image: '/sbin/launchd' } });
    expect(write).toMatchObject({
      op: 'rename',
      actor: { uid: installer?.process.uid, pid: 6442 },
      path: '/private/var/folders/dl/sl_040js36q6tmyb7n9trrh80000gn/T/com.apple.install.iTdFHZcB/preinstall',
      previousPath: '/private/var/folders/dl/sl_040js36q6tmyb7n9trrh80000gn/T/com.apple.install.iTdFHZcB/.BC.T_f7oEB6',
    });
    expect(shell).toMatchObject({ process: { pid: 6411, commandLine: '/bin/sh /var/folders/dl/sl_040js36q6tmyb7n9trrh80000gn/T/com.apple.install.nwZMugGI/preinstall' } });
    expect(shell?.parent).toBeUndefined(); // Endpoint sent an empty parent entity_id
    // osascript's parent.entity_id is its own pre-exec image; the ancestry names bash, its real parent.
    expect(osascript).toMatchObject({ process: { pid: 6412, commandLine: 'osascript -e display notification "Hello World" with title "HW"' }, parent: { uid: shell?.process.uid, pid: 6411, image: '/bin/bash' } });
  });

  it('maps the LaunchDaemon plist written by rename and the codesign fork to their parent', async () => {
    const [plist] = (await tally(Readable.from([read('persistence_launchdaemon_file_creation.json')]))).events;
    expect(plist).toMatchObject({ kind: 'file', op: 'rename', path: '/Library/LaunchDaemons/com.apple.lauchd.plist', previousPath: '/private/tmp/com.apple.launchd.Ipo2zxonA3', actor: { pid: 9160, image: '/usr/bin/sudo' } });
    const [fork] = (await tally(Readable.from([read('evasion_remove_codesign.json')]))).events;
    expect(fork).toMatchObject({ kind: 'process.start', ts: Date.parse('2021-01-03T17:19:02.747Z'), process: { pid: 1040, commandLine: 'codesign --remove-signature /tmp/security' }, parent: { pid: 1039, image: '/usr/bin/codesign' } });
  });

  it('reports malformed files clearly: a truncated hit and a broken one among good ones', async () => {
    const text = read('execution_pkg_preinstall_shell_script_file_proc.json');
    const truncated = await tally(Readable.from([text.slice(0, Math.floor(text.length * 0.6))]));
    expect(truncated.errors).toEqual([expect.stringMatching(/^line \d+: truncated JSON: the record never closes$/)]);
    expect(truncated.records).toBeGreaterThanOrEqual(1);
    expect(truncated.rejected).toEqual([]);

    const broken = text.replace('"message": "Endpoint file event",', '"message": "Endpoint file event",,');
    const result = await tally(Readable.from([broken]));
    expect(result.errors).toEqual([expect.stringMatching(/^line 128: invalid JSON: /)]);
    expect(result.records).toBe(3);
    expect(kinds(result.events)).toEqual({ 'process.start': 3 });
  });
});
