import type http from 'node:http';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { IngestTotals } from '../ingest/ingestStats.js';
import { cypherHistogram, latencyBuckets, timedDriver } from '../metrics/cypherTiming.js';
import type { OperationsService } from '../services/operationsService.js';

/** Operation names are the client's choice: past this many distinct ones, the rest count as "other". */
const MAX_OPERATION_NAMES = 200;

/**
 * The API process's Prometheus metrics (GET /metrics). Request and Cypher latencies are measured
 * here; queue depths and the workers' counters are read from Redis on each scrape, so one scrape
 * of any API process covers every worker process.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  private readonly graphql: Histogram<'operation' | 'type'>;
  private readonly cypher: Histogram<'query' | 'outcome'>;
  private readonly operationNames = new Set<string>();
  /** Response cache lookups by outcome, and how often every cached answer went stale (src/api/responseCache.ts). */
  readonly cacheLookups: Counter<'outcome'>;
  readonly cacheInvalidations: Counter;

  constructor(operations: OperationsService) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.http = new Histogram({ name: 'provhunt_http_request_duration_seconds', help: 'HTTP requests by route, method and status (an SSE subscription counts when it ends)', labelNames: ['method', 'route', 'status'], buckets: latencyBuckets, registers });
    this.graphql = new Histogram({ name: 'provhunt_graphql_operation_duration_seconds', help: 'GraphQL query and mutation execution by operation name', labelNames: ['operation', 'type'], buckets: latencyBuckets, registers });
    this.cypher = cypherHistogram(this.registry, 'this API process');
    this.cacheLookups = new Counter({ name: 'provhunt_api_response_cache_lookups_total', help: 'Cacheable query answers by outcome (hit: served from memory; miss: executed and stored)', labelNames: ['outcome'], registers });
    this.cacheInvalidations = new Counter({ name: 'provhunt_api_response_cache_invalidations_total', help: 'Times every cached answer went stale (a finding change or a mutation, announced on Redis)', registers });
    queueGauge(operations, registers);
    workerCounters(operations, registers);
  }

  /** Times the request from now until its response is finished (or the client went away). */
  timeRequest(req: http.IncomingMessage, res: http.ServerResponse, path: string): void {
    const end = this.http.startTimer({ method: req.method ?? 'GET', route: routeOf(path) });
    res.once('close', () => end({ status: String(res.statusCode) }));
  }

  /** Times execution of each query and mutation (not parsing or validation). */
  graphqlPlugin(): Plugin {
    return {
      onExecute: ({ args }) => {
        const operation = getOperationAST(args.document, args.operationName);
        const end = this.graphql.startTimer({ operation: this.operationLabel(operation?.name?.value), type: operation?.operation ?? 'unknown' });
        return { onExecuteDone: () => void end() };
      },
    };
  }

  /** The same driver with each Cypher statement timed by its cypher/ file (src/metrics/cypherTiming.ts). */
  instrument(driver: Driver): Driver {
    return timedDriver(driver, this.cypher);
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}

/** Bounded route labels: ids in paths are not labels. */
function routeOf(path: string): string {
  if (path.startsWith('/v1/submissions/')) return '/v1/submissions/:id';
  return ['/graphql', '/v1/events', '/healthz', '/readyz', '/metrics'].includes(path) ? path : 'other';
}

function queueGauge(operations: OperationsService, registers: Registry[]): void {
  new Gauge({
    name: 'provhunt_queue_jobs',
    help: 'Jobs in the ingest and dead-letter queues by state, read from Redis on scrape',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      for (const { queue, ...counts } of await operations.queueDepths()) {
        for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
      }
    },
  });
}

/** The workers' totals from Redis, as counters: the Redis value is the count since the data began. */
function workerCounters(operations: OperationsService, registers: Registry[]): void {
  const counter = (name: string, help: string, labelNames: string[], read: (t: IngestTotals) => Array<[Record<string, string>, number]>) =>
    new Counter({
      name,
      help,
      labelNames,
      registers,
      // A few keys by MGET per counter and scrape: cheaper than coordinating the collectors.
      async collect() {
        const values = read(await operations.totals());
        this.reset();
        for (const [labels, n] of values) this.inc(labels, n);
      },
    });
  counter('provhunt_ingest_events_total', 'Events the workers wrote to the graph', [], (t) => [[{}, t.events]]);
  counter('provhunt_ingest_batches_total', 'Ingest batch attempts by outcome (a failed attempt may be retried)', ['outcome'], (t) => [
    [{ outcome: 'completed' }, t.batchesCompleted],
    [{ outcome: 'failed' }, t.batchesFailed],
  ]);
  counter('provhunt_detections_total', 'Findings the analytics matched after batches (re-matches count again)', [], (t) => [[{}, t.detections]]);
  counter('provhunt_findings_changes_total', 'Findings stored, by kind of change', ['kind'], (t) => [
    [{ kind: 'created' }, t.findingsCreated],
    [{ kind: 'updated' }, t.findingsUpdated],
  ]);
}
