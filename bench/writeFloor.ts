#!/usr/bin/env node
/**
 * The write floor: how many events per second Neo4j can take on this machine when an event is
 * the least it could be in a graph, one relationship with an indexed id between two nodes that
 * already exist, in batches of 5,000 with no parsing, no queue and no analytics (concurrent
 * writers on disjoint nodes, so none waits for another's locks). Whatever
 * provhunt does per event (process, file and content nodes, several index entries, the lookups
 * that make a replay change nothing) costs more, so this bounds what any end-to-end figure on the
 * same machine can reach. Also reports Neo4j's CPU time per event, so the bound holds on another
 * machine in proportion to its cores.
 *
 *   npm run build && node dist/bench/writeFloor.js --batches 100 --writers 1,2
 *
 * Modes: `create` writes blindly (a replay would duplicate); `idempotent` is the shape of
 * provhunt's per-event statements (cypher/ingest/file-write.cypher: lock the source node, look
 * the event id up in its index, create only when absent).
 */
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { createDriver } from '../src/graph/driver.js';
import { benchStack, machineLine, rssSampler } from './support.js';

const { values } = parseArgs({
  options: {
    batches: { type: 'string', default: '100' },
    batch: { type: 'string', default: '5000' },
    writers: { type: 'string', default: '1,2' },
    modes: { type: 'string', default: 'create,idempotent' },
    nodes: { type: 'string', default: '10000' },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '2048' },
  },
});
const batches = Number(values.batches);
const batchSize = Number(values.batch);
const nodeCount = Number(values.nodes);
const WARM_UP_BATCHES = 40; // the JIT and the plan cache settle before the clock starts

const statements: Record<string, string> = {
  create: `UNWIND $batch.rows AS r
    MATCH (a:N {id: r.a}) MATCH (b:N {id: r.b})
    CREATE (a)-[:R {eventId: r.eventId, ts: r.ts}]->(b)`,
  idempotent: `UNWIND $batch.rows AS r
    MATCH (a:N {id: r.a}) MATCH (b:N {id: r.b})
    SET a.id = a.id
    WITH *
    OPTIONAL MATCH ()-[seen:R {eventId: r.eventId}]->() USING INDEX SEEK seen:R(eventId)
    WITH * WHERE seen IS NULL
    CREATE (a)-[:R {eventId: r.eventId, ts: r.ts}]->(b)`,
};

const runs = [];
for (const mode of values.modes!.split(',')) {
  const statement = statements[mode];
  if (!statement) throw new Error(`--modes: unknown mode ${mode} (create, idempotent)`);
  for (const writers of values.writers!.split(',').map(Number)) runs.push(await measure(mode, statement, writers));
}
process.stdout.write(`${JSON.stringify({ machine: machineLine(), batchSize, batches, nodes: nodeCount, runs }, null, 2)}\n`);

/** One mode with N concurrent writers, on a fresh server: rows/s and Neo4j's CPU per row. */
async function measure(mode: string, statement: string, writers: number) {
  const stack = await benchStack({ heap: values.heap!, pageCacheMb: Number(values.pagecache) });
  const driver = createDriver(stack.connections.neo4j);
  const neo4jProcess = stack.neo4jPid ? rssSampler(stack.neo4jPid) : undefined;
  try {
    await driver.executeQuery('CREATE CONSTRAINT n_id IF NOT EXISTS FOR (n:N) REQUIRE n.id IS UNIQUE');
    await driver.executeQuery('CREATE INDEX r_event_id IF NOT EXISTS FOR ()-[r:R]-() ON (r.eventId)');
    await driver.executeQuery('CALL db.awaitIndexes()');
    await driver.executeQuery('UNWIND range(0, $n - 1) AS i CREATE (:N {id: "n" + i})', { n: neo4j.int(nodeCount) });
    let sequence = 0;
    let attempts = 0;
    // Writer w of n uses its own share of the nodes, rows in node order: two writers never wait
    // for each other's locks, so this measures Neo4j's work, not contention.
    const nextRows = (writer: number, of: number) => {
      const share = Math.floor(nodeCount / of);
      const rows = Array.from({ length: batchSize }, () => {
        const i = sequence++;
        const node = (k: number) => `n${writer * share + (k % share)}`;
        return { a: node(i * 7919), b: node(i * 104729 + 13), eventId: `e${i}`, ts: neo4j.int(1_700_000_000_000 + i) };
      });
      return rows.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
    };
    const write = async (count: number, writer = 0, of = 1) => {
      for (let k = 0; k < count; k++) {
        const session = driver.session({ defaultAccessMode: 'WRITE' });
        try {
          const rows = nextRows(writer, of);
          await session.executeWrite((tx) => {
            attempts++;
            return tx.run(statement, { batch: { rows } });
          });
        } finally {
          await session.close();
        }
      }
    };
    await write(WARM_UP_BATCHES);
    const cpu0 = neo4jProcess?.cpuSeconds();
    const benchCpu0 = process.cpuUsage();
    const t0 = performance.now();
    attempts = 0;
    await Promise.all(Array.from({ length: writers }, (_, w) => write(Math.floor(batches / writers) + (w < batches % writers ? 1 : 0), w, writers)));
    const seconds = (performance.now() - t0) / 1000;
    const rows = batches * batchSize;
    const neo4jCpu = cpu0 === undefined ? undefined : neo4jProcess!.cpuSeconds() - cpu0;
    const benchCpu = process.cpuUsage(benchCpu0);
    const counted = await driver.executeQuery('MATCH ()-[r:R]->() RETURN count(r) AS relationships');
    const relationships = counted.records[0]?.get('relationships');
    return {
      mode,
      writers,
      rows,
      relationshipsInGraph: Number(relationships), // warm-up included: (batches + 40) × batch
      writeAttempts: attempts, // more than batches: the driver retried a transaction (a deadlock)
      seconds: +seconds.toFixed(1),
      eventsPerSecond: Math.round(rows / seconds),
      neo4jCpuMicrosPerEvent: neo4jCpu === undefined ? undefined : Math.round((neo4jCpu * 1e6) / rows),
      neo4jCoresBusy: neo4jCpu === undefined ? undefined : +(neo4jCpu / seconds).toFixed(2),
      benchCpuMicrosPerEvent: Math.round((benchCpu.user + benchCpu.system) / rows),
      neo4jPeakMb: neo4jProcess?.peakMb(),
    };
  } finally {
    neo4jProcess?.stop();
    await driver.close();
    await stack.stop();
  }
}
