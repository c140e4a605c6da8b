import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { NormalizedEvent } from '../model/event.js';
import { cypher } from './cypher.js';
import { planWrites, type WritePlan } from './eventRows.js';
import { StageClock } from '../stageClock.js';

/**
 * Statement order inside the batch's transaction: first every distinct node the batch touches
 * (each once, in key order), then the structural links, then one relationship per event, whose
 * statements only MATCH their endpoints, and last the links to contents (Binary nodes), each
 * statement in content order. A popular content (a browser's build on every host) is linked by every batch:
 * a relationship to it locks it until the transaction commits, so linked last it is held for the
 * tail of a batch instead of all of it (at 1M events with host partitions, has-content was where
 * the two workers waited for each other: docs/benchmarks.md, run s4).
 *
 * A per-event relationship (WROTE, LOADED, CONNECTED, QUERIED, DELETED, VERIFIED) is written once
 * per event id: its statement locks a node the event itself decides (setting its key to itself),
 * looks the id up in the type's eventId index (migration 019; `USING INDEX SEEK`, so no statistics
 * can turn it into a walk of the pair's earlier relationships, which grew with every beacon), and
 * creates it only when absent. The lock comes first so that a concurrent transaction holding the
 * same event (a replay racing its original, a stalled job run twice) commits before this one
 * looks, and is seen. The locked node is the acting process; for a change without a process, the
 * file; for traffic without a process, the destination: its host is attributed by address at
 * write time, which two writers could do differently (and Host nodes are never written, hosts.cypher).
 * planWrites orders these rows by that node, so two batches take the locks in one order, and
 * holds each event once, since the lookups of one statement all run before its creations.
 */
const steps: Array<[keyof WritePlan, string]> = [
  ['hosts', 'ingest/hosts'],
  ['processNodes', 'ingest/nodes/processes'],
  ['fileNodes', 'ingest/nodes/files'],
  ['binaryNodes', 'ingest/nodes/binaries'],
  ['ipNodes', 'ingest/nodes/ips'],
  ['domainNodes', 'ingest/nodes/domains'],
  ['resolutionLinks', 'ingest/links/resolved-to'],
  ['hostIps', 'ingest/host-ips'],
  ['processStarts', 'ingest/process-start'],
  ['processEnds', 'ingest/process-end'],
  ['fileWrites', 'ingest/file-write'],
  ['fileDeletes', 'ingest/file-delete'],
  ['hostFileWrites', 'ingest/host-file-write'],
  ['hostFileDeletes', 'ingest/host-file-delete'],
  ['moduleLoads', 'ingest/module-load'],
  ['connections', 'ingest/network-connect'],
  ['dnsQueries', 'ingest/dns-query'],
  ['hostConnections', 'ingest/host-network-connect'],
  ['hostDnsQueries', 'ingest/host-dns-query'],
  ['packages', 'ingest/package'],
  ['fileSignatures', 'ingest/file-signature'],
  ['contentLinks', 'ingest/links/has-content'],
  ['instanceLinks', 'ingest/links/instance-of'],
  ['loadSignatures', 'ingest/links/load-signatures'],
];

/**
 * Writes one batch in one transaction: a retried batch either fully applies or not at all, and MERGE keys make it idempotent.
 * Rows travel inside a map ($batch.rows): Neo4j plans a top-level list parameter once per size
 * bucket (0, 1, 2-10, 11-100, ...), a list inside a map once, so a 3-event batch never re-plans.
 */
export async function writeEvents(driver: Driver, events: NormalizedEvent[], database?: string, clock = new StageClock()): Promise<WritePlan> {
  const plan = planWrites(events);
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    // The driver re-runs this function on transient errors (deadlocks, lock timeouts): attempts > 1 says so.
    await session.executeWrite(async (tx) => {
      clock.count('writeAttempts');
      await writePlan(tx, plan, clock);
    });
  } finally {
    await session.close();
  }
  return plan;
}

/** Every statement of a batch's plan, in order, inside the caller's transaction. */
export async function writePlan(tx: Pick<ManagedTransaction, 'run'>, plan: WritePlan, clock = new StageClock()): Promise<void> {
  for (const [key, statement] of steps) {
    const rows = plan[key];
    if (rows.length === 0) continue;
    const text = cypher(statement);
    const fields = rowFieldsOf(text);
    await clock.time(`write.${key}`, () => tx.run(text, { batch: { rows: rows.map((row) => rowFor(row, fields)) } }));
  }
}

const fieldsByStatement = new Map<string, string[]>();

/**
 * The row fields a statement reads (`r.<field>`; every ingest statement names its row `r`). Only
 * those travel: a per-event row also carries what other statements need (the actor's image and
 * pid, the path), and packing, sending and unpacking it cost both the worker and Neo4j CPU.
 */
export function rowFieldsOf(statement: string): string[] {
  let fields = fieldsByStatement.get(statement);
  if (!fields) {
    if (!/UNWIND \$batch\.rows AS r\b/.test(statement)) throw new Error('an ingest statement must read its rows as `UNWIND $batch.rows AS r`');
    fields = [...new Set([...statement.matchAll(/\br\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
    fieldsByStatement.set(statement, fields);
  }
  return fields;
}

/** A row with only the given fields, integers as Neo4j integers (see withIntegers). */
function rowFor(row: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = row[field];
    if (value !== undefined) out[field] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  }
  return out;
}

/** The driver sends plain JS numbers as floats; our row numbers (times, pids, ports) are integers. */
export function withIntegers(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  return out;
}
