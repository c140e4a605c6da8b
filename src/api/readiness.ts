import type { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { appliedMigrations, migrationNames } from '../graph/migrate.js';

/** A probe must answer even when a server hangs: past this a check counts as down. */
const PROBE_MS = 3_000;

export interface ReadinessReport {
  ready: boolean;
  neo4j: 'up' | 'down';
  redis: 'up' | 'down';
  /** Migrations this build ships that the graph has not recorded; null when Neo4j is down. */
  pendingMigrations: string[] | null;
  /** What stands between this API and ready, one sentence each. */
  missing: string[];
}

/**
 * Ready means requests can be served as this build expects: Neo4j and Redis answer and the graph
 * has every migration (a constraint missing would let duplicates in). Unlike /healthz it does not
 * need a worker: the API serves reads without one.
 */
export async function checkReadiness(driver: Driver, redis: Redis, database?: string): Promise<ReadinessReport> {
  const [applied, redisUp] = await Promise.all([
    within(appliedMigrations(driver, database)).catch(() => undefined),
    within(redis.ping()).then(() => true, () => false),
  ]);
  const pending = applied ? migrationNames().filter((name) => !applied.includes(name)) : null;
  const missing = [
    ...(applied ? [] : ['Neo4j is unreachable']),
    ...(redisUp ? [] : ['Redis is unreachable']),
    ...(pending?.length ? [`migrations not applied: ${pending.join(', ')} (run provhunt migrate)`] : []),
  ];
  return { ready: missing.length === 0, neo4j: applied ? 'up' : 'down', redis: redisUp ? 'up' : 'down', pendingMigrations: pending, missing };
}

function within<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), PROBE_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
