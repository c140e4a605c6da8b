import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiCaller } from './roles.js';

/** Query fields never answered from the cache: a hunt may store findings; live operational counters. */
const UNCACHED_FIELDS = ['hunt', 'ingestRate', 'queueDepths'];
/**
 * Answers made only of findings, suppressions and tunables: every change to those is announced
 * (finding changes by the process that stores them, mutations by the process that runs them), so
 * the TTL only bounds memory.
 */
const ANNOUNCED_FIELDS = ['findings', 'analytics', 'suppressions'];
/** Fields under an announced one that read telemetry, whose changes are not announced. */
const TELEMETRY_FIELDS = ['Finding.evidenceGraph', 'Finding.context'];
export const ANNOUNCED_TTL_MS = 60_000;
/** Bounds the cache's memory: least recently used responses go first. */
const MAX_RESPONSES = 5_000;

export interface CacheObserver {
  lookup(hit: boolean): void;
  invalidated(): void;
}

/**
 * Repeated queries (dashboards polling the same page, hunters reopening a pivot) answered from
 * memory. Keyed by document, variables, the caller's role (an answer depends on the role, never
 * on which key asked) and a generation. Every finding change and every mutation any process
 * announces on Redis moves the generation and empties the store: a findings page is never older
 * than the last change this process heard of, and is kept up to ANNOUNCED_TTL_MS; an answer that
 * reads telemetry (pivots, timelines, evidence graphs), whose changes are not announced, at most
 * `ttlMs`. Every root field has its TTL, and an
 * answer keeps the least of its fields', so mixing findings with a pivot keeps the pivot's.
 * Authentication runs before GraphQL, so an unauthenticated request never reaches it.
 */
export class ResponseCache {
  private current = createInMemoryCache({ max: MAX_RESPONSES });
  /**
   * Part of every key: an answer a request started computing before an invalidation is stored
   * under the old generation, which no later request asks for.
   */
  private generation = 0;

  /**
   * `announce` tells the other API processes that a mutation ran here (this process's store is
   * emptied at once); `observe` counts hits, misses and invalidations (the API's /metrics).
   */
  constructor(
    private readonly ttlMs: number,
    private readonly announce: () => void = () => {},
    private readonly observe: CacheObserver = { lookup: () => {}, invalidated: () => {} },
  ) {}

  /** Every cached answer is stale from now on (a finding changed somewhere, or a mutation ran). */
  invalidate(): void {
    this.generation += 1;
    // A new store, not only new keys: old answers go at once, and an old ETag no longer earns a 304.
    this.current = createInMemoryCache({ max: MAX_RESPONSES });
    this.observe.invalidated();
  }

  plugins(schema: GraphQLSchema): Plugin[] {
    if (this.ttlMs <= 0) return [];
    return [
      {
        // Whatever a mutation changed (a status, a suppression, a tunable), nothing cached before it is served.
        onExecute: ({ args }) => {
          if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return undefined;
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
        ttlPerSchemaCoordinate: this.ttls(schema),
        cache: this.store(),
        // Mutations are never stored (and so never answered with a 304 from an ETag).
        invalidateViaMutation: true,
        includeExtensionMetadata: false,
      }) as Plugin,
    ];
  }

  /** A TTL for every root query field (the plugin keeps the least among the fields it met, else its default). */
  private ttls(schema: GraphQLSchema): Record<string, number> {
    const ttlOf = (field: string) => (UNCACHED_FIELDS.includes(field) ? 0 : ANNOUNCED_FIELDS.includes(field) ? Math.max(this.ttlMs, ANNOUNCED_TTL_MS) : this.ttlMs);
    const roots = Object.keys(schema.getQueryType()?.getFields() ?? {});
    return {
      ...Object.fromEntries(roots.map((field) => [`Query.${field}`, ttlOf(field)])),
      ...Object.fromEntries(TELEMETRY_FIELDS.map((field) => [field, this.ttlMs])),
    };
  }

  /**
   * The store the plugin sees: the current generation's, counting answers served from it (hits)
   * and answers executed and stored (misses: the plugin may look a key up more than once per request).
   */
  private store(): Cache {
    return {
      get: async (key) => {
        const answer = await this.current.get(key);
        if (answer != null) this.observe.lookup(true);
        return answer;
      },
      set: (...args) => {
        this.observe.lookup(false);
        return this.current.set(...args);
      },
      invalidate: (entities) => this.current.invalidate(entities),
    };
  }
}
