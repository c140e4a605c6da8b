import type { Queue } from 'bullmq';
import type { Driver } from 'neo4j-driver';

export interface HealthReport {
  ok: boolean;
  neo4j: 'up' | 'down';
  redis: 'up' | 'down';
  workers: number;
  api: 'up';
}

/** Healthy means every part a request or an ingest needs is reachable, including at least one worker. */
export async function checkHealth(driver: Driver, queue: Queue, database?: string): Promise<HealthReport> {
  const [neo4j, redis, workers] = await Promise.all([
    driver.executeQuery('RETURN 1 AS ok', {}, { database }).then(() => 'up' as const, () => 'down' as const),
    queue.getWaitingCount().then(() => 'up' as const, () => 'down' as const),
    queue.getWorkersCount().catch(() => 0),
  ]);
  return { ok: neo4j === 'up' && redis === 'up' && workers > 0, neo4j, redis, workers, api: 'up' };
}
