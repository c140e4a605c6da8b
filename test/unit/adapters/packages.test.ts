import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LineOutcome, TextAdapter, TextContext } from '../../../src/adapters/adapter.js';
import { aptHistoryAdapter, brewAdapter, dnfLogAdapter, dpkgLogAdapter, packageLogAdapters, yumLogAdapter } from '../../../src/adapters/packages/index.js';
import { parseRpmPackage } from '../../../src/adapters/packages/rpmName.js';
import { projectRoot } from '../../../src/config/paths.js';
import type { PackageEvent } from '../../../src/model/event.js';

/** Real-shaped excerpts of each log, written for these tests. */
const fixture = (name: string): string => fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'packages', name), 'utf8');

const linuxHost = { id: 'web-01', name: 'web-01', os: 'linux' };

/** Feeds `text` line by line, as ingest does, then ends the input. */
function run(adapter: TextAdapter, text: string, context: Partial<TextContext> = {}): LineOutcome[] {
  const parser = adapter.createParser({ fileName: 'input.log', hostName: 'web-01', ...context });
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return [...lines.flatMap((line, i) => parser.line(line, i + 1)), ...parser.end()];
}

function packageEvents(outcomes: LineOutcome[]): PackageEvent[] {
  return outcomes.flatMap((o) => (o.outcome === 'events' ? o.events : [])).filter((e): e is PackageEvent => e.kind === 'package');
}

/** Outcomes without their events, to compare the shape of a whole run. */
const summary = (outcomes: LineOutcome[]) =>
  outcomes.map((o) => (o.outcome === 'events' ? { line: o.line, events: o.events.map((e) => (e.kind === 'package' ? `${e.op} ${e.name}` : e.kind)) } : o));

const ts = (iso: string) => Date.parse(iso);

describe('dpkg.log adapter', () => {
  const outcomes = run(dpkgLogAdapter, fixture('dpkg.log'));

  it('maps install, upgrade, remove and purge lines to package events, versions and arch included', () => {
    const events = packageEvents(outcomes);
    expect(events.map(({ op, name, version, previousVersion, arch }) => ({ op, name, version, previousVersion, arch }))).toEqual([
      { op: 'upgrade', name: 'curl', version: '7.88.1-10+deb12u5', previousVersion: '7.88.1-10', arch: 'amd64' },
      { op: 'install', name: 'libcurl4', version: '7.88.1-10+deb12u5', previousVersion: undefined, arch: 'amd64' },
      { op: 'remove', name: 'telnet', version: '0.17+2.4-2', previousVersion: undefined, arch: 'amd64' },
      { op: 'remove', name: 'telnet', version: '0.17+2.4-2', previousVersion: undefined, arch: 'amd64' },
      { op: 'upgrade', name: 'openssh-server', version: '1:9.2p1-2+deb12u2', previousVersion: '1:9.2p1-2+deb12u1', arch: 'amd64' },
      { op: 'upgrade', name: 'tzdata', version: '2024a-0+deb12u1', previousVersion: '2023c-5', arch: 'all' },
    ]);
    expect(events[0]).toMatchObject({ kind: 'package', manager: 'dpkg', host: linuxHost, ts: ts('2024-01-15T10:22:31Z'), source: { format: 'dpkg' } });
  });

  it('gives every non-blank line one outcome: status, configure, trigproc, startup and conffile lines are skipped with a reason', () => {
    expect(outcomes).toHaveLength(30);
    expect(outcomes.map((o) => o.line)).not.toContain(20);
    const reasons = outcomes.flatMap((o) => (o.outcome === 'skipped' ? [o.reason] : []));
    expect(new Set(reasons)).toEqual(
      new Set([
        'dpkg status line: a state step of an action logged on its own line',
        'dpkg configure line: completes an install or upgrade logged on its own line',
        'dpkg trigproc line: a trigger run, not a package change',
        'dpkg startup line: marks a dpkg run, not a package change',
        'dpkg conffile line: a configuration file decision, not a package change',
      ]),
    );
    expect(reasons.filter((r) => r.startsWith('dpkg status'))).toHaveLength(16);
    expect(outcomes.filter((o) => o.outcome === 'rejected')).toEqual([]);
  });

  it('gives the same line on the same host the same id, on replay too', () => {
    const ids = packageEvents(outcomes).map((e) => e.id);
    expect(packageEvents(run(dpkgLogAdapter, fixture('dpkg.log'))).map((e) => e.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const elsewhere = packageEvents(run(dpkgLogAdapter, fixture('dpkg.log'), { hostName: 'web-02' }));
    expect(elsewhere[0]!.id).not.toBe(ids[0]);
  });

  it('reads names without an architecture, as dpkg before multiarch wrote them', () => {
    expect(packageEvents(run(dpkgLogAdapter, '2011-03-01 09:00:00 install bash <none> 4.1-3\n'))[0]).toMatchObject({ op: 'install', name: 'bash', version: '4.1-3', arch: undefined });
  });

  it('rejects each event line when the host is not given, and still skips noise', () => {
    const noHost = run(dpkgLogAdapter, '2024-01-15 10:22:31 upgrade curl:amd64 7.88.1-10 7.88.1-10+deb12u5\n2024-01-15 10:22:31 status unpacked curl:amd64 7.88.1-10\n', { hostName: undefined });
    expect(noHost).toEqual([
      { outcome: 'rejected', line: 1, field: 'host', reason: 'this log does not name its host: pass --host <name> with the host it was collected from' },
      { outcome: 'skipped', line: 2, reason: 'dpkg status line: a state step of an action logged on its own line' },
    ]);
    expect(run(dpkgLogAdapter, '2024-01-15 10:22:31 remove telnet:amd64 0.17 <none>\n', { hostName: '  ' })[0]).toMatchObject({ outcome: 'rejected', field: 'host' });
  });

  it('rejects malformed lines with the field and why', () => {
    const reject = (line: string) => run(dpkgLogAdapter, `${line}\n`)[0];
    expect(reject('2024-02-30 10:22:31 install curl:amd64 <none> 7.88.1-10')).toEqual({ outcome: 'rejected', line: 1, field: 'timestamp', reason: 'is not a valid date: "2024-02-30 10:22:31"' });
    expect(reject('2024-01-15 25:22:31 install curl:amd64 <none> 7.88.1-10')).toEqual({ outcome: 'rejected', line: 1, field: 'timestamp', reason: 'is not a valid date: "2024-01-15 25:22:31"' });
    expect(reject('2024-01-15 10:22:31 upgrade curl:amd64 7.88.1-10')).toEqual({ outcome: 'rejected', line: 1, field: 'action', reason: 'dpkg upgrade names a package and two versions, got "curl:amd64 7.88.1-10"' });
    expect(reject('2024-01-15 10:22:31 upgrade curl:amd64 7.88.1-10 <none>')).toEqual({ outcome: 'rejected', line: 1, field: 'version', reason: 'dpkg upgrade of curl names no new version' });
    expect(reject('2024-01-15 10:22:31 install curl:amd64 <none> latest')).toEqual({ outcome: 'rejected', line: 1, field: 'version', reason: 'is not a Debian version: "latest"' });
    expect(reject('2024-01-15 10:22:31 install Curl!:amd64 <none> 1.0')).toEqual({ outcome: 'rejected', line: 1, field: 'package', reason: 'is not a Debian package name: "Curl!:amd64"' });
    expect(reject('2024-01-15 10:22:31 frobnicate curl:amd64 1 2')).toEqual({ outcome: 'rejected', line: 1, field: 'action', reason: 'is not a dpkg action: "frobnicate"' });
    expect(reject('Jan 15 10:22:31 host dpkg: hello')).toEqual({ outcome: 'rejected', line: 1, reason: 'not a dpkg.log line (expected "YYYY-MM-DD HH:MM:SS <action> ..."): "Jan 15 10:22:31 host dpkg: hello"' });
  });
});

describe('apt history.log adapter', () => {
  const outcomes = run(aptHistoryAdapter, fixture('history.log'));

  it('turns each block into one outcome at its Start-Date line, and cuts off the unfinished last block', () => {
    expect(summary(outcomes)).toEqual([
      { line: 2, events: ['install libcurl4', 'upgrade curl'] },
      { line: 9, events: ['remove telnet'] },
      { line: 15, events: ['upgrade openssh-server', 'upgrade openssh-client', 'upgrade openssh-sftp-server'] },
      { line: 20, events: ['install acme-agent', 'install libfoo2', 'upgrade nano', 'remove acme-agent-legacy'] },
      {
        outcome: 'rejected',
        line: 29,
        field: 'End-Date',
        reason: 'is missing: the apt run was cut off (interrupted, still running, or the log copy ends mid-block), so its planned changes are not claimed',
      },
    ]);
  });

  it('gives every change the block start time (as UTC), versions, arch and the command line', () => {
    const [libcurl, curl] = packageEvents(outcomes);
    expect(libcurl).toMatchObject({ kind: 'package', manager: 'apt', op: 'install', name: 'libcurl4', version: '7.88.1-10+deb12u5', arch: 'amd64', commandLine: 'apt-get install -y curl', ts: ts('2024-01-15T10:22:28Z'), host: linuxHost, source: { format: 'apt-history' } });
    expect(libcurl!.previousVersion).toBeUndefined();
    expect(curl).toMatchObject({ op: 'upgrade', name: 'curl', version: '7.88.1-10+deb12u5', previousVersion: '7.88.1-10' });
  });

  it('reads epochs, purges, downgrades (as a version change to a lower version) and removals, and keeps blocks that ended with an error', () => {
    const events = packageEvents(outcomes);
    expect(events.find((e) => e.name === 'telnet')).toMatchObject({ op: 'remove', version: '0.17+2.4-2', commandLine: 'apt-get purge -y telnet' });
    expect(events.find((e) => e.name === 'openssh-client')).toMatchObject({ op: 'upgrade', version: '1:9.2p1-2+deb12u2', previousVersion: '1:9.2p1-2+deb12u1', commandLine: '/usr/bin/unattended-upgrade' });
    expect(events.find((e) => e.name === 'nano')).toMatchObject({ op: 'upgrade', version: '7.2-1', previousVersion: '7.2-1+deb12u1' });
    expect(events.find((e) => e.name === 'acme-agent-legacy')).toMatchObject({ op: 'remove', version: '1.9.0', commandLine: 'apt install ./acme-agent_2.4.1_amd64.deb' });
  });

  it('gives stable, distinct ids per block entry and host', () => {
    const ids = packageEvents(outcomes).map((e) => e.id);
    expect(new Set(ids).size).toBe(10);
    expect(packageEvents(run(aptHistoryAdapter, fixture('history.log'))).map((e) => e.id)).toEqual(ids);
  });

  it('skips a finished block without package lists, and one cut off before any', () => {
    expect(run(aptHistoryAdapter, 'Start-Date: 2024-01-20  09:00:00\nCommandline: apt-get check\nEnd-Date: 2024-01-20  09:00:01\n')).toEqual([
      { outcome: 'skipped', line: 1, reason: 'apt history block without package changes' },
    ]);
    expect(run(aptHistoryAdapter, '\n\nStart-Date: 2024-01-20  09:00:00\nCommandline: apt-get install -y vim\n\n')).toEqual([
      { outcome: 'skipped', line: 3, reason: 'apt history block without package changes, cut off before End-Date' },
    ]);
  });

  it('treats a new Start-Date inside an open block as the end of a cut-off block', () => {
    const text = 'Start-Date: 2024-01-20  09:00:00\nInstall: vim:amd64 (2:9.0.1378-2)\nStart-Date: 2024-01-20  09:05:00\nInstall: vim:amd64 (2:9.0.1378-2)\nEnd-Date: 2024-01-20  09:05:09\n';
    expect(summary(run(aptHistoryAdapter, text))).toEqual([
      expect.objectContaining({ outcome: 'rejected', line: 1, field: 'End-Date' }),
      { line: 3, events: ['install vim'] },
    ]);
  });

  it('rejects lines outside a block, lines that are not "Key: value", and unreadable entries while keeping the readable ones', () => {
    const text = [
      'Install: vim:amd64 (2:9.0.1378-2)',
      'Start-Date: 2024-01-20  09:00:00',
      'this is not apt',
      'Install: vim:amd64 (2:9.0.1378-2), broken entry here',
      'Upgrade: curl:amd64 (7.88.1-10)',
      'End-Date: 2024-01-20  09:00:05',
    ].join('\n');
    expect(run(aptHistoryAdapter, text).map((o) => (o.outcome === 'events' ? { line: o.line, names: o.events.map((e) => (e.kind === 'package' ? e.name : '')) } : o))).toEqual([
      { outcome: 'rejected', line: 1, field: 'Start-Date', reason: 'is missing: this Install line is outside a Start-Date block (the log starts mid-block?)' },
      { outcome: 'rejected', line: 3, reason: 'not an apt history.log line (expected "Key: value"): "this is not apt"' },
      { line: 2, names: ['vim'] },
      { outcome: 'rejected', line: 4, field: 'Install', reason: 'cannot read the package entry "broken entry here" (expected "name:arch (version)")' },
      { outcome: 'rejected', line: 5, field: 'Upgrade', reason: 'curl needs an old and a new version, got "(7.88.1-10)"' },
    ]);
  });

  it('rejects a block with a bad Start-Date or without a host, at its Start-Date line', () => {
    const block = (start: string) => `Start-Date: ${start}\nInstall: vim:amd64 (2:9.0.1378-2)\nEnd-Date: 2024-01-20  09:00:05\n`;
    expect(run(aptHistoryAdapter, block('2024-02-30  09:00:00'))).toEqual([{ outcome: 'rejected', line: 1, field: 'Start-Date', reason: 'is not a valid date: "2024-02-30  09:00:00"' }]);
    expect(run(aptHistoryAdapter, block('soon'))).toEqual([{ outcome: 'rejected', line: 1, field: 'Start-Date', reason: 'is not a timestamp: "soon"' }]);
    expect(run(aptHistoryAdapter, block('2024-01-20  09:00:00'), { hostName: undefined })).toEqual([
      { outcome: 'rejected', line: 1, field: 'host', reason: 'this log does not name its host: pass --host <name> with the host it was collected from' },
    ]);
  });
});

describe('dnf log adapter', () => {
  const outcomes = run(dnfLogAdapter, fixture('dnf.rpm.log'), { fileName: '/var/log/dnf.rpm.log' });

  it('joins each Upgrade line with its Upgraded line into one upgrade event at the Upgrade line', () => {
    expect(summary(outcomes)).toEqual([
      { outcome: 'skipped', line: 1, reason: 'dnf log line is not a package change' },
      { line: 4, events: ['install acme-agent'] },
      { outcome: 'skipped', line: 5, reason: 'dnf log line is not a package change' },
      { line: 2, events: ['upgrade curl'] },
      { line: 3, events: ['upgrade libcurl'] },
      { outcome: 'skipped', line: 8, reason: 'dnf log line is not a package change' },
      { line: 9, events: ['remove telnet'] },
      { outcome: 'skipped', line: 10, reason: 'dnf log line is not a package change' },
      { line: 11, events: ['upgrade openssl-libs'] },
      { line: 13, events: ['install tzdata'] },
      { outcome: 'skipped', line: 14, reason: 'dnf Reinstalled line: the replaced copy of a reinstall logged on its own line' },
      { line: 15, events: ['upgrade nano'] },
    ]);
  });

  it('reads name, epoch:version-release, arch and the previous version', () => {
    const byName = new Map(packageEvents(outcomes).map((e) => [e.name, e]));
    expect(byName.get('curl')).toMatchObject({ kind: 'package', manager: 'dnf', op: 'upgrade', version: '7.76.1-26.el9_3.2', previousVersion: '7.76.1-26.el9_3.1', arch: 'x86_64', ts: ts('2024-01-15T10:22:31Z'), host: linuxHost, source: { format: 'dnf' } });
    expect(byName.get('openssl-libs')).toMatchObject({ op: 'upgrade', version: '1:3.0.7-25.el9_3', previousVersion: '1:3.0.7-24.el9' });
    expect(byName.get('telnet')).toMatchObject({ op: 'remove', version: '1:0.17-85.el9', arch: 'x86_64' });
    expect(byName.get('tzdata')).toMatchObject({ op: 'install', version: '2023c-1.el9', arch: 'noarch' });
    expect(byName.get('nano')).toMatchObject({ op: 'upgrade', version: '5.6.1-4.el9', previousVersion: '5.6.1-5.el9' });
  });

  it('honours the offset dnf writes', () => {
    const [event] = packageEvents(run(dnfLogAdapter, '2024-01-15T12:22:31+0200 SUBDEBUG Installed: vim-enhanced-2:8.2.2637-20.el9_1.x86_64\n'));
    expect(event).toMatchObject({ ts: ts('2024-01-15T10:22:31Z'), name: 'vim-enhanced', version: '2:8.2.2637-20.el9_1' });
    expect(packageEvents(run(dnfLogAdapter, '2022-03-28T14:27:24+00 SUBDEBUG Installed: crudini-0.9-11.el8ost.1\n'))[0]).toMatchObject({ ts: ts('2022-03-28T14:27:24Z'), name: 'crudini', version: '0.9-11.el8ost.1', arch: undefined });
  });

  it('emits an upgrade whose Upgraded line never came, without a previous version, and skips an Upgraded line without its Upgrade', () => {
    const text = [
      '2024-01-15T10:22:31+0000 SUBDEBUG Upgrade: curl-7.76.1-26.el9_3.2.x86_64',
      '2024-01-16T08:00:00+0000 INFO --- logging initialized ---',
      '2024-01-16T08:00:01+0000 SUBDEBUG Upgraded: bash-5.1.8-6.el9.x86_64',
      '2024-01-16T08:00:02+0000 SUBDEBUG Upgrade: bash-5.1.8-9.el9.x86_64',
    ].join('\n');
    const result = run(dnfLogAdapter, text);
    expect(summary(result)).toEqual([
      { line: 1, events: ['upgrade curl'] },
      { outcome: 'skipped', line: 2, reason: 'dnf log line is not a package change' },
      { outcome: 'skipped', line: 3, reason: 'dnf Upgraded line without its Upgrade line' },
      { line: 4, events: ['upgrade bash'] },
    ]);
    expect(packageEvents(result).map((e) => e.previousVersion)).toEqual([undefined, undefined]);
  });

  it('skips dnf.log debug lines and their continuation lines, and rejects text that is not a dnf log', () => {
    const dnfLog = ['2024-01-15T10:22:20+0000 DDEBUG Command: dnf install -y curl ', '2024-01-15T10:22:25+0000 INFO Upgraded:', '  curl-7.76.1-26.el9_3.2.x86_64'].join('\n');
    expect(run(dnfLogAdapter, dnfLog)).toEqual([
      { outcome: 'skipped', line: 1, reason: 'dnf log line is not a package change' },
      { outcome: 'skipped', line: 2, reason: 'dnf log line is not a package change' },
      { outcome: 'skipped', line: 3, reason: 'continuation of a multi-line dnf log message' },
    ]);
    expect(run(dnfLogAdapter, 'hello\n')).toEqual([{ outcome: 'rejected', line: 1, reason: 'not a dnf log line (expected "<ISO time> <LEVEL> <message>"): "hello"' }]);
  });

  it('rejects a bad package, a bad date and a missing host with the field', () => {
    expect(run(dnfLogAdapter, '2024-01-15T10:22:31+0000 SUBDEBUG Installed: curl\n')).toEqual([{ outcome: 'rejected', line: 1, field: 'package', reason: 'is not an rpm name-version-release.arch: "curl"' }]);
    expect(run(dnfLogAdapter, '2024-01-15T10:22:31+0000 SUBDEBUG Upgrade: curl\n')).toEqual([{ outcome: 'rejected', line: 1, field: 'package', reason: 'is not an rpm name-version-release.arch: "curl"' }]);
    expect(run(dnfLogAdapter, '2024-02-30T10:22:31+0000 SUBDEBUG Erase: curl-7.76.1-26.el9.x86_64\n')).toEqual([{ outcome: 'rejected', line: 1, field: 'timestamp', reason: 'is not a valid date: "2024-02-30T10:22:31+0000"' }]);
    expect(run(dnfLogAdapter, '2024-01-15T10:22:31+0000 SUBDEBUG Upgrade: curl-7.76.1-26.el9_3.2.x86_64\n', { hostName: undefined })).toEqual([
      { outcome: 'rejected', line: 1, field: 'host', reason: 'this log does not name its host: pass --host <name> with the host it was collected from' },
    ]);
  });

  it('gives the same line the same id on replay', () => {
    const ids = packageEvents(outcomes).map((e) => e.id);
    expect(new Set(ids).size).toBe(7);
    expect(packageEvents(run(dnfLogAdapter, fixture('dnf.rpm.log'))).map((e) => e.id)).toEqual(ids);
  });
});

describe('dnf.log transaction tables', () => {
  const outcomes = run(dnfLogAdapter, fixture('dnf.log'), { fileName: '/var/log/dnf.log', hostName: 'build-12' });
  const changes = (list: LineOutcome[]) => packageEvents(list).map(({ op, name, version, arch, repository }) => ({ op, name, version, arch, repository }));
  const notClaimed = (list: LineOutcome[]) => list.flatMap((o) => (o.outcome === 'skipped' && /not claimed|never completed/.test(o.reason) ? [[o.line, o.reason]] : []));

  it('claims the rows of the runs that completed, each with its repository, at its own line', () => {
    expect(changes(outcomes)).toEqual([
      { op: 'install', name: 'example-agent', version: '2.4.1-1.el9', arch: 'x86_64', repository: 'example-vendor' },
      { op: 'install', name: 'libsodium', version: '1.0.18-8.el9', arch: 'x86_64', repository: 'epel' },
      { op: 'install', name: 'python3-example-agent-telemetry-exporter', version: '2.4.1-1.el9', arch: 'noarch', repository: 'example-vendor' },
      { op: 'install', name: 'kernel', version: '5.14.0-362.24.1.el9_3', arch: 'x86_64', repository: 'baseos' },
      { op: 'upgrade', name: 'example-agent', version: '2.5.0-1.el9', arch: 'x86_64', repository: 'example-vendor' },
      { op: 'upgrade', name: 'nodejs', version: '1:18.19.0-1.module+el9.3.0+21053+3cf6bd52', arch: 'x86_64', repository: 'appstream' },
      { op: 'upgrade', name: 'python3-example-agent-telemetry-exporter', version: '2.5.0-1.el9', arch: 'noarch', repository: 'example-vendor' },
      { op: 'remove', name: 'python3-example-agent-metrics', version: '2.3.0-2.el9', arch: 'noarch', repository: undefined },
      { op: 'install', name: 'kernel-core', version: '5.14.0-362.24.1.el9_3', arch: 'x86_64', repository: 'baseos' },
    ]);
    expect(outcomes.filter((o) => o.outcome === 'events').map((o) => o.line)).toEqual([33, 35, 36, 125, 127, 128, 130, 132, 134]);
  });

  it('dates the changes when the transaction started running, and keeps the command', () => {
    const [first] = packageEvents(outcomes);
    expect(first).toMatchObject({ kind: 'package', manager: 'dnf', ts: ts('2024-03-05T14:02:14Z'), host: { id: 'build-12', os: 'linux' }, commandLine: 'dnf install -y example-agent', source: { format: 'dnf' } });
    expect(packageEvents(outcomes)[3]).toMatchObject({ ts: ts('2024-03-06T03:10:08Z'), commandLine: 'dnf upgrade -y' });
  });

  it('claims nothing of a declined, a failed or a download-only run, saying why on every planned line', () => {
    expect(notClaimed(outcomes).filter(([line]) => (line as number) < 263)).toEqual([
      [86, "the dnf transaction failed (Operation aborted.): the table's planned changes are not claimed"],
      [90, "the dnf transaction failed (Operation aborted.): the table's planned changes are not claimed"],
      [183, "the dnf transaction failed (Error: Transaction test error:): the table's planned changes are not claimed"],
      [187, "the dnf transaction failed (Error: Transaction test error:): the table's planned changes are not claimed"],
      [225, "dnf only downloaded the packages (DNF will only download packages for the transaction.): the table's planned changes are not claimed"],
      [229, "dnf only downloaded the packages (DNF will only download packages for the transaction.): the table's planned changes are not claimed"],
      [230, "dnf only downloaded the packages (DNF will only download packages for the transaction.): the table's planned changes are not claimed"],
    ]);
  });

  it('rejects the table of a run cut off before its result, when the next run starts or the log ends', () => {
    const cutOff = { outcome: 'rejected', line: 263, field: 'Complete!', reason: 'is missing: the dnf run was cut off (killed, still running, or the log copy ends mid-run), so its planned changes are not claimed' };
    expect(outcomes.filter((o) => o.outcome === 'rejected')).toEqual([cutOff]);
    expect(notClaimed(outcomes).filter(([line]) => line === 267)).toEqual([[267, 'planned in the dnf transaction at line 263, which never completed']]);
    const lines = fixture('dnf.log').split('\n');
    const endsMidRun = run(dnfLogAdapter, lines.slice(0, lines.indexOf('2024-03-06T03:10:08+0000 INFO Running transaction') + 1).join('\n'));
    expect(endsMidRun.filter((o) => o.outcome === 'rejected')).toEqual([{ ...cutOff, line: 121 }]);
    expect(changes(endsMidRun)).toHaveLength(3);
  });

  it('gives every non-blank line one outcome', () => {
    const text = fixture('dnf.log');
    expect(outcomes).toHaveLength(text.split('\n').filter((l) => l.trim() !== '').length);
    expect(outcomes.filter((o) => o.outcome === 'skipped' && o.reason === 'wrapped rest of a dnf transaction table row').map((o) => o.line)).toEqual([37, 129, 131]);
  });

  it('gives a replayed row the same id, and the same package in another run another one', () => {
    const ids = packageEvents(outcomes).map((e) => e.id);
    expect(new Set(ids).size).toBe(9);
    expect(packageEvents(run(dnfLogAdapter, fixture('dnf.log'), { hostName: 'build-12' })).map((e) => e.id)).toEqual(ids);
  });

  /** A run around one table: its first line, the rows given, then the run's end. */
  const tableRun = (rows: string[], after = ['2024-03-05T14:02:14Z INFO Running transaction', '2024-03-05T14:02:16Z INFO Complete!']) =>
    run(dnfLogAdapter, ['2024-03-05T14:02:12Z INFO ' + '='.repeat(80), ' Package        Arch    Version        Repository   Size', '='.repeat(80), ...rows, ...after].join('\n'));

  it('reads older dnf\'s Z times and a size in bytes', () => {
    const result = tableRun(['Installing:', ' tiny           noarch  1.0-1.fc33     fedora        512']);
    expect(packageEvents(result)[0]).toMatchObject({ name: 'tiny', repository: 'fedora', ts: ts('2024-03-05T14:02:14Z') });
  });

  it.each([
    ['a version that is not one', [' curl           x86_64  latest         baseos       294 k'], { line: 5, field: 'Version', reason: 'is not an rpm [epoch:]version-release: "latest"' }],
    ['a row with a column too many', [' curl           x86_64  7.76-1.el9     baseos extra 294 k'], { line: 5, field: 'Size', reason: 'is not a size such as "47 k" (too many columns?): "extra 294 k"' }],
    ['a wrapped row whose rest never comes', [' a-very-long-package-name-indeed', 'Installing dependencies:'], { line: 5, field: 'Arch', reason: 'is missing: the table row "a-very-long-package-name-indeed" ends before its Arch, Version, Repository, Size' }],
    ['text that is no table line', [' curl           x86_64  7.76-1.el9     baseos       294 k', 'Total: 3'], { line: 6, reason: 'not a line of a dnf transaction table (a section title, a package row or its wrapped rest): "Total: 3"' }],
  ])('rejects %s by line and column, and claims the rest', (_name, rows, rejected) => {
    const result = tableRun(['Installing:', ...rows]);
    expect(result.filter((o) => o.outcome === 'rejected')).toEqual([{ outcome: 'rejected', ...rejected }]);
  });

  it('rejects a row before any section and a table in another language', () => {
    expect(tableRun([' curl  x86_64  7.76-1.el9  baseos  294 k']).filter((o) => o.outcome === 'rejected')).toEqual([
      { outcome: 'rejected', line: 4, field: 'section', reason: 'is missing: a package row before any section title ("Installing:", "Upgrading:", ...): "curl  x86_64  7.76-1.el9  baseos  294 k"' },
    ]);
    const german = run(dnfLogAdapter, ['2024-03-05T14:02:12Z INFO ' + '='.repeat(80), ' Paket          Architektur  Version   Paketquelle   Größe', 'Installieren:', ' curl  x86_64  7.76-1.el9  baseos  294 k', '2024-03-05T14:02:16Z INFO Komplett!'].join('\n'));
    expect(german.filter((o) => o.outcome === 'rejected')).toEqual([
      { outcome: 'rejected', line: 2, field: 'table', reason: 'dnf transaction table header is not "Package Arch Version Repository Size" (only English tables are read): "Paket          Architektur  Version   Paketquelle   Größe"' },
    ]);
    expect(german).toContainEqual({ outcome: 'skipped', line: 1, reason: 'dnf log line that starts no readable transaction table' });
  });

  it('skips the rows of sections that list no package changes', () => {
    const skippedSection = "dnf transaction table section 'Skipping packages with broken dependencies' lists no package changes";
    const result = tableRun([
      'Skipping packages with broken dependencies:',
      "(add '--best' to command line to see why package dependency cannot be satisfied)",
      ' SuperRipper    x86_64  1.3-1          thirdparty   6.2 k',
      ' a-package-name-wider-than-its-column',
      '                x86_64  1.3-1          thirdparty   6.2 k',
    ]);
    expect(result.filter((o) => o.outcome !== 'skipped' || o.reason === skippedSection)).toEqual([6, 7, 8].map((line) => ({ outcome: 'skipped', line, reason: skippedSection })));
  });
});

describe('rpm package names', () => {
  it('reads dnf (name-epoch:version) and yum (epoch:name-version) forms, arch or not', () => {
    expect(parseRpmPackage('openssl-libs-1:3.2.2-6.el9.x86_64')).toEqual({ name: 'openssl-libs', version: '1:3.2.2-6.el9', arch: 'x86_64' });
    expect(parseRpmPackage('1:openssl-1.0.2k-26.el7_9.x86_64')).toEqual({ name: 'openssl', version: '1:1.0.2k-26.el7_9', arch: 'x86_64' });
    expect(parseRpmPackage('bash-0:5.1.8-9.el9.aarch64')).toEqual({ name: 'bash', version: '5.1.8-9.el9', arch: 'aarch64' });
    expect(parseRpmPackage('gpg-pubkey-fd431d51-4ae0493b')).toEqual({ name: 'gpg-pubkey', version: 'fd431d51-4ae0493b', arch: undefined });
    expect(parseRpmPackage('nfs-utils')).toBeUndefined();
    expect(parseRpmPackage('a b-1-1.x86_64')).toBeUndefined();
  });
});

describe('yum.log adapter', () => {
  const outcomes = run(yumLogAdapter, fixture('yum.log'), { fileName: '/var/log/yum.log-20240401' });

  it('maps Installed, Updated and Erased lines, with the year from the rotated file name', () => {
    expect(packageEvents(outcomes).map(({ op, name, version, arch, ts: at }) => ({ op, name, version, arch, at: new Date(at).toISOString() }))).toEqual([
      { op: 'upgrade', name: 'curl', version: '7.29.0-59.el7_9.2', arch: 'x86_64', at: '2024-01-15T10:22:31.000Z' },
      { op: 'upgrade', name: 'libcurl', version: '7.29.0-59.el7_9.2', arch: 'x86_64', at: '2024-01-15T10:22:31.000Z' },
      { op: 'install', name: 'nfs-utils', version: '1:1.3.0-0.68.el7.2', arch: 'x86_64', at: '2024-01-15T10:22:34.000Z' },
      { op: 'remove', name: 'telnet', version: '1:0.17-66.el7', arch: 'x86_64', at: '2024-02-02T09:14:07.000Z' },
      { op: 'remove', name: 'httpd-tools', version: undefined, arch: undefined, at: '2024-02-02T09:15:00.000Z' },
      { op: 'install', name: 'acme-agent', version: '2.4.1-1.el7', arch: 'noarch', at: '2024-03-01T16:40:12.000Z' },
    ]);
    expect(packageEvents(outcomes)[0]).toMatchObject({ kind: 'package', manager: 'yum', host: linuxHost, source: { format: 'yum' } });
    expect(packageEvents(outcomes)[0]!.previousVersion).toBeUndefined();
  });

  it('puts lines after the rotation day in the year before, and Feb 29 in a leap year', () => {
    const at = (line: string, fileName: string) => new Date(packageEvents(run(yumLogAdapter, `${line}\n`, { fileName }))[0]!.ts).toISOString();
    expect(at('Dec 30 23:10:00 Installed: vim-enhanced-7.4.629-8.el7_9.x86_64', 'yum.log-20240101')).toBe('2023-12-30T23:10:00.000Z');
    expect(at('Jan 01 00:05:00 Installed: vim-enhanced-7.4.629-8.el7_9.x86_64', 'yum.log-20240101')).toBe('2024-01-01T00:05:00.000Z');
    expect(at('Feb 29 08:00:00 Installed: vim-enhanced-7.4.629-8.el7_9.x86_64', 'yum.log-20250301')).toBe('2024-02-29T08:00:00.000Z');
  });

  it('places lines of the live yum.log within the last year, and keeps the id free of the inferred year', () => {
    const [event] = packageEvents(run(yumLogAdapter, 'Jan 15 10:22:31 Updated: curl-7.29.0-59.el7_9.2.x86_64\n', { fileName: '/var/log/yum.log' }));
    expect(event!.ts).toBeLessThanOrEqual(Date.now());
    expect(event!.ts).toBeGreaterThan(Date.now() - 366 * 86_400_000);
    expect(event!.id).toBe(packageEvents(outcomes)[0]!.id);
  });

  it('skips Cleanup lines and rejects malformed ones with the field', () => {
    const one = (line: string) => run(yumLogAdapter, `${line}\n`, { fileName: 'yum.log-20240401' })[0];
    expect(one('Jan 15 10:22:31 Cleanup: curl-7.29.0-59.el7_9.1.x86_64')).toEqual({ outcome: 'skipped', line: 1, reason: 'yum Cleanup line is not a package change' });
    expect(one('Feb 30 10:22:31 Installed: curl-7.29.0-59.el7_9.1.x86_64')).toEqual({ outcome: 'rejected', line: 1, field: 'timestamp', reason: 'is not a valid date: "Feb 30 10:22:31"' });
    expect(one('Foo 10 10:22:31 Installed: curl-7.29.0-59.el7_9.1.x86_64')).toEqual({ outcome: 'rejected', line: 1, field: 'timestamp', reason: 'is not a valid date: "Foo 10 10:22:31"' });
    expect(one('Jan 15 10:22:31 Installed: curl')).toEqual({ outcome: 'rejected', line: 1, field: 'package', reason: 'is not an rpm [epoch:]name-version-release.arch: "curl"' });
    expect(one('Jan 15 10:22:31 Rebooted: now')).toMatchObject({ outcome: 'rejected', line: 1, reason: expect.stringMatching(/^not a yum.log line/) });
    expect(run(yumLogAdapter, 'Jan 15 10:22:31 Installed: curl-7.29.0-59.el7_9.1.x86_64\n', { fileName: 'yum.log-20240401', hostName: undefined })[0]).toMatchObject({ outcome: 'rejected', field: 'host' });
  });
});

describe('Homebrew install receipt adapter', () => {
  const outcomes = run(brewAdapter, fixture('brew-receipts.txt'), { fileName: 'receipts.txt' });

  it('reads receipts printed by tail -n +1, one event at each header line, named by its keg or cask path', () => {
    expect(summary(outcomes)).toEqual([
      { line: 1, events: ['install curl'] },
      { line: 54, events: ['install acme-cli'] },
      { line: 92, events: ['install firefox'] },
    ]);
    const [curl, local, cask] = packageEvents(outcomes);
    expect(curl).toMatchObject({ kind: 'package', manager: 'brew', op: 'install', name: 'curl', version: '8.5.0', arch: 'arm64', repository: 'homebrew/core', ts: 1705314151000, host: { id: 'web-01', os: 'macos' }, source: { format: 'brew-receipt' } });
    expect(local).toMatchObject({ name: 'acme-cli', version: '2.4.1_1', repository: '/Users/alice/Downloads/acme-cli.rb', ts: 1705401234000 });
    expect(cask).toMatchObject({ name: 'firefox', version: '121.0.1', repository: 'homebrew/cask', ts: 1705487000000 });
  });

  it('reads a single receipt given with its path, with the same id as in a tail listing', () => {
    const single = run(brewAdapter, fixture('INSTALL_RECEIPT.json'), { fileName: '/opt/homebrew/Cellar/curl/8.5.0/INSTALL_RECEIPT.json' });
    expect(summary(single)).toEqual([{ line: 1, events: ['install curl'] }]);
    expect(packageEvents(single)[0]!.id).toBe(packageEvents(outcomes)[0]!.id);
  });

  it('places a Linuxbrew receipt on a Linux host', () => {
    const text = `==> /home/linuxbrew/.linuxbrew/Cellar/jq/1.7.1/INSTALL_RECEIPT.json <==\n{"time": 1705314151, "arch": "x86_64", "source": {"tap": "homebrew/core"}, "built_on": {"os": "Linux"}}\n`;
    expect(packageEvents(run(brewAdapter, text))[0]).toMatchObject({ name: 'jq', version: '1.7.1', host: { os: 'linux' } });
  });

  it('rejects broken receipts, receipts without a time, paths that name no package, and a missing host', () => {
    const receipt = (json: string, receiptPath = '/opt/homebrew/Cellar/jq/1.7.1/INSTALL_RECEIPT.json') => run(brewAdapter, `==> ${receiptPath} <==\n${json}\n`)[0];
    expect(receipt('{"time": 1705314151,')).toMatchObject({ outcome: 'rejected', line: 1, field: 'INSTALL_RECEIPT.json', reason: expect.stringMatching(/^is not valid JSON \(.*\): \/opt\/homebrew\/Cellar\/jq\/1\.7\.1\/INSTALL_RECEIPT\.json$/) });
    expect(receipt('[1, 2]')).toEqual({ outcome: 'rejected', line: 1, field: 'INSTALL_RECEIPT.json', reason: 'is not a JSON object: /opt/homebrew/Cellar/jq/1.7.1/INSTALL_RECEIPT.json' });
    expect(receipt('{"time": null}')).toEqual({ outcome: 'rejected', line: 1, field: 'time', reason: 'is missing' });
    expect(receipt('{"time": "yesterday"}')).toEqual({ outcome: 'rejected', line: 1, field: 'time', reason: 'must be epoch seconds, got "\\"yesterday\\""' });
    expect(receipt('{"time": 1705314151, "source": {"tap": 7}}')).toEqual({ outcome: 'rejected', line: 1, field: 'source.tap', reason: 'must be a string, got "7"' });
    expect(receipt('{"time": 1705314151}', '/tmp/INSTALL_RECEIPT.json')).toMatchObject({ outcome: 'rejected', line: 1, field: 'path', reason: expect.stringContaining('the receipt does not name its package: "/tmp/INSTALL_RECEIPT.json"') });
    expect(run(brewAdapter, '==> /opt/homebrew/Cellar/jq/1.7.1/INSTALL_RECEIPT.json <==\n')).toEqual([
      { outcome: 'rejected', line: 1, field: 'INSTALL_RECEIPT.json', reason: 'is empty: /opt/homebrew/Cellar/jq/1.7.1/INSTALL_RECEIPT.json' },
    ]);
    expect(run(brewAdapter, fixture('brew-receipts.txt'), { hostName: undefined }).map((o) => o.outcome === 'rejected' && o.field)).toEqual(['host', 'host', 'host']);
  });
});

describe('package log detection', () => {
  const samples: [TextAdapter, string, string][] = [
    [dpkgLogAdapter, fixture('dpkg.log'), '/var/log/dpkg.log'],
    [aptHistoryAdapter, fixture('history.log'), '/var/log/apt/history.log'],
    [dnfLogAdapter, fixture('dnf.rpm.log'), '/var/log/dnf.rpm.log'],
    [dnfLogAdapter, fixture('dnf.log'), '/var/log/dnf.log'],
    [yumLogAdapter, fixture('yum.log'), '/var/log/yum.log'],
    [brewAdapter, fixture('brew-receipts.txt'), 'receipts.txt'],
  ];
  /** The first five non-blank lines, as ingest hands them to detect. */
  const head = (text: string) => text.split('\n').filter((l) => l.trim() !== '').slice(0, 5);

  it('each adapter claims its own log and none of the others, whatever the file is called', () => {
    expect(packageLogAdapters).toHaveLength(5);
    for (const [owner, text, fileName] of samples) {
      for (const name of [fileName, 'input.log', '-']) {
        const claimants = packageLogAdapters.filter((a) => a.detect(head(text), name)).map((a) => a.format);
        expect({ fileName: name, claimants }).toEqual({ fileName: name, claimants: [owner.format] });
      }
    }
  });

  it('claims an apt history.log that starts mid-block only by its file name, and a single receipt by its name', () => {
    const midBlock = ['Commandline: apt-get install -y curl', 'Install: curl:amd64 (7.88.1-10+deb12u5)', 'End-Date: 2024-01-15  10:22:33'];
    expect(aptHistoryAdapter.detect(midBlock, '/var/log/apt/history.log')).toBe(true);
    expect(aptHistoryAdapter.detect(midBlock, 'notes.txt')).toBe(false);
    expect(brewAdapter.detect(head(fixture('INSTALL_RECEIPT.json')), '/opt/homebrew/Cellar/curl/8.5.0/INSTALL_RECEIPT.json')).toBe(true);
  });

  it('claims no syslog, JSON or free text', () => {
    const others = [
      ['Jan 15 10:22:31 web-01 sshd[812]: Accepted publickey for alice'],
      ['{"event_type":9,"process":{"audit_token":{"pid":1}}}'],
      ['2024-01-15 10:22:31,123 INFO some java service started'],
      ['2024-01-15T10:22:31Z web-01 kernel: usb 1-1: new device'],
      ['hello world'],
      [],
    ];
    for (const lines of others) expect(packageLogAdapters.filter((a) => a.detect(lines, 'input.log')).map((a) => a.format)).toEqual([]);
  });
});
