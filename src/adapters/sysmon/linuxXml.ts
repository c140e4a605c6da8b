import { FieldError, guard, type ParseOutcome, type SourceAdapter } from '../adapter.js';
import type { SysmonRecord } from './envelope.js';
import { readEventXml, type EventXml } from './eventXml.js';
import { parseSysmonRecord } from './sysmon.js';

/**
 * Sysmon for Linux writes each event as an XML `<Event>` document into syslog; collectors ship the
 * syslog record as JSON with the XML in its message field. The XML is lifted into a SysmonRecord
 * and mapped by the shared Sysmon mapping, so the same event reads the same in every rendering.
 */
export const sysmonLinuxXmlAdapter: SourceAdapter = {
  format: 'sysmon-syslog-xml',
  recognizes: (record) => {
    const message = sysmonMessage(record);
    return message !== undefined && sysmonProvider.test(message.xml);
  },
  parse: (record) => guard(() => parseSyslogRecord(record)),
};

/**
 * Where collectors put the syslog message: `SyslogMessage` (Azure Monitor / Sentinel Syslog table,
 * as in the OTRF Log4Shell dataset), `message` (Filebeat, Logstash), `Message` (NXLog).
 */
const messageFields = ['SyslogMessage', 'message', 'Message'] as const;
const sysmonProvider = /<Provider\s+Name\s*=\s*["'](?:Linux-Sysmon|Microsoft-Windows-Sysmon)["']/;

interface SyslogMessage {
  field: string;
  xml: string;
}

function sysmonMessage(record: Record<string, unknown>): SyslogMessage | undefined {
  for (const field of messageFields) {
    const value = record[field];
    if (typeof value === 'string' && value.includes('<Event')) return { field, xml: value };
  }
  return undefined;
}

function parseSyslogRecord(record: Record<string, unknown>): ParseOutcome {
  const message = sysmonMessage(record);
  if (!message) throw new FieldError(messageFields.join(' / '), 'holds no <Event> XML');
  if (!sysmonProvider.test(message.xml)) throw new FieldError(message.field, 'is an <Event> of a provider other than Sysmon');
  const event = readEventXml(message.xml);
  const sysmonRecord = toSysmonRecord(event, message.field);
  // Guarded here, not only at the boundary, so a rejection can be blamed on the truncation.
  const outcome = guard(() => parseSysmonRecord(sysmonRecord));
  return event.truncated ? blameTruncation(outcome, sysmonRecord, message.field) : outcome;
}

function toSysmonRecord(event: EventXml, field: string): SysmonRecord {
  const { system } = event;
  const isLinux = system.provider === 'Linux-Sysmon';
  return {
    rendering: 'syslog-xml',
    eventId: eventIdOf(systemValue(system.eventId, 'EventID', event, field), field),
    computer: systemValue(system.computer, 'Computer', event, field),
    recordId: system.recordId,
    // The channel decides the host's os in the shared mapping; Linux-Sysmon always writes this one.
    channel: system.channel ?? (isLinux ? 'Linux-Sysmon/Operational' : 'Microsoft-Windows-Sysmon/Operational'),
    systemTime: system.systemTime,
    data: event.data,
  };
}

function systemValue(value: string | undefined, tag: string, event: EventXml, field: string): string {
  const t = value?.trim();
  if (t) return t;
  throw new FieldError(field, event.truncated ? truncatedReason(`<${tag}>`) : `the Sysmon XML has no <${tag}>`);
}

function eventIdOf(value: string, field: string): number {
  if (!/^\d+$/.test(value)) throw new FieldError(field, `the Sysmon XML <EventID> must be an integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * A truncated record maps when what the event needs survived the cut (trailing optional fields were
 * lost). When the mapping rejects for a field the cut removed, the truncation is the real cause.
 */
function blameTruncation(outcome: ParseOutcome, rec: SysmonRecord, field: string): ParseOutcome {
  if (outcome.outcome !== 'rejected' || outcome.field === undefined || outcome.field in rec.data) return outcome;
  return { outcome: 'rejected', field, reason: truncatedReason(`EventData '${outcome.field}' (needed for Sysmon event ${rec.eventId})`) };
}

function truncatedReason(what: string): string {
  return `the Sysmon XML is truncated (cut before its closing </Event>, e.g. by the syslog size limit): ${what} is missing`;
}
