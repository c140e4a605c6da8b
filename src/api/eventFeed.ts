import { createPubSub, type PubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { addFindingsAnnouncer, FINDING_CHANGED, type FindingChange, type FindingChangeTopics } from '../events/findingsBus.js';
import { CACHE_STALE } from '../events/cacheStale.js';
import { KEY_REVOKED, type KeyRevocation } from '../events/keyRevocations.js';
import { createRedisEventTarget } from '../events/redisEventTarget.js';
import type { Logger } from '../log.js';

/** What an API process hears from the other processes through Redis. */
export interface EventFeed {
  /** Findings created or changed by any process, for the `findingChanged` subscriptions. */
  findingChanges: PubSub<FindingChangeTopics>;
  /** Calls `listener` on each finding created or changed by any process; returns the remover. */
  onFindingChanged(listener: (change: FindingChange) => void): () => void;
  /**
   * Calls `listener` when any process announces that cached answers are stale (a mutation ran
   * there), and each time the subscription to Redis is (re)made: announcements sent while it was
   * down are lost.
   */
  onCacheStale(listener: () => void): () => void;
  /** Tells every API process (this one too) that cached answers are stale. */
  announceCacheStale(): void;
  /** Calls `listener` with each API key revoked anywhere (src/events/keyRevocations.ts); returns the remover. */
  onKeyRevoked(listener: (revocation: KeyRevocation) => void): () => void;
  close(): void;
}

/**
 * The API process's side of the Redis pub/sub topics: one subscription, shared by the
 * `findingChanged` subscriptions of this process and its revocation watch. Findings this process
 * stores itself (a hunt with store: true) are published through it too, so every API process sees them.
 */
export function openEventFeed(publisher: Redis, redisUrl: string, prefix: string, log: Logger): EventFeed {
  // No retry limit: a subscription queued while Redis is down must still be made when it is back.
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  subscriber.on('error', (err) => log.warn({ err: err.message }, 'redis subscriber error'));
  const eventTarget = createRedisEventTarget({ publisher, subscriber, prefix, topics: [FINDING_CHANGED, KEY_REVOKED, CACHE_STALE], log });
  eventTarget.ready.catch((err: Error) => log.warn({ err: err.message }, 'not subscribed to finding changes and key revocations'));
  const findingChanges = createPubSub<FindingChangeTopics>({ eventTarget });
  const removeAnnouncer = addFindingsAnnouncer((changes) => changes.forEach((c) => findingChanges.publish(FINDING_CHANGED, c)));
  /** Calls `onEvent` with each event of `topic` heard from Redis; returns the remover. */
  const listen = (topic: string, onEvent: (event: Event) => void) => {
    eventTarget.addEventListener(topic, onEvent);
    return () => eventTarget.removeEventListener(topic, onEvent);
  };
  return {
    findingChanges,
    onFindingChanged: (listener) => listen(FINDING_CHANGED, (event) => listener((event as CustomEvent<FindingChange>).detail)),
    onCacheStale(listener) {
      const onReady = () => listener();
      subscriber.on('ready', onReady);
      const remove = listen(CACHE_STALE, onReady);
      return () => {
        remove();
        subscriber.off('ready', onReady);
      };
    },
    announceCacheStale: () => void eventTarget.dispatchEvent(new CustomEvent(CACHE_STALE, { detail: { at: Date.now() } })),
    onKeyRevoked: (listener) =>
      listen(KEY_REVOKED, (event) => {
        const revocation = (event as CustomEvent<KeyRevocation>).detail;
        if (typeof revocation?.keyId === 'string') listener(revocation);
      }),
    close: () => {
      removeAnnouncer();
      eventTarget.close();
      subscriber.disconnect();
    },
  };
}
