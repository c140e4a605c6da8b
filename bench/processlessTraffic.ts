#!/usr/bin/env node
/**
 * Process-less traffic benchmark: network telemetry without a process (Zeek conn.log / dns.log,
 * firewalls, proxies) attributed to hosts by source address at write time, against a fleet whose
 * hosts have reported their addresses. Each event's attribution looks its address up; this
 * measures what a batch costs as the fleet's addresses grow (the look-up must start from the
 * address, not from every host's addresses), through the ingest writes without the queue.
 *
 *   npm run build && node dist/bench/processlessTraffic.js --hosts 2000 --batches 20 --batch 5000
 */
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/graph/driver.js';
import { migrate } from '../src/graph/migrate.js';
import { writeEvents } from '../src/graph/writeEvents.js';
import type { NormalizedEvent } from '../src/model/event.js';
import { benchStack, machineLine, percentile, rssSampler } from './support.js';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '2000' },
    // Addresses each host has had (DHCP leases over the fleet's history).
    'ips-per-host': { type: 'string', default: '3' },
    batches: { type: 'string', default: '20' },
    batch: { type: 'string', default: '5000' },
    // Share of the traffic from addresses no host reported (guests, servers without an agent).
    'unknown-share': { type: 'string', default: '0.05' },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '1024' },
  },
});
const hosts = Number(values.hosts);
const ipsPerHost = Number(values['ips-per-host']);
const batches = Number(values.batches);
const batchSize = Number(values.batch);
const unknownShare = Number(values['unknown-share']);
const t0 = Date.parse('2024-06-01T00:00:00Z');
const DAY = 86_400_000;

/** The k-th address host h had, each held for one day, the newest covering the traffic's time. */
const addressOf = (h: number, k: number) => `10.${(k * 16) + (h >> 16)}.${(h >> 8) & 255}.${h & 255}`;

function* hostInfos(): Generator<NormalizedEvent> {
  for (let h = 0; h < hosts; h++) {
    for (let k = 0; k < ipsPerHost; k++) {
      const id = `info-${h}-${k}`;
      const ts = t0 - (ipsPerHost - 1 - k) * DAY;
      yield { v: 1, id, ts, host: { id: `host-${h}`, name: `host-${h}`, os: 'windows' }, source: { format: 'bench', recordId: id }, kind: 'host.info', ips: [addressOf(h, k)] };
    }
  }
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const random = rng(7);
const destinations = Array.from({ length: 500 }, (_, i) => ({ ip: `198.51.${i >> 8}.${i & 255}`, name: `svc${i}.example.net` }));

/** One Zeek-like event: a connection or a name look-up from a fleet address (or an unknown one). */
function trafficEvent(n: number): NormalizedEvent {
  const unknown = random() < unknownShare;
  const source = unknown ? `172.16.${(n >> 8) & 255}.${n & 255}` : addressOf(Math.floor(random() * hosts), ipsPerHost - 1);
  const dst = destinations[Math.floor(random() * destinations.length)]!;
  const base = { v: 1 as const, id: `zeek-${n}`, ts: t0 + n * 10, host: { id: `ip:${source}`, name: source, os: 'unknown' as const }, source: { format: 'zeek', recordId: `zeek-${n}` }, hostByIp: source };
  return n % 2 === 0
    ? { ...base, kind: 'network.connect', direction: 'outbound', protocol: 'tcp', srcIp: source, srcPort: 40_000 + (n % 20_000), dstIp: dst.ip, dstPort: 443 }
    : { ...base, kind: 'dns.query', query: dst.name, answers: [dst.ip] };
}

async function attributedCounts(driver: Driver): Promise<{ toFleetHosts: number; toPlaceholders: number }> {
  const { records } = await driver.executeQuery(
    "MATCH (h:Host)-[r:CONNECTED|QUERIED]->() WHERE r.eventId STARTS WITH 'zeek-' RETURN coalesce(h.placeholder, false) AS placeholder, count(r) AS n",
  );
  const count = (placeholder: boolean) => Number(records.find((r) => r.get('placeholder') === placeholder)?.get('n') ?? 0);
  return { toFleetHosts: count(false), toPlaceholders: count(true) };
}

const stack = await benchStack({ heap: values.heap!, pageCacheMb: Number(values.pagecache) });
const driver = createDriver(stack.connections.neo4j);
const neo4jMemory = stack.neo4jPid ? rssSampler(stack.neo4jPid) : undefined;
try {
  await migrate(driver);
  const fleet = [...hostInfos()];
  for (let i = 0; i < fleet.length; i += batchSize) await writeEvents(driver, fleet.slice(i, i + batchSize));
  const batchMs: number[] = [];
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    const events = Array.from({ length: batchSize }, (_, i) => trafficEvent(b * batchSize + i));
    const b0 = performance.now();
    await writeEvents(driver, events);
    batchMs.push(Math.round(performance.now() - b0));
    process.stderr.write(`batch ${b + 1}/${batches}: ${batchMs.at(-1)} ms\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...batchMs].sort((a, b) => a - b);
  const attributed = await attributedCounts(driver);
  const result = {
    machine: machineLine(),
    fleet: { hosts, addresses: hosts * ipsPerHost },
    events: batches * batchSize,
    batchSize,
    unknownShare,
    attributed,
    eventsPerSecond: Math.round((batches * batchSize) / seconds),
    batchMs: { first: batchMs[0], p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) },
    peakMb: { bench: Math.round(process.resourceUsage().maxRSS / 1024), neo4j: neo4jMemory?.peakMb() },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (attributed.toFleetHosts + attributed.toPlaceholders !== batches * batchSize) throw new Error(`expected ${batches * batchSize} events in the graph, found ${JSON.stringify(attributed)}`);
} finally {
  neo4jMemory?.stop();
  await driver.close();
  await stack.stop();
}
