import crypto from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, inject } from 'vitest';
import { detectAfterBatch } from '../../src/analytics/detector.js';
import { cypher } from '../../src/graph/cypher.js';
import { planWrites } from '../../src/graph/eventRows.js';
import { withIntegers, writeEvents, writePlan } from '../../src/graph/writeEvents.js';
import type { NormalizedEvent } from '../../src/model/event.js';
import { createDriver } from '../../src/graph/driver.js';
import { migrate } from '../../src/graph/migrate.js';

export const stack = () => inject('stack');

export async function freshGraph(): Promise<Driver> {
  const driver = createDriver(stack().neo4j);
  await migrate(driver, stack().neo4j.database);
  await driver.executeQuery('MATCH (n) WHERE NOT n:Migration DETACH DELETE n', {}, { database: stack().neo4j.database });
  return driver;
}

/** For a describe block: a fresh graph before its tests, closed after them. Read `driver` inside tests. */
export function useFreshGraph(): { driver: Driver } {
  const ctx = {} as { driver: Driver };
  beforeAll(async () => {
    ctx.driver = await freshGraph();
  });
  afterAll(async () => ctx.driver.close());
  return ctx;
}

/** A batch as a worker handles it: written, then the analytics run over what it touched. */
export async function writeAndDetect(driver: Driver, events: NormalizedEvent[]): Promise<void> {
  await detectAfterBatch(driver, events, undefined, await writeEvents(driver, events));
}

/** Counts of every label and relationship type: the idempotency tests compare these. */
export async function graphCounts(driver: Driver): Promise<Record<string, number>> {
  const nodes = await driver.executeQuery('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n');
  const rels = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS label, count(*) AS n');
  const counts: Record<string, number> = {};
  for (const r of [...nodes.records, ...rels.records]) counts[r.get('label') as string] = r.get('n') as number;
  return counts;
}

/** A queue prefix of its own per test, so BullMQ state never leaks between tests. */
export const uniquePrefix = (name: string) => `t-${name}-${crypto.randomBytes(4).toString('hex')}`;

/** Whether Neo4j shows a transaction waiting on a lock within 5 s (SHOW TRANSACTIONS). */
export async function blockedTransactionSeen(driver: Driver): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    const { records } = await driver.executeQuery("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n");
    if (Number(records[0]!.get('n')) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Every operator of a freshly made plan, as `OperatorType details`. */
export async function operatorsOf(driver: Driver, text: string, params: Record<string, unknown>): Promise<string[]> {
  const { summary } = await driver.executeQuery(`EXPLAIN CYPHER replan=force ${text}`, params);
  const out: string[] = [];
  const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): void => {
    out.push(`${plan.operatorType.replace(/@.*/, '')} ${String(plan.arguments.Details ?? '')}`);
    plan.children.forEach((c) => walk(c as typeof plan));
  };
  walk(summary.plan as unknown as Parameters<typeof walk>[0]);
  return out;
}

/** A write statement run in a transaction left open: `written` settles when the statement has run (or waits for a lock). */
export function statementHeldOpen(driver: Driver, statement: string, rows: Array<Record<string, unknown>>): { written: Promise<unknown>; commit(): Promise<void> } {
  const session = driver.session();
  const tx = session.beginTransaction();
  const written = tx.run(cypher(statement), { batch: { rows: rows.map(withIntegers) } });
  return { written, commit: async () => (await tx.commit(), await session.close()) };
}

/** A whole batch written in a transaction left open, as a worker's before it commits. */
export function batchHeldOpen(driver: Driver, events: NormalizedEvent[]): { written: Promise<unknown>; commit(): Promise<void> } {
  const session = driver.session();
  const tx = session.beginTransaction();
  const written = writePlan(tx, planWrites(events));
  return { written, commit: async () => (await tx.commit(), await session.close()) };
}

/** `work`, or a failure naming it when it has not settled within `ms` (a write held back by a lock never settles). */
export function settlesWithin<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The same write in two transactions at once: the first runs and stays open (then `between`,
 * if given), the second starts; whether the second was seen blocked on the first's lock is
 * returned, after both have committed.
 */
export async function writeTwiceAtOnce(driver: Driver, open: () => ReturnType<typeof statementHeldOpen>, between?: () => Promise<unknown>): Promise<boolean> {
  const first = open();
  await first.written;
  if (between) {
    try {
      await settlesWithin(between(), 15_000, "the write between the two transactions (held back by the first one's locks?)");
    } catch (error) {
      await first.commit(); // its locks go, so the next test is not held back too
      throw error;
    }
  }
  const second = open();
  const blocked = await blockedTransactionSeen(driver);
  await first.commit();
  await second.written;
  await second.commit();
  return blocked;
}

/**
 * Database hits of a statement run under PROFILE in a transaction that is rolled back: in all, and
 * in the operators whose type matches `only` (e.g. /^Expand/).
 */
export async function dbHitsOf(driver: Driver, text: string, params: Record<string, unknown>, only?: RegExp): Promise<number> {
  const session = driver.session();
  const tx = session.beginTransaction();
  try {
    const result = await tx.run(`PROFILE ${text}`, params);
    type Step = { operatorType: string; dbHits: number; children: Step[] };
    const sum = (p: Step): number => (only && !only.test(p.operatorType) ? 0 : p.dbHits) + p.children.reduce<number>((n, c) => n + sum(c), 0);
    return sum(result.summary.profile as unknown as Step);
  } finally {
    await tx.rollback();
    await session.close();
  }
}
