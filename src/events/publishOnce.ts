import { Redis } from 'ioredis';
import { topicChannel } from './findingsBus.js';

/**
 * Publishes one message on a topic of the prefix over a short-lived connection: what a CLI command
 * does once after it changed something the API processes must hear of. Throws when Redis cannot
 * be reached.
 */
export async function publishOnce(redisUrl: string, prefix: string, topic: string, message: unknown): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.publish(topicChannel(prefix, topic), JSON.stringify(message));
  } finally {
    redis.disconnect();
  }
}
