import { FieldError, type ParseOutcome } from '../adapter.js';
import type { NetworkEvent } from '../../model/event.js';
import { actorOf, baseOf, type Context } from './context.js';
import { ipText, isObj, keywords, lookup, parseInteger, requireText, textAt, type Obj } from './fields.js';

/**
 * The end of a connection repeats one already recorded when it opened. Elastic Endpoint:
 * disconnect_received, udp_flow_ended; Auditbeat socket before 7.5: socket_closed.
 */
const CONNECTION_ENDS = new Set(['disconnect_received', 'udp_flow_ended', 'socket_closed', 'connection_closed']);

const OUTBOUND_ACTIONS = new Set(['connection_attempted', 'udp_flow_outbound', 'socket_opened']);
const INBOUND_ACTIONS = new Set(['connection_accepted', 'udp_flow_inbound']);

export function networkEvents(ctx: Context): ParseOutcome {
  const r = ctx.record;
  const action = keywords(r, 'event.action')[0];
  if (action && CONNECTION_ENDS.has(action)) return { outcome: 'skipped', reason: `ecs network event '${action}' is not modelled (the connection was recorded when it opened)` };
  const event: NetworkEvent = {
    ...baseOf(ctx, 'network.connect'),
    kind: 'network.connect',
    actor: actorOf(ctx),
    direction: directionOf(r, action),
    protocol: textAt(r, 'network.transport')?.toLowerCase(),
    srcIp: ipText(lookup(r, 'source.ip')),
    srcPort: parseInteger(r, 'source.port'),
    dstIp: destinationIp(r),
    dstPort: parseInteger(r, 'destination.port'),
    dstHostname: textAt(r, 'destination.domain')?.toLowerCase(),
  };
  return { outcome: 'events', events: [event] };
}

function destinationIp(r: Obj): string {
  const raw = lookup(r, 'destination.ip') ?? lookup(r, 'destination.address');
  if (raw === undefined) throw new FieldError('destination.ip', 'is missing');
  const ip = ipText(raw);
  if (!ip) throw new FieldError('destination.ip', `is not an IP address: ${JSON.stringify(raw)}`);
  return ip;
}

/** ECS: egress / ingress from the host's view, outbound / inbound from the perimeter's; else the action says. */
function directionOf(r: Obj, action: string | undefined): NetworkEvent['direction'] {
  const direction = textAt(r, 'network.direction')?.toLowerCase();
  if (direction === 'egress' || direction === 'outbound') return 'outbound';
  if (direction === 'ingress' || direction === 'inbound') return 'inbound';
  if (action && OUTBOUND_ACTIONS.has(action)) return 'outbound';
  if (action && INBOUND_ACTIONS.has(action)) return 'inbound';
  return 'unknown';
}

/**
 * A DNS lookup and its answers. Elastic Endpoint on Windows reports lookup_requested and then
 * lookup_result for the same query; only the result, which has the answers, is kept.
 */
export function dnsEvents(ctx: Context): ParseOutcome {
  const r = ctx.record;
  const action = keywords(r, 'event.action')[0];
  if (action === 'lookup_requested') return { outcome: 'skipped', reason: "ecs dns event 'lookup_requested' is not modelled (its lookup_result carries the answers)" };
  const event = {
    ...baseOf(ctx, 'dns.query'),
    kind: 'dns.query' as const,
    actor: actorOf(ctx),
    query: requireText(r, 'dns.question.name').toLowerCase().replace(/\.$/, ''),
    answers: dnsAnswers(r),
  };
  return { outcome: 'events', events: [event] };
}

/** IP answers from dns.resolved_ip, else from dns.answers[].data (CNAMEs and other records are left out). */
function dnsAnswers(r: Obj): string[] {
  const resolved = lookup(r, 'dns.resolved_ip');
  const answers = lookup(r, 'dns.answers');
  const candidates = resolved !== undefined ? asList(resolved) : asList(answers).map((a) => (isObj(a) ? lookup(a, 'data') : a));
  return [...new Set(candidates.map(ipText).filter((ip): ip is string => ip !== undefined))];
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
