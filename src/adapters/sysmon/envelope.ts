import { FieldError } from '../adapter.js';
import { text } from '../text.js';

export { text };

/**
 * A Sysmon event lifted out of whichever JSON rendering carried it. Three renderings are common:
 * evtx-to-JSON (`Event.System` / `Event.EventData`), Winlogbeat / Elastic Agent
 * (`winlog.event_data`), and flat NXLog-style records (fields at the top level). A fourth,
 * 'syslog-xml', is Sysmon for Linux: the event's XML inside a syslog message (see linuxXml.ts).
 */
export interface SysmonRecord {
  rendering: 'evtx-json' | 'winlogbeat' | 'flat' | 'syslog-xml';
  eventId: number;
  computer: string;
  recordId?: string;
  channel: string;
  systemTime?: string;
  data: Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The channel or provider name of a Windows-event-shaped record, in any rendering. */
export function windowsEventChannel(r: Obj): string | undefined {
  const system = isObj(r.Event) && isObj(r.Event.System) ? r.Event.System : undefined;
  if (system) {
    const provider = isObj(system.Provider) && isObj(system.Provider['#attributes']) ? system.Provider['#attributes'].Name : undefined;
    return text(system.Channel) ?? text(provider);
  }
  if (isObj(r.winlog)) return text(r.winlog.channel) ?? text(r.winlog.provider_name);
  if ('EventID' in r) return text(r.Channel) ?? text(r.SourceName);
  return undefined;
}

export const isSysmonChannel = (channel: string | undefined): boolean => !!channel && /sysmon/i.test(channel);

export function unwrapSysmon(r: Obj): SysmonRecord {
  if (isObj(r.Event) && isObj(r.Event.System)) return fromEvtxJson(r.Event);
  if (isObj(r.winlog)) return fromWinlogbeat(r);
  return fromFlat(r);
}

function fromEvtxJson(event: Obj): SysmonRecord {
  const system = event.System as Obj;
  const timeCreated = isObj(system.TimeCreated) && isObj(system.TimeCreated['#attributes']) ? system.TimeCreated['#attributes'].SystemTime : undefined;
  const eventIdValue = isObj(system.EventID) ? system.EventID['#text'] : system.EventID;
  return {
    rendering: 'evtx-json',
    eventId: eventIdOf(eventIdValue, 'Event.System.EventID'),
    computer: required(text(system.Computer), 'Event.System.Computer'),
    recordId: text(system.EventRecordID),
    channel: text(system.Channel) ?? 'Microsoft-Windows-Sysmon/Operational',
    systemTime: text(timeCreated),
    data: isObj(event.EventData) ? event.EventData : {},
  };
}

function fromWinlogbeat(r: Obj): SysmonRecord {
  const winlog = r.winlog as Obj;
  const hostName = isObj(r.host) ? text(r.host.name) : undefined;
  return {
    rendering: 'winlogbeat',
    eventId: eventIdOf(winlog.event_id ?? (isObj(r.event) ? r.event.code : undefined), 'winlog.event_id'),
    computer: required(text(winlog.computer_name) ?? hostName, 'winlog.computer_name'),
    recordId: text(winlog.record_id),
    channel: text(winlog.channel) ?? 'Microsoft-Windows-Sysmon/Operational',
    systemTime: text(r['@timestamp']),
    data: isObj(winlog.event_data) ? winlog.event_data : {},
  };
}

function fromFlat(r: Obj): SysmonRecord {
  return {
    rendering: 'flat',
    eventId: eventIdOf(r.EventID, 'EventID'),
    computer: required(text(r.Hostname) ?? text(r.Computer), 'Hostname'),
    recordId: text(r.RecordNumber) ?? text(r.EventRecordID),
    channel: text(r.Channel) ?? text(r.SourceName) ?? 'Microsoft-Windows-Sysmon/Operational',
    systemTime: text(r['@timestamp']),
    data: r,
  };
}

function eventIdOf(value: unknown, field: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n)) throw new FieldError(field, `event id must be an integer, got ${JSON.stringify(value)}`);
  return n;
}

function required(value: string | undefined, field: string): string {
  if (!value) throw new FieldError(field, 'is missing');
  return value;
}

