import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { topicChannel } from './findingsBus.js';

type Listener = EventListenerOrEventListenerObject;

export interface RedisEventTarget extends EventTarget {
  /** Resolves once Redis confirmed the subscriptions: events published after that are delivered. */
  ready: Promise<void>;
  close(): void;
}

/**
 * An EventTarget for graphql-yoga's createPubSub over Redis pub/sub, so an event published by any
 * process reaches listeners in every API process. (@graphql-yoga/redis-event-target does the same
 * but requires ioredis 5; provhunt uses 6.) The topics are subscribed once, up front, rather than
 * on the first listener: a client that has its SSE stream open must not miss an event published
 * while a lazy SUBSCRIBE is still in flight. Payloads are the events' `detail`, as JSON.
 */
export function createRedisEventTarget(opts: { publisher: Redis; subscriber: Redis; prefix: string; topics: string[]; log: Logger }): RedisEventTarget {
  const listeners = new Map<string, Set<Listener>>(opts.topics.map((t) => [t, new Set()]));
  const topicOf = new Map(opts.topics.map((t) => [topicChannel(opts.prefix, t), t]));
  const onMessage = (channel: string, message: string) => {
    const topic = topicOf.get(channel);
    const targets = topic === undefined ? undefined : listeners.get(topic);
    if (!topic || !targets || targets.size === 0) return;
    const event = parsedEvent(topic, message, opts.log);
    if (!event) return;
    for (const listener of targets) {
      if (typeof listener === 'function') listener(event);
      else listener.handleEvent(event);
    }
  };
  opts.subscriber.on('message', onMessage);
  return {
    ready: opts.subscriber.subscribe(...topicOf.keys()).then(() => undefined),
    addEventListener: (type: string, listener: Listener | null) => {
      if (listener) listeners.get(type)?.add(listener);
    },
    removeEventListener: (type: string, listener: Listener | null) => {
      if (listener) listeners.get(type)?.delete(listener);
    },
    dispatchEvent: (event: Event) => {
      if (!listeners.has(event.type)) throw new Error(`${event.type} is not a topic of this event target`);
      const detail = (event as CustomEvent).detail as unknown;
      opts.publisher.publish(topicChannel(opts.prefix, event.type), JSON.stringify(detail)).catch((err: Error) => opts.log.warn({ err: err.message, topic: event.type }, 'could not publish an event'));
      return true;
    },
    close: () => {
      opts.subscriber.off('message', onMessage);
      listeners.clear();
    },
  };
}

function parsedEvent(topic: string, message: string, log: Logger): CustomEvent | undefined {
  try {
    return new CustomEvent(topic, { detail: JSON.parse(message) as unknown });
  } catch {
    log.warn({ topic }, 'ignoring a malformed event message');
    return undefined;
  }
}
