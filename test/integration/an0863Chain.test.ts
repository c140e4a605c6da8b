import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTuningFile, setConfiguredTuning } from '../../src/analytics/tuning.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { freshGraph, useFreshGraph, writeAndDetect } from '../support/graph.js';

const t0 = Date.parse('2024-08-01T09:00:00Z');

/** dnf installs a package from `repository`; the binary it wrote starts under systemd a minute later, and does nothing else. */
function installFrom(hostId: string, repository: string | undefined, signingKey?: string): NormalizedEvent[] {
  const host = { id: hostId, name: hostId, os: 'linux' as const };
  const at = (id: string, ts: number) => ({ v: 1 as const, id: `${hostId}-${id}`, ts, host, source: { format: 'test', recordId: `${hostId}-${id}` } });
  const dnf = { uid: `${hostId}|dnf`, pid: 900, image: '/usr/bin/dnf' };
  const systemd = { uid: `${hostId}|systemd`, pid: 1, image: '/usr/lib/systemd/systemd' };
  return [
    { ...at('systemd', t0 - 86_400_000), kind: 'process.start', process: { ...systemd, commandLine: '/usr/lib/systemd/systemd' } },
    { ...at('dnf', t0), kind: 'process.start', process: { ...dnf, commandLine: 'dnf install -y example-agent' } },
    { ...at('write', t0 + 1_000), kind: 'file', op: 'create', actor: dnf, path: '/usr/bin/example-agent' },
    { ...at('package', t0 + 2_000), kind: 'package', op: 'install', manager: 'dnf', name: 'example-agent', version: '1.0-1', repository, signingKey },
    { ...at('run', t0 + 60_000), kind: 'process.start', process: { uid: `${hostId}|agent`, pid: 1200, image: '/usr/bin/example-agent', commandLine: '/usr/bin/example-agent --daemon' }, parent: systemd },
  ];
}

describe("AN0863 judges an install's repository against ApprovedRepos by id, family or host, not by any fragment", () => {
  const graph = useFreshGraph();

  const cases: Array<[string, boolean]> = [
    ['updates', false],
    ['rhel-9-for-x86_64-baseos-rpms', false],
    ['http://deb.debian.org/debian', false],
    ['evil-updates', true], // contains an approved id
    ['copr:copr.fedorainfracloud.org:someone:agent', true], // contains "fedora"
    ['http://deb.debian.org.evil.example/debian', true], // a host that begins like an approved one
    ['epel', true],
  ];
  it.each(cases)('repository %s: flagged %s', async (repository, flagged) => {
    const hostId = `repo-${cases.findIndex(([r]) => r === repository)}`;
    const events = installFrom(hostId, repository);
    await writeAndDetect(graph.driver, events);
    const found = (await new FindingsService(graph.driver).list({ analytic: 'AN0863', hostName: hostId }, 10)).items;
    expect(found.map((f) => f.signals), repository).toEqual(flagged ? [['unapprovedRepo']] : []);
  });
});

describe('AN0863 approves a signing key by a long key id only', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'an0863-keys-')), 'tuning.yaml');
    // A long key id (with 0x, as gpg prints it) and a short one, which anyone can forge a key for.
    fs.writeFileSync(file, 'AN0863:\n  ApprovedRepos: [updates, "0x0123456789ABCDEF", "DEADBEEF", "9999 AAAA BBBB CCCC"]\n');
    setConfiguredTuning(loadTuningFile(file));
  });
  afterAll(async () => {
    setConfiguredTuning(undefined);
    await driver.close();
  });

  it('approves a key whose fingerprint ends with the long id, and not one matched only by a short id', async () => {
    const keys: Array<[string, string]> = [['key-long', 'AAAA BBBB CCCC DDDD EEEE 0123 4567 89AB CDEF'], ['key-spaced', '1234 5678 1234 5678 1234 9999 AAAA BBBB CCCC'], ['key-short', '1111 2222 3333 4444 5555 6666 7777 DEAD BEEF']];
    for (const [hostId, key] of keys) {
      const events = installFrom(hostId, undefined, key);
      await writeAndDetect(driver, events);
    }
    const found = (await new FindingsService(driver).list({ analytic: 'AN0863' }, 10)).items;
    expect(found.map((f) => [f.hostName, f.signals])).toEqual([['key-short', ['unapprovedRepo']]]);
  });
});

describe('AN0863 judges every name looked up for a shared address just before the connection, not any approved one', () => {
  const graph = useFreshGraph();

  const connectAt = t0 + 61_000;
  /** The installed agent connects to an address the host's resolver had resolved `lookups` to (name, ms before the connection). */
  function connectionAfterLookups(hostId: string, lookups: Array<[string, number]>): NormalizedEvent[] {
    const host = { id: hostId, name: hostId, os: 'linux' as const };
    const at = (id: string, ts: number) => ({ v: 1 as const, id: `${hostId}-${id}`, ts, host, source: { format: 'test', recordId: `${hostId}-${id}` } });
    const resolver = { uid: `${hostId}|resolved`, pid: 500, image: '/usr/lib/systemd/systemd-resolved' };
    return [
      ...installFrom(hostId, 'updates'),
      ...lookups.map(([name, before], i): NormalizedEvent => ({ ...at(`dns-${i}`, connectAt - before), kind: 'dns.query', actor: resolver, query: name, answers: ['151.101.2.132'] })),
      { ...at('conn', connectAt), kind: 'network.connect', actor: { uid: `${hostId}|agent`, pid: 1200, image: '/usr/bin/example-agent' }, direction: 'outbound', protocol: 'tcp', dstIp: '151.101.2.132', dstPort: 443 },
    ];
  }

  it('flags an unapproved name looked up moments before an approved one, and an old one only when it is the last', async () => {
    const cases: Array<[string, Array<[string, number]>]> = [
      ['cdn-shared', [['payload.evil.example', 11_000], ['deb.debian.org', 10_000]]], // an approved look-up last vouches for nothing
      ['cdn-approved', [['deb.debian.org', 10_000]]],
      ['cdn-old-unrelated', [['www.unrelated.example', 30 * 60_000], ['deb.debian.org', 10_000]]], // a browser's, half an hour earlier
      ['cdn-only-old', [['payload.evil.example', 30 * 60_000]]],
    ];
    for (const [hostId, lookups] of cases) {
      const events = connectionAfterLookups(hostId, lookups);
      await writeAndDetect(graph.driver, events);
    }
    const found = (await new FindingsService(graph.driver).list({ analytic: 'AN0863' }, 10)).items;
    expect(found.map((f) => [f.hostName, f.signals, f.facts.destinations]).sort()).toEqual([
      ['cdn-only-old', ['unapprovedHost'], ['payload.evil.example']],
      ['cdn-shared', ['unapprovedHost'], ['payload.evil.example']],
    ]);
  });
});
