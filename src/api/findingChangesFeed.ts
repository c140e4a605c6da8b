import { createPubSub, type PubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { addFindingsAnnouncer, FINDING_CHANGED, type FindingChangeTopics } from '../events/findingsBus.js';
import { createRedisEventTarget } from '../events/redisEventTarget.js';
import type { Logger } from '../log.js';

export interface FindingChangesFeed {
  pubSub: PubSub<FindingChangeTopics>;
  close(): void;
}

/**
 * The API process's side of the findings bus: one Redis subscription that the `findingChanged`
 * subscriptions of this process share. Findings this process stores itself (a hunt with store:
 * true) are published through it too, so every API process sees them.
 */
export function openFindingChanges(publisher: Redis, redisUrl: string, prefix: string, log: Logger): FindingChangesFeed {
  // No retry limit: a subscription queued while Redis is down must still be made when it is back.
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  subscriber.on('error', (err) => log.warn({ err: err.message }, 'redis subscriber error'));
  const eventTarget = createRedisEventTarget({ publisher, subscriber, prefix, topics: [FINDING_CHANGED], log });
  eventTarget.ready.catch((err: Error) => log.warn({ err: err.message }, 'not subscribed to finding changes'));
  const pubSub = createPubSub<FindingChangeTopics>({ eventTarget });
  const removeAnnouncer = addFindingsAnnouncer((changes) => changes.forEach((c) => pubSub.publish(FINDING_CHANGED, c)));
  return {
    pubSub,
    close: () => {
      removeAnnouncer();
      eventTarget.close();
      subscriber.disconnect();
    },
  };
}
