import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/cypher.js';
import { planWrites } from '../../src/graph/eventRows.js';
import { withIntegers, writeEvents } from '../../src/graph/writeEvents.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { batchHeldOpen, dbHitsOf, freshGraph, operatorsOf, settlesWithin } from '../support/graph.js';

const ts = Date.parse('2024-06-01T00:00:00Z');
const source = (id: string) => ({ format: 'zeek', recordId: id });
const sensor = (ip: string) => ({ id: `ip:${ip}`, name: ip, os: 'unknown' as const });
const hostInfo = (id: string, host: string, ip: string): NormalizedEvent => ({ v: 1, id, ts, host: { id: host, name: host, os: 'linux' }, source: source(id), kind: 'host.info', ips: [ip] });
const fleet = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k).map((i) => hostInfo(`fleet-${i}`, `fleet-${i}`, `10.1.${i >> 8}.${i & 255}`));
const connectionFrom = (id: string, ip: string): NormalizedEvent => ({ v: 1, id, ts, host: sensor(ip), source: source(id), kind: 'network.connect', direction: 'outbound', protocol: 'tcp', srcIp: ip, dstIp: '198.51.100.80', dstPort: 443, hostByIp: ip });
const lookupFrom = (id: string, ip: string): NormalizedEvent => ({ v: 1, id, ts, host: sensor(ip), source: source(id), kind: 'dns.query', query: 'cdn.updates.example.org', answers: ['198.51.100.80'], hostByIp: ip });

/** Process-less traffic (Zeek, firewalls) is attributed by its source address at write time, beside host info about addresses arriving in other batches. */
describe('attributing traffic by source address', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
    await writeEvents(driver, fleet(0, 300));
  });
  afterAll(async () => {
    await driver.close();
  });

  it('looks the address up from its node, with work that does not grow with the fleet', async () => {
    const statements = [['ingest/host-network-connect', 'hostConnections'], ['ingest/host-dns-query', 'hostDnsQueries']] as const;
    const plan = planWrites([connectionFrom('c-1', '10.1.0.7'), lookupFrom('d-1', '10.1.0.7')]);
    const hits = () => Promise.all(statements.map(([name, key]) => dbHitsOf(driver, cypher(name), { batch: { rows: plan[key].map(withIntegers) } })));
    const at300 = await hits();
    await writeEvents(driver, fleet(300, 1200));
    const at1500 = await hits();
    for (const [i, [name]] of statements.entries()) {
      const operators = await operatorsOf(driver, cypher(name), { batch: { rows: [] } });
      expect(operators, name).toContainEqual(expect.stringMatching(/^NodeUniqueIndexSeek\(Locking\) .*:IP\(address\) WHERE address = r\.hostByIp/));
      expect(operators.filter((o) => /HAD_IP\(lastSeen\)/.test(o)), name).toEqual([]);
      expect(at1500[i], name).toBeLessThan(at300[i]! * 1.2); // a scan of every HAD_IP would be five times the work
    }
  });

  it('creates a new source address with the batch\'s other nodes, before a statement looks it up', () => {
    const plan = planWrites([connectionFrom('c-2', '10.2.0.1'), lookupFrom('d-2', '10.2.0.2')]);
    expect(plan.ipNodes.map((r) => r.address)).toEqual(['10.2.0.1', '10.2.0.2', '198.51.100.80']);
  });

  it('lets host info give an address a new owner while a batch attributing traffic from it is uncommitted', async () => {
    await writeEvents(driver, [lookupFrom('d-3', '10.3.0.1')]); // traffic made the address known, with no owner yet
    const batch = batchHeldOpen(driver, [connectionFrom('c-3', '10.3.0.1'), lookupFrom('d-4', '10.3.0.1')]);
    try {
      await batch.written;
      await settlesWithin(writeEvents(driver, [hostInfo('info-3', 'laptop-3', '10.3.0.1')]), 10_000, "the host info's write (held back by the batch's locks?)");
    } finally {
      await batch.commit();
    }
    const { records } = await driver.executeQuery("MATCH (h:Host)-[r:CONNECTED|QUERIED]->() WHERE r.eventId IN ['c-3', 'd-4'] RETURN h.id AS host");
    expect(records.map((r) => r.get('host'))).toEqual(['ip:10.3.0.1', 'ip:10.3.0.1']); // the batch saw no owner yet
    await writeEvents(driver, [lookupFrom('d-5', '10.3.0.1')]);
    const later = await driver.executeQuery("MATCH (h:Host)-[:QUERIED {eventId: 'd-5'}]->() RETURN h.id AS host");
    expect(later.records.map((r) => r.get('host'))).toEqual(['laptop-3']);
  });
});
