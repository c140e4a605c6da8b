import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { Kind, type DefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiCaller } from './roles.js';

/** Query fields never answered from the cache: a hunt may store findings; live operational counters. */
const UNCACHED_FIELDS = ['Query.hunt', 'Query.ingestRate', 'Query.queueDepths'];
/** Bounds the cache's memory: least recently used responses go first. */
const MAX_RESPONSES = 5_000;

/**
 * Repeated queries (dashboards polling the same page, hunters reopening a pivot) answered from
 * memory for up to `ttlMs`. Keyed by document, variables, the caller's role (an answer depends on the
 * role, never on which key asked) and a generation that moves on every finding change any process
 * announces on Redis and on every mutation this process runs: a findings page is never older than
 * the last change this process heard of. Telemetry-fed answers (pivots, timelines) are at most
 * `ttlMs` old. Authentication runs before GraphQL, so an unauthenticated request never reaches it.
 */
export class ResponseCache {
  private generation = 0;

  constructor(private readonly ttlMs: number) {}

  /** Every cached answer is stale from now on (a finding changed somewhere, or a mutation ran here). */
  invalidate(): void {
    this.generation += 1;
  }

  plugins(): Plugin[] {
    if (this.ttlMs <= 0) return [];
    return [
      {
        // Whatever a mutation changed (a status, a suppression, a tunable), nothing cached before it is served.
        onExecute: ({ args }) => {
          const mutation = args.document.definitions.some((d: DefinitionNode) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
          return mutation ? { onExecuteDone: () => this.invalidate() } : undefined;
        },
      },
      useResponseCache<{ caller: ApiCaller }>({
        session: (_request, context) => `${context.caller.role}:${this.generation}`,
        ttl: this.ttlMs,
        ttlPerSchemaCoordinate: Object.fromEntries(UNCACHED_FIELDS.map((field) => [field, 0])),
        cache: createInMemoryCache({ max: MAX_RESPONSES }),
        // Generations, not entity tracking, decide freshness; no cache details in the answers.
        invalidateViaMutation: false,
        includeExtensionMetadata: false,
      }) as Plugin,
    ];
  }
}
