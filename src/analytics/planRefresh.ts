import type { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher.js';
import type { Logger } from '../log.js';
import { currentPlanGeneration, usePlanGeneration } from './planGenerations.js';
import { warmDetectionQueries } from './warmup.js';

export interface PlanRefreshOptions {
  /** How often the graph's size and the current plan generation are looked at. */
  checkEveryMs: number;
  /** A new generation once the graph holds this many times the nodes it held when last planned. */
  growthFactor: number;
  /** Below this many nodes plans are cheap to get wrong and quick to fix: not worth a generation. */
  minNodes: number;
}

export const defaultPlanRefresh: PlanRefreshOptions = { checkEveryMs: 60_000, growthFactor: 1.5, minNodes: 10_000 };

/**
 * Keeps the detection queries' plans made for the graph as it is, without a batch ever paying for
 * planning (1-2 s per chain query). Workers plan at start, often on a small or empty graph, and
 * Neo4j would re-plan a stale plan inside whichever batch runs it next. Instead, once the graph
 * has grown by `growthFactor`, one worker (a Redis lock) plans the next *generation* of the queries
 * (the same text under a new comment, a new plan-cache key) in the background, then announces it
 * in Redis; every worker switches to it at its next check. Batches keep running the previous
 * generation's cached plans meanwhile. Returns a function that stops the checks.
 */
export async function maintainDetectionPlans(driver: Driver, redis: Redis, prefix: string, log: Logger, database?: string, opts = defaultPlanRefresh): Promise<() => void> {
  const keys = { generation: `${prefix}:plans:generation`, plannedAtNodes: `${prefix}:plans:plannedAtNodes`, lock: `${prefix}:plans:planning` };
  usePlanGeneration(Number(await redis.get(keys.generation)) || 0);
  const ms = await warmDetectionQueries(driver, database);
  log.info({ ms, generation: currentPlanGeneration() }, 'detection queries planned');
  await redis.set(keys.plannedAtNodes, String(await nodeCount(driver, database)), 'NX');

  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const announced = Number(await redis.get(keys.generation)) || 0;
      if (announced > currentPlanGeneration()) usePlanGeneration(announced);
      const nodes = await nodeCount(driver, database);
      const plannedAt = Number(await redis.get(keys.plannedAtNodes)) || 0;
      if (nodes < opts.minNodes || nodes < plannedAt * opts.growthFactor) return;
      if ((await redis.set(keys.lock, String(process.pid), 'PX', 10 * 60_000, 'NX')) !== 'OK') return;
      try {
        const next = Math.max(announced, currentPlanGeneration()) + 1;
        const planningMs = await warmDetectionQueries(driver, database, next);
        await redis.set(keys.plannedAtNodes, String(nodes));
        await redis.set(keys.generation, String(next));
        usePlanGeneration(next);
        log.info({ nodes, plannedAtNodes: plannedAt, generation: next, ms: planningMs }, 'detection queries planned for the grown graph');
      } finally {
        await redis.del(keys.lock);
      }
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'plan maintenance failed; Neo4j re-plans stale plans by itself');
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), opts.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}

async function nodeCount(driver: Driver, database?: string): Promise<number> {
  const { records } = await driver.executeQuery(cypher('schema/node-count'), {}, { database, routing: 'READ' });
  return Number(records[0]?.get('nodes') ?? 0);
}
