import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { Kind, type DefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiCaller } from './roles.js';

/** Query fields never answered from the cache: a hunt may store findings; live operational counters. */
const UNCACHED_FIELDS = ['Query.hunt', 'Query.ingestRate', 'Query.queueDepths'];
/**
 * Answers made only of findings, suppressions and tunables: every change to those is announced
 * (finding changes by the process that stores them, mutations by the process that runs them), so
 * the TTL only bounds memory. A selection that reaches telemetry (a finding's evidence graph or
 * context) takes the shorter TTL of those fields: a cached answer's TTL is the least of its fields'.
 */
const ANNOUNCED_FIELDS = ['Query.findings', 'Query.analytics', 'Query.suppressions'];
const TELEMETRY_FIELDS = ['Finding.evidenceGraph', 'Finding.context'];
export const ANNOUNCED_TTL_MS = 60_000;
/** Bounds the cache's memory: least recently used responses go first. */
const MAX_RESPONSES = 5_000;

/**
 * Repeated queries (dashboards polling the same page, hunters reopening a pivot) answered from
 * memory. Keyed by document, variables, the caller's role (an answer depends on the role, never on
 * which key asked) and a generation that moves on every finding change and every mutation any
 * process announces on Redis: a findings page is never older than the last change this process
 * heard of, and is kept up to ANNOUNCED_TTL_MS; answers fed by telemetry (pivots, timelines, evidence
 * graphs), whose changes are not announced, at most `ttlMs`. Authentication runs before GraphQL, so
 * an unauthenticated request never reaches it.
 */
export class ResponseCache {
  private generation = 0;

  /**
   * `announce` tells the other API processes that a mutation ran here (the generation moves here at
   * once); `observe` counts lookups and invalidations (the API's /metrics).
   */
  constructor(
    private readonly ttlMs: number,
    private readonly announce: () => void = () => {},
    private readonly observe: { lookup(hit: boolean): void; invalidated(): void } = { lookup: () => {}, invalidated: () => {} },
  ) {}

  /** Every cached answer is stale from now on (a finding changed somewhere, or a mutation ran here). */
  invalidate(): void {
    this.generation += 1;
    this.observe.invalidated();
  }

  /**
   * The plugin's in-memory store, counting answers served from it (hits) and answers executed and
   * stored (misses; the plugin may look a key up more than once per request, so misses are counted
   * where an answer is stored).
   */
  private store(): Cache {
    const cache = createInMemoryCache({ max: MAX_RESPONSES });
    const get = cache.get.bind(cache);
    const set = cache.set.bind(cache);
    return Object.assign(cache, {
      get: async (key: string) => {
        const answer = await get(key);
        if (answer != null) this.observe.lookup(true);
        return answer;
      },
      set: (...args: Parameters<Cache['set']>) => {
        this.observe.lookup(false);
        return set(...args);
      },
    });
  }

  plugins(): Plugin[] {
    if (this.ttlMs <= 0) return [];
    return [
      {
        // Whatever a mutation changed (a status, a suppression, a tunable), nothing cached before it is served.
        onExecute: ({ args }) => {
          const mutation = args.document.definitions.some((d: DefinitionNode) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
          if (!mutation) return undefined;
          return {
            onExecuteDone: () => {
              this.invalidate();
              this.announce();
            },
          };
        },
      },
      useResponseCache<{ caller: ApiCaller }>({
        session: (_request, context) => `${context.caller.role}:${this.generation}`,
        ttl: this.ttlMs,
        ttlPerSchemaCoordinate: {
          ...Object.fromEntries(ANNOUNCED_FIELDS.map((field) => [field, Math.max(this.ttlMs, ANNOUNCED_TTL_MS)])),
          ...Object.fromEntries(TELEMETRY_FIELDS.map((field) => [field, this.ttlMs])),
          ...Object.fromEntries(UNCACHED_FIELDS.map((field) => [field, 0])),
        },
        cache: this.store(),
        // Generations, not entity tracking, decide freshness; no cache details in the answers.
        invalidateViaMutation: false,
        includeExtensionMetadata: false,
      }) as Plugin,
    ];
  }
}
