import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostKey, processUid, processUidFromPid } from '../../../src/adapters/identity.js';
import { ocsfAdapter } from '../../../src/adapters/ocsf/ocsf.js';
import { projectRoot } from '../../../src/config/paths.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import { at, eventsFrom, onlyEventFrom, withNestedFields as withFields, type Rec } from '../../support/adapterHelpers.js';
const eventsOf = (record: unknown): NormalizedEvent[] => eventsFrom(ocsfAdapter, record);
const only = (record: unknown): NormalizedEvent => onlyEventFrom(ocsfAdapter, record);



const fixture = (name: string): Rec[] => JSON.parse(fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'ocsf', name), 'utf8')) as Rec[];
const windows = fixture('windows-endpoint.json');
const noDevice = fixture('network-without-device.json');
const unix = fixture('linux-macos-endpoint.json');





const launch = at(windows, 0);
const fileCreate = at(windows, 1);
const moduleLoad = at(windows, 7);
const connectionOpen = at(windows, 10);
const dnsResponse = at(windows, 12);

const HOST = '4c1f7a0e2b5d4e6f8a9b0c1d2e3f4a5b';
const msi = { uid: processUid(HOST, '0F3C5B0E-8E52-4C0A-9A63-2B1F4C1E7D21'), pid: 4120, image: 'C:\\Windows\\System32\\msiexec.exe' };
const updater = { uid: processUid(HOST, '7a1e2c44-51d0-4b8e-9f0a-3c2d1e0f9a88'), pid: 7020, image: 'C:\\Program Files\\ExampleVendor\\Updater\\update.exe' };
const app = { uid: processUid(HOST, '9b2d7e10-0c4f-4a6e-8d1b-5e6f7a8b9c0d'), pid: 7344, image: 'C:\\Program Files\\ExampleVendor\\App\\ExampleApp.exe' };
const windowsHost = { id: HOST, name: 'WS-FIN-042.corp.example', os: 'windows' };
const FFMPEG_SHA256 = '7986bbaee8940da11ce089383521ab420c443ab7b15ed42aed91fd31ce833896';

describe('OCSF adapter: recognizes', () => {
  it('accepts every fixture record, whatever its class', () => {
    for (const record of [...windows, ...noDevice, ...unix]) expect(ocsfAdapter.recognizes(record)).toBe(true);
  });

  it('accepts a class_uid written as digits and metadata that has only a product', () => {
    expect(ocsfAdapter.recognizes({ class_uid: '1007', metadata: { product: { name: 'x' } } })).toBe(true);
    expect(ocsfAdapter.recognizes({ class_uid: 4001, metadata: { version: '1.0.0' } })).toBe(true);
  });

  it('wants a numeric class_uid and a metadata object with version or product', () => {
    expect(ocsfAdapter.recognizes({ class_uid: 'Process Activity', metadata: { version: '1.1.0' } })).toBe(false);
    expect(ocsfAdapter.recognizes({ class_uid: 1007.5, metadata: { version: '1.1.0' } })).toBe(false);
    expect(ocsfAdapter.recognizes({ class_uid: 1007, time: 1 })).toBe(false);
    expect(ocsfAdapter.recognizes({ class_uid: 1007, metadata: { uid: 'x' } })).toBe(false);
    expect(ocsfAdapter.recognizes({ class_uid: 1007, metadata: '1.1.0' })).toBe(false);
  });

  it('never claims ECS, Sysmon, Apple eslogger or Zeek records, even with OCSF-looking fields', () => {
    const ocsfish = { class_uid: 1007, metadata: { version: '1.1.0' } };
    expect(ocsfAdapter.recognizes({ ...ocsfish, '@timestamp': '2024-01-01T00:00:00Z', event: { kind: 'event' } })).toBe(false);
    expect(ocsfAdapter.recognizes({ ...ocsfish, winlog: { channel: 'Microsoft-Windows-Sysmon/Operational' } })).toBe(false);
    expect(ocsfAdapter.recognizes({ ...ocsfish, EventID: 1, Hostname: 'ws1' })).toBe(false);
    expect(ocsfAdapter.recognizes({ ...ocsfish, Event: { System: { EventID: 1 } } })).toBe(false);
    expect(ocsfAdapter.recognizes({ ...ocsfish, event_type: 9, process: { audit_token: { pid: 1 } } })).toBe(false);
    expect(ocsfAdapter.recognizes({ ts: 1700000000.1, uid: 'C1', 'id.orig_h': '10.0.0.1', 'id.resp_h': '10.0.0.2' })).toBe(false);
  });
});

describe('OCSF adapter: Process Activity (1007)', () => {
  it('maps Launch to process.start with hashes (lower-cased, SHA-512 left out), signature, user and parent', () => {
    expect(only(launch)).toMatchObject({
      kind: 'process.start',
      ts: 1680084300000,
      host: windowsHost,
      source: { format: 'ocsf', recordId: 'evt-0001' },
      process: {
        ...updater,
        commandLine: '"C:\\Program Files\\ExampleVendor\\Updater\\update.exe" /silent',
        user: 'NT AUTHORITY\\SYSTEM',
        hashes: { sha256: 'dde03348075512796241389dfea5560c20a3d2a2eac95c894e7bbed5e85a0acc', sha1: 'e6bbc33815b9f20b0cf832d7401dd893fbc467c8' },
        signature: { signed: true, status: 'valid', signer: 'Example Vendor Ltd' },
      },
      parent: msi,
    });
    const event = only(launch);
    expect(event.kind === 'process.start' && Object.keys(event.process.hashes ?? {}).sort()).toEqual(['sha1', 'sha256']);
  });

  it('takes the parent from actor.process when process.parent_process is absent', () => {
    expect(only(withFields(launch, { 'process.parent_process': undefined }))).toMatchObject({ parent: msi });
  });

  it('identifies a launched process without uid by pid and the event time, its parent by pid and created_time', () => {
    const linux = only(at(unix, 0));
    expect(linux).toMatchObject({
      kind: 'process.start',
      host: { id: 'build-lnx-07', name: 'build-lnx-07', os: 'linux' },
      process: { uid: processUidFromPid('build-lnx-07', 31337, 1700000123456), pid: 31337, image: '/usr/bin/curl', user: 'builder' },
      parent: { uid: processUidFromPid('build-lnx-07', 1201, 1700000000000), pid: 1201, image: '/usr/bin/bash' },
    });
    // No metadata.uid: the record's content identifies it.
    expect(linux.source.recordId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('maps Terminate to process.end', () => {
    expect(only(at(windows, 8))).toMatchObject({ kind: 'process.end', ts: 1680084320000, process: updater, source: { recordId: 'evt-0009' } });
  });

  it('skips Terminate of a process it cannot identify (pid without created_time), and Open', () => {
    const pidOnly = withFields(at(windows, 8), { process: { pid: 7020 } });
    expect(ocsfAdapter.parse(pidOnly)).toEqual({
      outcome: 'skipped',
      reason: 'ocsf Process Activity Terminate names no process.uid, nor process.pid with process.created_time: the process cannot be identified',
    });
    expect(ocsfAdapter.parse(at(windows, 9))).toEqual({ outcome: 'skipped', reason: 'ocsf Process Activity activity_id 3 (Open) is not modelled' });
  });
});

describe('OCSF adapter: File System Activity (1001)', () => {
  it('maps Create to a file event, and its signature to a file.signature event with its own id', () => {
    const [write, signature] = eventsOf(fileCreate);
    expect(write).toMatchObject({ kind: 'file', op: 'create', actor: updater, path: 'C:\\Program Files\\ExampleVendor\\App\\ExampleApp.exe', hashes: { sha256: FFMPEG_SHA256 } });
    expect(signature).toMatchObject({ kind: 'file.signature', path: 'C:\\Program Files\\ExampleVendor\\App\\ExampleApp.exe', signature: { signed: true, status: 'bad', signer: 'Example Vendor Ltd' }, actor: updater });
    expect(write?.id).not.toBe(signature?.id);
  });

  it('maps Rename with the old path from file and the new path and hashes from file_result', () => {
    expect(only(at(windows, 2))).toMatchObject({
      kind: 'file',
      op: 'rename',
      path: 'C:\\Program Files\\ExampleVendor\\App\\ffmpeg.dll',
      previousPath: 'C:\\Program Files\\ExampleVendor\\App\\~upd4A1.tmp',
      hashes: { sha256: FFMPEG_SHA256, md5: '74bc2d0b6680faa1a5a76b27e5479cbc' },
    });
  });

  it('maps Update to modify, with an actor identified by pid and created_time', () => {
    expect(only(at(windows, 3))).toMatchObject({ kind: 'file', op: 'modify', actor: { uid: processUidFromPid(HOST, 7020, 1680084300000), pid: 7020 } });
  });

  it('maps Delete, Set Attributes and Set Security', () => {
    expect(only(at(windows, 4))).toMatchObject({ kind: 'file', op: 'delete', path: 'C:\\Windows\\Temp\\ExampleApp-18.12.msi', actor: updater });
    expect(only(at(windows, 5))).toMatchObject({ kind: 'file', op: 'metadata', path: 'C:\\Program Files\\ExampleVendor\\App\\helper.dll' });
    expect(only(withFields(at(windows, 5), { activity_id: 7, activity_name: 'Set Security' }))).toMatchObject({ kind: 'file', op: 'metadata' });
  });

  it('skips Read and the other activities that change nothing', () => {
    expect(ocsfAdapter.parse(at(windows, 6))).toEqual({ outcome: 'skipped', reason: 'ocsf File System Activity activity_id 2 (Read) is not modelled' });
    expect(ocsfAdapter.parse(withFields(at(windows, 6), { activity_id: 14, activity_name: undefined }))).toEqual({ outcome: 'skipped', reason: 'ocsf File System Activity activity_id 14 is not modelled' });
  });

  it('skips a file event whose actor names no process it can identify', () => {
    expect(ocsfAdapter.parse(withFields(fileCreate, { actor: { user: { name: 'jdoe' } } }))).toEqual({
      outcome: 'skipped',
      reason: 'ocsf File System Activity event names no actor.process with a uid, or a pid and created_time: the event model needs an acting process',
    });
  });
});

describe('OCSF adapter: Module Activity (1005)', () => {
  it('maps Load to module.load with module.file hashes and signature state', () => {
    expect(only(moduleLoad)).toMatchObject({
      kind: 'module.load',
      actor: app,
      path: 'C:\\Program Files\\ExampleVendor\\App\\ffmpeg.dll',
      hashes: { sha256: FFMPEG_SHA256 },
      signature: { signed: true, status: 'expired', signer: 'Example Vendor Ltd' },
    });
  });

  it('reads the macOS signer (escaped commas kept) and developer_uid as the Team ID', () => {
    expect(only(at(unix, 1))).toMatchObject({
      kind: 'module.load',
      host: { id: hostKey('C02XK1JHJGH5'), name: 'mbp-design-03', os: 'macos' },
      actor: { uid: processUid('c02xk1jhjgh5', '3E5A9C1B-7D2F-4F60-9B8A-1C2D3E4F5A6B'), pid: 812 },
      signature: { signed: true, status: 'valid', signer: 'Developer ID Application: Example Vendor, Ltd (Q5ZGKU6P4X)', teamId: 'Q5ZGKU6P4X' },
    });
  });

  it('skips Unload', () => {
    expect(ocsfAdapter.parse(withFields(moduleLoad, { activity_id: 2, activity_name: 'Unload' }))).toEqual({ outcome: 'skipped', reason: 'ocsf Module Activity activity_id 2 (Unload) is not modelled' });
  });
});

describe('OCSF adapter: Network Activity (4001) and DNS Activity (4003)', () => {
  it('maps Open to network.connect with endpoints, protocol, direction and a lower-cased hostname', () => {
    const event = only(connectionOpen);
    expect(event).toMatchObject({
      kind: 'network.connect',
      actor: app,
      direction: 'outbound',
      protocol: 'tcp',
      srcIp: '10.20.30.42',
      srcPort: 51544,
      dstIp: '203.0.113.50',
      dstPort: 443,
      dstHostname: 'akamaicontainer.com',
    });
    expect(event).not.toHaveProperty('hostByIp', expect.anything());
  });

  it('reads direction from direction_id, else the direction caption, else which end the device was', () => {
    expect(only(withFields(connectionOpen, { 'connection_info.direction_id': 1 }))).toMatchObject({ direction: 'inbound' });
    expect(only(withFields(connectionOpen, { 'connection_info.direction_id': 99, 'connection_info.direction': 'INBOUND' }))).toMatchObject({ direction: 'inbound' });
    const lateral = { 'connection_info.direction_id': 3, 'connection_info.direction': 'Lateral' };
    expect(only(withFields(connectionOpen, lateral))).toMatchObject({ direction: 'outbound' });
    expect(only(withFields(connectionOpen, { ...lateral, 'device.ip': '203.0.113.50' }))).toMatchObject({ direction: 'inbound' });
    expect(only(withFields(connectionOpen, { ...lateral, 'device.ip': undefined }))).toMatchObject({ direction: 'unknown' });
  });

  it('maps Traffic too, and skips Close', () => {
    expect(only(withFields(connectionOpen, { activity_id: 6 }))).toMatchObject({ kind: 'network.connect' });
    expect(ocsfAdapter.parse(at(windows, 11))).toEqual({ outcome: 'skipped', reason: 'ocsf Network Activity activity_id 2 (Close) is not modelled' });
  });

  it('maps a DNS Response to dns.query with the IP answers only, deduplicated; the Query has none', () => {
    expect(only(dnsResponse)).toMatchObject({ kind: 'dns.query', actor: app, query: 'akamaicontainer.com', answers: ['203.0.113.50', '2001:db8::50'] });
    expect(only(at(windows, 13))).toMatchObject({ kind: 'dns.query', query: 'akamaicontainer.com', answers: [] });
  });

  it('attributes records without a device (VPC flow, Route 53 resolver) to the host that had src_endpoint.ip', () => {
    const placeholder = { id: hostKey('ip:10.20.30.42'), name: '10.20.30.42', os: 'unknown' };
    const flow = only(at(noDevice, 0));
    expect(flow).toMatchObject({ kind: 'network.connect', host: placeholder, hostByIp: '10.20.30.42', direction: 'outbound', dstIp: '198.51.100.7', dstPort: 443 });
    expect(flow).not.toHaveProperty('actor', expect.anything());
    expect(only(withFields(at(noDevice, 0), { 'connection_info.direction_id': undefined, 'connection_info.direction': undefined }))).toMatchObject({ direction: 'outbound' });
    expect(only(at(noDevice, 1))).toMatchObject({ kind: 'dns.query', host: placeholder, hostByIp: '10.20.30.42', query: 'updates.examplevendor.com', answers: ['198.51.100.7'] });
  });
});

describe('OCSF adapter: skips what it does not model', () => {
  it('skips classes other than 1001, 1005, 1007, 4001 and 4003, before asking for their fields', () => {
    expect(ocsfAdapter.parse(at(windows, 14))).toEqual({ outcome: 'skipped', reason: 'ocsf class_uid 3002 is not modelled' });
    expect(ocsfAdapter.parse({ class_uid: 6003, metadata: { version: '1.1.0' } })).toEqual({ outcome: 'skipped', reason: 'ocsf class_uid 6003 is not modelled' });
  });
});

describe('OCSF adapter: numbers written as strings', () => {
  it('reads class_uid, activity_id, time, pids, type and state ids, algorithm ids, ports and direction_id from digit strings', () => {
    const stringly = withFields(launch, {
      class_uid: '1007',
      activity_id: '1',
      time: '1680084300000',
      'device.os.type_id': '100',
      'process.pid': '7020',
      'process.file.hashes': [{ algorithm_id: '3', value: 'DDE03348075512796241389DFEA5560C20A3D2A2EAC95C894E7BBED5E85A0ACC' }],
      'process.file.signature.state_id': '1',
      'process.parent_process.pid': '4120',
    });
    const event = only(stringly);
    expect(event).toEqual({ ...only(launch), process: { ...(only(launch) as Extract<NormalizedEvent, { kind: 'process.start' }>).process, hashes: { sha256: 'dde03348075512796241389dfea5560c20a3d2a2eac95c894e7bbed5e85a0acc' } } });
    const ports = withFields(connectionOpen, { 'src_endpoint.port': '51544', 'dst_endpoint.port': '443', 'connection_info.direction_id': '2' });
    expect(only(ports)).toEqual(only(connectionOpen));
  });

  it('takes the hash algorithm from its caption when algorithm_id is Other', () => {
    const other = withFields(moduleLoad, { 'module.file.hashes': [{ algorithm_id: 99, algorithm: 'sha-256', value: FFMPEG_SHA256 }] });
    expect(only(other)).toMatchObject({ hashes: { sha256: FFMPEG_SHA256 } });
  });
});

describe('OCSF adapter: identities', () => {
  it('gives the same event id to the same record replayed, and different ids to different records', () => {
    expect(only(launch).id).toBe(only(structuredClone(launch)).id);
    expect(only(launch).id).not.toBe(only(at(windows, 8)).id);
    expect(only(dnsResponse).id).not.toBe(only(at(windows, 13)).id);
  });
});

describe('OCSF adapter: bad input is rejected with the field and reason, never thrown', () => {
  it.each([
    ['no time', launch, { time: undefined }, 'time', 'is missing'],
    ['a time that is not a number', launch, { time: 'yesterday' }, 'time', 'must be epoch milliseconds, got "yesterday"'],
    ['a time in epoch seconds', launch, { time: 1680084300 }, 'time', 'must be epoch milliseconds, got 1680084300 (epoch seconds?)'],
    ['no class_uid', launch, { class_uid: undefined }, 'class_uid', 'is missing'],
    ['no activity_id', launch, { activity_id: undefined }, 'activity_id', 'is missing'],
    ['a non-integer activity_id', launch, { activity_id: 'launch' }, 'activity_id', 'must be an integer, got "launch"'],
    ['no device on a System Activity event', launch, { device: undefined }, 'device', 'is missing'],
    ['a device that is a string', launch, { device: 'WS-FIN-042' }, 'device', 'must be an object, got "WS-FIN-042"'],
    ['a device without any name', launch, { device: { type_id: 2 } }, 'device', 'names no uid, hostname, name or ip'],
    ['a non-integer os type_id', launch, { 'device.os.type_id': 'Windows' }, 'device.os.type_id', 'must be an integer, got "Windows"'],
    ['no process on a launch', launch, { process: undefined }, 'process', 'is missing'],
    ['a launched process without uid or pid', launch, { 'process.uid': undefined, 'process.pid': undefined }, 'process.uid', 'is missing, and there is no process.pid to stand in for it'],
    ['a launched process without file path', launch, { 'process.file': { name: 'update.exe' } }, 'process.file.path', 'is missing'],
    ['a non-integer pid', launch, { 'process.pid': 'seven' }, 'process.pid', 'must be an integer, got "seven"'],
    ['a fractional pid', launch, { 'process.pid': 70.2 }, 'process.pid', 'must be an integer, got 70.2'],
    ['a created_time that is not a time', launch, { 'process.uid': undefined, 'process.created_time': 'soon' }, 'process.created_time', 'must be epoch milliseconds, got "soon"'],
    ['hashes that are not an array', launch, { 'process.file.hashes': 'dde03348' }, 'process.file.hashes', 'must be an array, got "dde03348"'],
    ['a fingerprint that is a string', launch, { 'process.file.hashes': ['sha256:dde03348'] }, 'process.file.hashes[0]', 'must be a fingerprint object, got "sha256:dde03348"'],
    ['a non-integer algorithm_id', launch, { 'process.file.hashes': [{ algorithm_id: 'SHA-256', value: 'x' }] }, 'process.file.hashes[0].algorithm_id', 'must be an integer, got "SHA-256"'],
    ['a signature that is a string', launch, { 'process.file.signature': 'valid' }, 'process.file.signature', 'must be an object, got "valid"'],
    ['no actor on a file event', fileCreate, { actor: undefined }, 'actor', 'is missing'],
    ['an actor.process that is a string', fileCreate, { 'actor.process': 'update.exe' }, 'actor.process', 'must be an object, got "update.exe"'],
    ['no file on a file event', fileCreate, { file: undefined }, 'file', 'is missing'],
    ['no file path', fileCreate, { 'file.path': undefined }, 'file.path', 'is missing'],
    ['no module on a load', moduleLoad, { module: undefined }, 'module', 'is missing'],
    ['no module file path', moduleLoad, { 'module.file': { name: 'ffmpeg.dll' } }, 'module.file.path', 'is missing'],
    ['no destination IP', connectionOpen, { 'dst_endpoint.ip': undefined }, 'dst_endpoint.ip', 'is missing'],
    ['a destination that is a name, not an IP', connectionOpen, { 'dst_endpoint.ip': 'akamaicontainer.com' }, 'dst_endpoint.ip', 'is not an IP address: "akamaicontainer.com"'],
    ['a non-integer port', connectionOpen, { 'dst_endpoint.port': 'https' }, 'dst_endpoint.port', 'must be an integer, got "https"'],
    ['a network event with neither device nor source IP', at(noDevice, 0), { 'src_endpoint.ip': undefined }, 'device', 'is missing, and there is no src_endpoint.ip to attribute the traffic by'],
    ['no DNS query hostname', dnsResponse, { 'query.hostname': undefined }, 'query.hostname', 'is missing'],
    ['answers that are not an array', dnsResponse, { answers: { rdata: '203.0.113.50' } }, 'answers', 'must be an array, got {"rdata":"203.0.113.50"}'],
    ['an answer that is a bare string', dnsResponse, { answers: [{ rdata: '203.0.113.50' }, '203.0.113.51'] }, 'answers[1]', 'must be a dns_answer object, got "203.0.113.51"'],
  ])('%s', (_name, record, patch, field, reason) => {
    expect(ocsfAdapter.parse(withFields(record, patch))).toEqual({ outcome: 'rejected', field, reason });
  });

  it('rejects an empty object and a record whose class_uid is not a number', () => {
    expect(ocsfAdapter.parse({})).toEqual({ outcome: 'rejected', field: 'class_uid', reason: 'is missing' });
    expect(ocsfAdapter.parse({ class_uid: { id: 1007 } })).toEqual({ outcome: 'rejected', field: 'class_uid', reason: 'must be an integer, got {"id":1007}' });
  });
});
