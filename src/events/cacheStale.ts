import { publishOnce } from './publishOnce.js';

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

/** One short-lived connection (the CLI after it changed findings); throws when Redis cannot be reached. */
export async function announceCacheStale(redisUrl: string, prefix: string): Promise<void> {
  await publishOnce(redisUrl, prefix, CACHE_STALE, { at: Date.now() } satisfies CacheStale);
}
