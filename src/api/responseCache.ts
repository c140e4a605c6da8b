import crypto from 'node:crypto';
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ALL, scopeOf } from './cacheScopes.js';
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
/** Bounds the cache's memory: least recently used responses go first (per analytic's scope: a fifth). */
const MAX_RESPONSES = 5_000;

export interface CacheObserver {
  lookup(hit: boolean): void;
  invalidated(): void;
}

/**
 * Repeated queries (dashboards polling the same page, hunters reopening a pivot) answered from
 * memory. Keyed by document, variables and the caller's role (an answer depends on the role, never
 * on which key asked), within a scope (src/api/cacheScopes.ts): the findings of one analytic, or
 * everything. A finding change moves the generation of its analytic's scope and of the `all` scope
 * and empties their stores, so findings pages of other analytics stay cached while detections
 * land; a mutation, or any process's announcement on Redis, empties every scope. A findings page is
 * never older than the last change this process heard of, and is kept up to ANNOUNCED_TTL_MS; an
 * answer that reads telemetry (pivots, timelines, evidence graphs), whose changes are not
 * announced, at most `ttlMs`. Every root field has its TTL, and an answer keeps the least of its
 * fields', so mixing findings with a pivot keeps the pivot's. Authentication runs before GraphQL,
 * so an unauthenticated request never reaches it.
 */
export class ResponseCache {
  private stores = new Map<string, Cache>();
  /**
   * Part of every key: each scope's generation (moved by a finding change of its analytic) and
   * every scope's (moved by a mutation). An answer a request started computing before an
   * invalidation carries an old one and is not stored (storeOf).
   */
  private generations = new Map<string, number>();
  private generation = 0;

  /**
   * `announce` tells the other API processes that a mutation ran here (this process's store is
   * emptied at once); `observe` counts hits, misses and invalidations (the API's /metrics);
   * `analytics` are the analytic ids with a scope of their own (any other id falls in `all`, so
   * scopes stay as few as the catalog's analytics).
   */
  constructor(
    private readonly ttlMs: number,
    private readonly announce: () => void = () => {},
    private readonly observe: CacheObserver = { lookup: () => {}, invalidated: () => {} },
    private readonly analytics: readonly string[] = [],
  ) {}

  /**
   * Cached answers are stale from now on: those of an analytic's scope and the `all` scope when a
   * finding of `analytic` changed, every one otherwise (a mutation ran, or a change of unknown kind).
   */
  invalidate(analytic?: string): void {
    const scopes = analytic === undefined ? undefined : [ALL, `analytic:${analytic}`];
    if (scopes) {
      for (const scope of scopes) {
        this.generations.set(scope, (this.generations.get(scope) ?? 0) + 1);
        // A new store, not only new keys: old answers go at once, and an old ETag no longer earns a 304.
        this.stores.delete(scope);
      }
    } else {
      this.generation += 1;
      this.stores = new Map();
    }
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
        session: (_request, context) => context.caller.role,
        buildResponseCacheKey: (params) => this.keyOf(params),
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
   * `<scope>.<generation>.<scope's generation>:<hash of document, operation, variables, role>`:
   * the scope prefix picks the store, and is URI-encoded since keys travel as ETag headers.
   */
  private keyOf(params: { documentString: string; operationName?: string | null; variableValues?: Record<string, unknown> | null; sessionId?: string | null }): string {
    const scope = scopeOf(params.documentString, params.operationName, params.variableValues, this.analytics);
    const hash = crypto
      .createHash('sha256')
      .update([params.documentString, params.operationName ?? '', stableJson(params.variableValues ?? {}), params.sessionId ?? ''].join('|'))
      .digest('hex');
    return `${encodeURIComponent(scope)}.${this.generation}.${this.generations.get(scope) ?? 0}:${hash}`;
  }

  /**
   * The store of a key's scope, for a key of the scope's current generation only: an answer begun
   * before an invalidation is not stored, and a key not made here (an old ETag in If-None-Match)
   * finds nothing.
   */
  private storeOf(key: string, create: boolean): Cache | undefined {
    const scope = decodeScope(key);
    if (scope === undefined || !key.startsWith(`${encodeURIComponent(scope)}.${this.generation}.${this.generations.get(scope) ?? 0}:`)) return undefined;
    let store = this.stores.get(scope);
    if (!store && create) this.stores.set(scope, (store = createInMemoryCache({ max: scope === ALL ? MAX_RESPONSES : MAX_RESPONSES / 5 })));
    return store;
  }

  /**
   * The store the plugin sees: each scope's current store, counting answers served from it (hits)
   * and answers executed and stored (misses: the plugin may look a key up more than once per request).
   */
  private store(): Cache {
    return {
      get: async (key) => {
        const answer = await this.storeOf(key, false)?.get(key);
        if (answer != null) this.observe.lookup(true);
        return answer;
      },
      set: (key, ...rest) => {
        this.observe.lookup(false);
        return this.storeOf(key, true)?.set(key, ...rest);
      },
      invalidate: async (entities) => {
        await Promise.all([...this.stores.values()].map((store) => store.invalidate(entities)));
      },
    };
  }
}

function decodeScope(key: string): string | undefined {
  const dot = key.indexOf('.');
  if (dot < 1) return undefined;
  try {
    return decodeURIComponent(key.slice(0, dot));
  } catch {
    return undefined;
  }
}

/** JSON with object keys sorted, so the same variables in another order make the same key. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
