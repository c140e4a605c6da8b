import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostKey } from '../../../src/adapters/identity.js';
import { zeekAdapter } from '../../../src/adapters/zeek/zeek.js';
import { projectRoot } from '../../../src/config/paths.js';
import type { NormalizedEvent } from '../../../src/model/event.js';
import { at, onlyEventFrom, type Rec } from '../../support/adapterHelpers.js';
const only = (record: Rec): NormalizedEvent => onlyEventFrom(zeekAdapter, record);



/** Zeek's JSON logs: one object per line. */
const log = (name: string): Rec[] =>
  fs
    .readFileSync(path.join(projectRoot, 'test', 'fixtures', 'zeek', name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Rec);
const conn = log('conn.log');
const dns = log('dns.log');



/** A copy with top-level (dotted-key) fields replaced; undefined deletes. */
function withFields(record: Rec, patch: Rec): Rec {
  const copy = { ...record };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

/** The same record with the `id.*` fields nested, as some pipelines write them. */
function nestId(record: Rec): Rec {
  const nested: Rec = { id: {} };
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('id.')) (nested.id as Rec)[key.slice(3)] = value;
    else nested[key] = value;
  }
  return nested;
}

const sslConn = at(conn, 0);
const aQuery = at(dns, 0);
const workstation = { id: hostKey('ip:10.20.30.42'), name: '10.20.30.42', os: 'unknown' };

describe('Zeek adapter: recognizes', () => {
  it('accepts conn.log and dns.log lines, with dotted or nested id fields', () => {
    for (const record of [...conn, ...dns]) expect(zeekAdapter.recognizes(record)).toBe(true);
    expect(zeekAdapter.recognizes(nestId(sslConn))).toBe(true);
  });

  it('wants a string uid and id.orig_h', () => {
    expect(zeekAdapter.recognizes(withFields(sslConn, { uid: undefined }))).toBe(false);
    expect(zeekAdapter.recognizes(withFields(sslConn, { uid: 42 }))).toBe(false);
    expect(zeekAdapter.recognizes(withFields(sslConn, { 'id.orig_h': undefined }))).toBe(false);
    expect(zeekAdapter.recognizes({ uid: 'x', id: 'C1' })).toBe(false);
  });

  it('never claims ECS (Filebeat zeek module included), Sysmon, Apple eslogger or OCSF records', () => {
    const zeekish = { uid: 'CbJ1Yw3vVQdMPXzk4a', 'id.orig_h': '10.20.30.42' };
    expect(zeekAdapter.recognizes({ ...zeekish, '@timestamp': '2023-03-29T10:05:14Z', event: { module: 'zeek', dataset: 'zeek.connection' } })).toBe(false);
    expect(zeekAdapter.recognizes({ ...zeekish, winlog: { channel: 'Microsoft-Windows-Sysmon/Operational' } })).toBe(false);
    expect(zeekAdapter.recognizes({ ...zeekish, EventID: 3 })).toBe(false);
    expect(zeekAdapter.recognizes({ ...zeekish, Event: { System: {} } })).toBe(false);
    expect(zeekAdapter.recognizes({ ...zeekish, event_type: 9, process: { audit_token: { pid: 1 } } })).toBe(false);
    expect(zeekAdapter.recognizes({ class_uid: 4001, metadata: { version: '1.1.0' }, src_endpoint: { ip: '10.20.30.42' } })).toBe(false);
  });
});

describe('Zeek adapter: conn.log', () => {
  it('maps a connection to network.connect with no actor, attributed by the originator address', () => {
    const event = only(sslConn);
    expect(event).toMatchObject({
      kind: 'network.connect',
      ts: 1680084314123,
      host: workstation,
      hostByIp: '10.20.30.42',
      source: { format: 'zeek', recordId: 'CbJ1Yw3vVQdMPXzk4a' },
      direction: 'outbound',
      protocol: 'tcp',
      srcIp: '10.20.30.42',
      srcPort: 51544,
      dstIp: '203.0.113.50',
      dstPort: 443,
    });
    expect(event).not.toHaveProperty('actor');
  });

  it('reads ISO 8601 timestamps (JSON::TS_ISO8601) to the same millisecond as float seconds, and the same id', () => {
    const iso = only(at(conn, 1));
    expect(iso.ts).toBe(1680084314123);
    expect(iso).toEqual(only(sslConn));
    // Cut, not rounded: .1239 s is 123 ms in both renderings.
    expect(only(withFields(sslConn, { ts: 1680084314.1239 })).ts).toBe(1680084314123);
    expect(only(withFields(sslConn, { ts: '2023-03-29T10:05:14.1239Z' })).ts).toBe(1680084314123);
  });

  it('reads epoch milliseconds (JSON::TS_MILLIS), a numeric string, and a non-UTC ISO offset', () => {
    expect(only(withFields(sslConn, { ts: 1680084314123 })).ts).toBe(1680084314123);
    expect(only(withFields(sslConn, { ts: '1680084314.123071' })).ts).toBe(1680084314123);
    expect(only(withFields(sslConn, { ts: '2023-03-29T12:05:14.5+02:00' })).ts).toBe(1680084314500);
  });

  it('gives direction from local_orig / local_resp: outbound, inbound, outbound when unknown, unknown for transit', () => {
    expect(only(at(conn, 2))).toMatchObject({ direction: 'inbound', srcIp: '193.10.255.99', hostByIp: '193.10.255.99', dstIp: '10.20.30.42', dstPort: 3389, ts: 1680084320500 });
    expect(only(at(conn, 3))).toMatchObject({ direction: 'outbound', protocol: 'udp', dstPort: 53 });
    expect(only(at(conn, 5))).toMatchObject({ direction: 'unknown' });
  });

  it('accepts T / F booleans and ports written as strings', () => {
    expect(only(withFields(at(conn, 2), { local_orig: 'F', local_resp: 'T' }))).toMatchObject({ direction: 'inbound' });
    expect(only(withFields(sslConn, { 'id.orig_p': '51544', 'id.resp_p': '443' }))).toEqual(only(sslConn));
  });

  it('leaves out ports for ICMP, where Zeek writes the message type and code in them', () => {
    const icmp = only(at(conn, 4));
    expect(icmp).toMatchObject({ kind: 'network.connect', protocol: 'icmp', dstIp: '198.51.100.7' });
    expect(icmp).not.toHaveProperty('srcPort');
    expect(icmp).not.toHaveProperty('dstPort');
  });

  it('reads nested id fields as it reads dotted ones', () => {
    expect(only(nestId(sslConn))).toEqual(only(sslConn));
  });
});

describe('Zeek adapter: dns.log', () => {
  it('maps a lookup to dns.query with the IP answers of a mixed answer list, lower-cased query', () => {
    const event = only(aQuery);
    expect(event).toMatchObject({ kind: 'dns.query', ts: 1680084313002, host: workstation, hostByIp: '10.20.30.42', query: 'akamaicontainer.com', answers: ['203.0.113.50', '203.0.113.51'] });
    expect(event).not.toHaveProperty('actor');
  });

  it('lower-cases IPv6 answers and drops the trailing dot of a query; a lookup without answers has none', () => {
    expect(only(at(dns, 1))).toMatchObject({ query: 'akamaicontainer.com', answers: ['2001:db8::50'] });
    expect(only(at(dns, 2))).toMatchObject({ query: 'updates.examplevendor.com', answers: [], ts: Date.parse('2023-03-29T10:05:17.391Z') });
  });

  it('deduplicates answers', () => {
    expect(only(withFields(aQuery, { answers: ['203.0.113.50', 'edge.akamaicontainer.com', '203.0.113.50'] }))).toMatchObject({ answers: ['203.0.113.50'] });
  });

  it('keeps apart lookups that share a uid, and a conn and a dns record of the same uid; replays keep their id', () => {
    const a = only(aQuery);
    const aaaa = only(at(dns, 1));
    const connection = only(at(conn, 3));
    expect(a.source.recordId).toBe(aaaa.source.recordId);
    expect(a.id).not.toBe(aaaa.id);
    expect(connection.source.recordId).toBe(a.source.recordId);
    expect(connection.id).not.toBe(a.id);
    expect(only(structuredClone(aQuery)).id).toBe(a.id);
  });
});

describe('Zeek adapter: skips what it does not model', () => {
  it('skips other logs named by _path, records that are neither conn nor dns, and DNS messages without a question', () => {
    const http = { _path: 'http', ts: 1680084315.1, uid: 'CbJ1Yw3vVQdMPXzk4a', 'id.orig_h': '10.20.30.42', method: 'GET', host: 'updates.examplevendor.com', uri: '/latest' };
    expect(zeekAdapter.parse(http)).toEqual({ outcome: 'skipped', reason: 'zeek http.log is not modelled' });
    const ssl = { ts: 1680084315.1, uid: 'CbJ1Yw3vVQdMPXzk4a', 'id.orig_h': '10.20.30.42', version: 'TLSv13', server_name: 'akamaicontainer.com' };
    expect(zeekAdapter.parse(ssl)).toEqual({ outcome: 'skipped', reason: 'zeek record is from neither conn.log nor dns.log: not modelled' });
    expect(zeekAdapter.parse(at(dns, 3))).toEqual({ outcome: 'skipped', reason: 'zeek dns.log record has no query (a DNS message without a question)' });
  });

  it('trusts _path over the fields', () => {
    expect(only(withFields(aQuery, { _path: 'dns' }))).toMatchObject({ kind: 'dns.query' });
    expect(only(withFields(sslConn, { _path: 'conn' }))).toMatchObject({ kind: 'network.connect' });
  });
});

describe('Zeek adapter: bad input is rejected with the field and reason, never thrown', () => {
  it.each([
    ['no ts', sslConn, { ts: undefined }, 'ts', 'is missing'],
    ['a ts that is not a time', sslConn, { ts: 'yesterday' }, 'ts', 'is not epoch seconds or an ISO 8601 time: "yesterday"'],
    ['a ts that is a boolean', sslConn, { ts: true }, 'ts', 'is not epoch seconds or an ISO 8601 time: true'],
    ['no uid', sslConn, { uid: undefined }, 'uid', 'is missing'],
    ['no originator address', sslConn, { 'id.orig_h': undefined }, 'id.orig_h', 'is missing'],
    ['an originator that is not an IP', sslConn, { 'id.orig_h': 'gateway' }, 'id.orig_h', 'is not an IP address: "gateway"'],
    ['no responder address', sslConn, { 'id.resp_h': undefined }, 'id.resp_h', 'is missing'],
    ['a non-integer port', sslConn, { 'id.resp_p': 'https' }, 'id.resp_p', 'must be an integer, got "https"'],
    ['a local_orig that is not a boolean', sslConn, { local_orig: 'maybe' }, 'local_orig', 'must be a boolean, got "maybe"'],
    ['dns answers that are not an array', aQuery, { answers: '203.0.113.50' }, 'answers', 'must be an array, got "203.0.113.50"'],
    ['a dns record without ts', aQuery, { ts: undefined }, 'ts', 'is missing'],
  ])('%s', (_name, record, patch, field, reason) => {
    expect(zeekAdapter.parse(withFields(record, patch))).toEqual({ outcome: 'rejected', field, reason });
  });

  it('rejects a nested id with a bad address under the same field name', () => {
    expect(zeekAdapter.parse(nestId(withFields(sslConn, { 'id.orig_h': 'gateway' })))).toEqual({ outcome: 'rejected', field: 'id.orig_h', reason: 'is not an IP address: "gateway"' });
  });
});
