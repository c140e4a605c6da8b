import { GraphQLError, type ExecutionResult } from 'graphql';
import { Repeater, type Plugin } from 'graphql-yoga';
import type { Logger } from '../log.js';
import type { ApiKeysService } from '../services/apiKeysService.js';
import type { Authenticator } from './auth.js';
import type { EventFeed } from './eventFeed.js';
import type { ApiCaller } from './roles.js';

export interface SubscriptionRevocationOptions {
  keys: ApiKeysService;
  auth: Authenticator;
  events: EventFeed;
  /** How often the keys of open streams are checked against the graph: the key cache's period. */
  checkEveryMs: number;
  log: Logger;
}

/**
 * Ends the open subscriptions (SSE streams) of a key once it is revoked, with a last event whose
 * error says so. A revocation announced on Redis (`provhunt keys revoke`) ends them at once in every
 * API process and drops the key from the authentication cache; a check of the open streams' keys
 * against the graph every `checkEveryMs` ends them within that time when the announcement was lost
 * (Redis down, or a key revoked by other means).
 */
export class SubscriptionRevocation {
  /** The end callbacks of the open streams, by key id. */
  private readonly open = new Map<string, Set<() => void>>();
  private readonly stopListening: () => void;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly opts: SubscriptionRevocationOptions) {
    this.stopListening = opts.events.onKeyRevoked(({ keyId }) => this.revoked(keyId));
    this.timer = setInterval(() => void this.checkOpenKeys(), opts.checkEveryMs);
    this.timer.unref();
  }

  /** Wraps every subscription's stream so that its key's revocation ends it. */
  plugin(): Plugin<{ caller: ApiCaller }> {
    return {
      onSubscribe: ({ args }) => ({
        onSubscribeResult: ({ result, setResult }) => {
          if (Symbol.asyncIterator in result) setResult(this.endedOnRevocation(result, args.contextValue.caller));
        },
      }),
    };
  }

  close(): void {
    clearInterval(this.timer);
    this.stopListening();
  }

  private revoked(keyId: string): void {
    this.opts.auth.forget(keyId);
    const ends = this.open.get(keyId);
    if (!ends) return;
    this.opts.log.info({ keyId, streams: ends.size }, 'ending the subscriptions of a revoked API key');
    for (const end of ends) end();
  }

  private async checkOpenKeys(): Promise<void> {
    if (this.open.size === 0) return;
    try {
      for (const keyId of await this.opts.keys.revokedAmong([...this.open.keys()])) this.revoked(keyId);
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message }, 'could not check the keys of open subscriptions');
    }
  }

  private endedOnRevocation(stream: AsyncIterable<ExecutionResult>, caller: ApiCaller): AsyncIterableIterator<ExecutionResult> {
    return new Repeater<ExecutionResult>(async (push, stop) => {
      const iterator = stream[Symbol.asyncIterator]();
      const ends = this.open.get(caller.keyId) ?? new Set();
      this.open.set(caller.keyId, ends);
      const end = () => {
        void push({ errors: [new GraphQLError(`API key '${caller.name}' was revoked; the subscription has ended`, { extensions: { code: 'UNAUTHENTICATED' } })] });
        stop();
      };
      ends.add(end);
      void stop.then(() => {
        ends.delete(end);
        if (ends.size === 0) this.open.delete(caller.keyId);
        void iterator.return?.();
      });
      for (;;) {
        const next = await Promise.race([iterator.next(), stop]);
        if (!next || next.done) break;
        await push(next.value);
      }
      stop();
    });
  }
}
