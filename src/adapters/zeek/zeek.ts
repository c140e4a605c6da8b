import { FieldError, guard, type ParseOutcome, type SourceAdapter } from '../adapter.js';
import { hostKey, shortHash } from '../identity.js';
import { EVENT_MODEL_VERSION, type DnsEvent, type HostRef, type NetworkEvent } from '../../model/event.js';
import { logTypeOf, looksLikeZeek } from './envelope.js';
import { boolField, domainName, field, integerField, ipText, requireIp, requireText, requireTime, show, text, type Obj } from './fields.js';

/**
 * Zeek conn.log and dns.log in Zeek's JSON output. Zeek sees traffic, not processes: events have no
 * actor and carry `hostByIp` (the originator's address), so the graph writer attributes them to the
 * host that had that address at the time, or to a placeholder host for the address.
 */
export const zeekAdapter: SourceAdapter = {
  format: 'zeek',
  recognizes: looksLikeZeek,
  parse: (record) => guard(() => parseZeek(record)),
};

function parseZeek(record: Obj): ParseOutcome {
  const logType = logTypeOf(record);
  if (logType === 'conn') return { outcome: 'events', events: [connEvent(record)] };
  if (logType === 'dns') return dnsOutcome(record);
  return { outcome: 'skipped', reason: logType ? `zeek ${logType}.log is not modelled` : 'zeek record is from neither conn.log nor dns.log: not modelled' };
}

interface Context {
  uid: string;
  ts: number;
  origIp: string;
}

function contextOf(record: Obj): Context {
  return { ts: requireTime(record, 'ts'), uid: requireText(record, 'uid'), origIp: requireIp(record, 'id.orig_h') };
}

/** The originator's address stands for a host Zeek cannot name; the graph writer swaps in the real host when it knows it. */
function placeholderHost(ip: string): HostRef {
  return { id: hostKey(`ip:${ip}`), name: ip, os: 'unknown' };
}

/** `identity` keeps apart events that share a uid: a conn and its dns records, and several lookups on one flow. */
function baseOf(ctx: Context, identity: string) {
  return {
    v: EVENT_MODEL_VERSION,
    id: shortHash(`zeek|${identity}`),
    ts: ctx.ts,
    host: placeholderHost(ctx.origIp),
    source: { format: 'zeek', recordId: ctx.uid },
  } as const;
}

function connEvent(record: Obj): NetworkEvent {
  const ctx = contextOf(record);
  const protocol = text(field(record, 'proto'))?.toLowerCase();
  // For ICMP Zeek writes the message type and code in the port fields; they are not ports.
  const ports = protocol === 'icmp' ? {} : { srcPort: integerField(record, 'id.orig_p'), dstPort: integerField(record, 'id.resp_p') };
  return {
    ...baseOf(ctx, `conn|${ctx.uid}`),
    kind: 'network.connect',
    direction: directionOf(record),
    protocol,
    srcIp: ctx.origIp,
    dstIp: requireIp(record, 'id.resp_h'),
    ...ports,
    hostByIp: ctx.origIp,
  };
}

/**
 * local_orig / local_resp come from Site::local_nets. Outbound when the originator is local or
 * Zeek was not told (no local_orig); inbound when only the responder is local; unknown when Zeek
 * says neither end is local (transit traffic).
 */
function directionOf(record: Obj): NetworkEvent['direction'] {
  const localOrig = boolField(record, 'local_orig');
  const localResp = boolField(record, 'local_resp');
  if (localOrig !== false) return 'outbound';
  return localResp === true ? 'inbound' : 'unknown';
}

/** A DNS message without a question (Zeek logs those too) names nothing to look up: skipped, not rejected. */
function dnsOutcome(record: Obj): ParseOutcome {
  const ctx = contextOf(record);
  const rawQuery = text(field(record, 'query'));
  if (!rawQuery) return { outcome: 'skipped', reason: 'zeek dns.log record has no query (a DNS message without a question)' };
  const query = domainName(rawQuery);
  const lookup = [text(field(record, 'trans_id')) ?? '', text(field(record, 'qtype_name')) ?? text(field(record, 'qtype')) ?? '', query].join('|');
  const event: DnsEvent = {
    ...baseOf(ctx, `dns|${ctx.uid}|${lookup}`),
    kind: 'dns.query',
    query,
    answers: answerIps(record),
    hostByIp: ctx.origIp,
  };
  return { outcome: 'events', events: [event] };
}

/** `answers` mixes names (CNAME, PTR, MX...) and addresses; only the addresses are kept. */
function answerIps(record: Obj): string[] {
  const raw = field(record, 'answers');
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new FieldError('answers', `must be an array, got ${show(raw)}`);
  return [...new Set(raw.map(ipText).filter((ip): ip is string => ip !== undefined))];
}
