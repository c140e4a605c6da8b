import { Redis } from 'ioredis';
import { topicChannel } from './findingsBus.js';

/**
 * The pub/sub topic telling every API process that what its response cache holds is stale: a
 * mutation (triage, suppression, tuning) ran somewhere, in an API process or the CLI. Finding
 * changes from workers travel on their own topic (findingsBus) and count as well. Its Redis
 * channel is `<queue prefix>:api:stale`.
 */
export const CACHE_STALE = 'api:stale';

export interface CacheStale {
  /** When the change committed (epoch ms). */
  at: number;
}

/** One short-lived connection (the CLI after a triage command); throws when Redis cannot be reached. */
export async function announceCacheStale(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.publish(topicChannel(prefix, CACHE_STALE), JSON.stringify({ at: Date.now() } satisfies CacheStale));
  } finally {
    redis.disconnect();
  }
}
