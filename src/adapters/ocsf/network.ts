import { FieldError, type ParseOutcome } from '../adapter.js';
import type { DnsEvent, NetworkEvent } from '../../model/event.js';
import { baseOf, processRefAt, type Context } from './context.js';
import { arrayAt, domainName, integerAt, ipText, isObj, requireIp, requireText, show, textAt, valueAt, type Obj } from './fields.js';

type Direction = NetworkEvent['direction'];

/** Network Activity: Open or Traffic. Close, Reset, Fail, Refuse and Listen are skipped by the caller. */
export function connection(ctx: Context): ParseOutcome {
  const r = ctx.record;
  const srcIp = ipText(valueAt(r, 'src_endpoint.ip'));
  const dstIp = requireIp(r, 'dst_endpoint.ip');
  const event: NetworkEvent = {
    ...baseOf(ctx, 'network.connect'),
    kind: 'network.connect',
    actor: processRefAt(ctx, 'actor.process'),
    direction: directionOf(ctx, srcIp, dstIp),
    protocol: textAt(r, 'connection_info.protocol_name')?.toLowerCase(),
    srcIp,
    srcPort: integerAt(r, 'src_endpoint.port'),
    dstIp,
    dstPort: integerAt(r, 'dst_endpoint.port'),
    dstHostname: endpointName(r, 'dst_endpoint'),
    hostByIp: ctx.hostByIp,
  };
  return { outcome: 'events', events: [event] };
}

/** connection_info.direction_id: 1 Inbound, 2 Outbound. */
const DIRECTION_BY_ID: Record<number, Direction> = { 1: 'inbound', 2: 'outbound' };

/**
 * OCSF direction is relative to the network (3 Lateral, 4 Local say nothing about which end the
 * host was); without an inbound / outbound verdict, the device's own address tells. Traffic
 * attributed by its source address has the host as initiator.
 */
function directionOf(ctx: Context, srcIp: string | undefined, dstIp: string): Direction {
  const r = ctx.record;
  const id = integerAt(r, 'connection_info.direction_id');
  const byId = id === undefined ? undefined : DIRECTION_BY_ID[id];
  if (byId) return byId;
  const named = textAt(r, 'connection_info.direction')?.toLowerCase();
  if (named === 'inbound' || named === 'outbound') return named;
  const deviceIp = ipText(valueAt(r, 'device.ip'));
  if (deviceIp && deviceIp === srcIp) return 'outbound';
  if (deviceIp && deviceIp === dstIp) return 'inbound';
  return ctx.hostByIp ? 'outbound' : 'unknown';
}

/** The endpoint's fully qualified hostname, else its domain. */
function endpointName(r: Obj, path: string): string | undefined {
  const name = textAt(r, `${path}.hostname`) ?? textAt(r, `${path}.domain`);
  return name ? domainName(name) : undefined;
}

/** DNS Activity: Query, Response or Traffic. Answers keep the IP rdata (A / AAAA); CNAMEs and other records are left out. */
export function dnsQuery(ctx: Context): ParseOutcome {
  const r = ctx.record;
  const event: DnsEvent = {
    ...baseOf(ctx, 'dns.query'),
    kind: 'dns.query',
    actor: processRefAt(ctx, 'actor.process'),
    query: domainName(requireText(r, 'query.hostname')),
    answers: answerIps(r),
    hostByIp: ctx.hostByIp,
  };
  return { outcome: 'events', events: [event] };
}

function answerIps(r: Obj): string[] {
  const answers = arrayAt(r, 'answers') ?? [];
  const ips = answers.map((answer, i) => {
    if (!isObj(answer)) throw new FieldError(`answers[${i}]`, `must be a dns_answer object, got ${show(answer)}`);
    return ipText(answer.rdata);
  });
  return [...new Set(ips.filter((ip): ip is string => ip !== undefined))];
}
