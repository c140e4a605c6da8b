import { announceCacheStale } from '../events/cacheStale.js';

/**
 * After the CLI changed findings, suppressions or tunables: running API processes answer from the
 * graph again instead of from their response cache (src/api/responseCache.ts). Best effort: the
 * change is saved either way, and cached answers expire on their own.
 */
export async function announceChange(redisUrl: string | undefined, prefix: string): Promise<void> {
  if (!redisUrl) return;
  try {
    await announceCacheStale(redisUrl, prefix);
  } catch (err) {
    process.stderr.write(`provhunt: saved, but could not tell the API processes (${(err as Error).message}): their cached answers may show the old state for up to a minute\n`);
  }
}
