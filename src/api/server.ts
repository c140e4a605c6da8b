import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import { createYoga } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { SubmissionStore } from '../ingest/submissions.js';
import type { IngestJob, IngestResult } from '../queue/queues.js';
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../log.js';
import { writeMetrics } from '../metrics/cypherTiming.js';
import { deadLetterQueue } from '../queue/queues.js';
import { ApiKeysService } from '../services/apiKeysService.js';
import { DashboardService } from '../services/dashboardService.js';
import { FindingsService } from '../services/findingsService.js';
import { InvestigationService } from '../services/investigationService.js';
import { OperationsService } from '../services/operationsService.js';
import { Authenticator, DEFAULT_KEY_CACHE_MS } from './auth.js';
import { ResponseCache } from './responseCache.js';
import { TelemetryMemo } from '../services/telemetryMemo.js';
import { loadCatalog } from '../analytics/catalog.js';
import type { ApiContext } from './context.js';
import { graphqlErrorLogging } from './errorLogging.js';
import { openEventFeed, type EventFeed } from './eventFeed.js';
import { checkHealth } from './health.js';
import { ingestRoutes } from './ingestHttp.js';
import { ApiMetrics } from './metrics.js';
import { protectionPlugins } from './protection.js';
import { checkReadiness } from './readiness.js';
import { graphiqlPage, wantsGraphiQL } from './graphiql.js';
import { createLoaders } from './loaders.js';
import { requestIdOf } from './requestIds.js';
import { forbiddenMessage, hasRole, httpRequiredRole, type ApiCaller } from './roles.js';
import { buildSchema } from './schema.js';
import { SubscriptionRevocation } from './subscriptionRevocation.js';

export interface ApiOptions {
  host: string;
  port: number;
  /** The bootstrap key (PROVHUNT_API_KEY or secrets/api-key): an admin key named bootstrap. */
  apiKey: string;
  /** How long a verified key is trusted without asking Neo4j (default 30 s): the revocation delay. */
  keyCacheMs?: number;
  /** How long a query's answer may be served from memory (src/api/responseCache.ts); 0 or absent: never. */
  responseCacheMs?: number;
  driver: Driver;
  database?: string;
  ingestQueue: Queue<IngestJob, IngestResult>;
  redisUrl: string;
  queuePrefix: string;
  ingest: { batchSize: number; partitions: number; lingerMs?: number; maxBodyBytes: number; maxWaitingBatches: number };
  /** Serve GET /metrics without a key (PROVHUNT_METRICS_PUBLIC=1); by default it needs a viewer key. */
  metricsPublic?: boolean;
  log: Logger;
}

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, log: Logger) => Promise<void>;

/** What the handlers share besides the options: the instrumented driver, Redis, metrics, keys and the event feed. */
interface ApiRuntime {
  opts: ApiOptions;
  driver: Driver;
  redis: Redis;
  metrics: ApiMetrics;
  operations: OperationsService;
  events: EventFeed;
  auth: Authenticator;
  revocation: SubscriptionRevocation;
  responseCache: ResponseCache;
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export async function startApi(opts: ApiOptions): Promise<RunningApi> {
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', (err) => opts.log.warn({ err: err.message }, 'redis error'));
  const deadLetters = deadLetterQueue(opts.redisUrl, opts.queuePrefix);
  deadLetters.on('error', (err) => opts.log.warn({ err: err.message }, 'dead-letter queue error'));
  const operations = new OperationsService(redis, opts.queuePrefix, [opts.ingestQueue, deadLetters]);
  const metrics = new ApiMetrics(operations);
  const events = openEventFeed(redis, opts.redisUrl, opts.queuePrefix, opts.log);
  const driver = metrics.instrument(opts.driver);
  const keys = new ApiKeysService(driver, opts.database);
  const keyCacheMs = opts.keyCacheMs ?? DEFAULT_KEY_CACHE_MS;
  const auth = new Authenticator({ bootstrapKey: opts.apiKey, keys, cacheMs: keyCacheMs, log: opts.log });
  // Open streams of revoked keys end at once on the Redis announcement, else within the cache period.
  const revocation = new SubscriptionRevocation({ keys, auth, events, checkEveryMs: Math.max(keyCacheMs, 1_000), log: opts.log });
  const responseCache = new ResponseCache(opts.responseCacheMs ?? 0, () => events.announceCacheStale(), {
    lookup: (hit) => metrics.cacheLookups.inc({ outcome: hit ? 'hit' : 'miss' }),
    invalidated: () => metrics.cacheInvalidations.inc(),
  }, loadCatalog().map((a) => a.id));
  // A change of unknown shape (another version's message) empties every scope.
  events.onFindingChanged((change) => responseCache.invalidate(typeof change?.analytic === 'string' ? change.analytic : undefined));
  events.onCacheStale(() => responseCache.invalidate());
  const handle = requestHandler({ opts, driver, redis, metrics, operations, events, auth, revocation, responseCache });
  const server = http.createServer((req, res) => {
    // Every log line of a request carries its id, which the response returns.
    const requestId = requestIdOf(req);
    const log = opts.log.child({ requestId });
    res.setHeader('x-request-id', requestId);
    handle(req, res, log).catch((err: Error) => {
      log.error({ err: err.message, path: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host}:${port}`;
  opts.log.info({ url: `${url}/graphql` }, 'API listening');
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      revocation.close();
      events.close();
      await deadLetters.close();
      redis.disconnect();
    },
  };
}

/** Probes first (no key), then the caller's key, then the route's role, then the route. */
function requestHandler(runtime: ApiRuntime): Handler {
  const { opts, driver, redis, metrics, auth } = runtime;
  const graphql = graphqlHandler(runtime);
  const ingest = ingestRoutes({
    queue: opts.ingestQueue,
    submissions: new SubmissionStore(redis, opts.queuePrefix, opts.ingestQueue),
    ...opts.ingest,
  });
  return async (req, res, log) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    metrics.timeRequest(req, res, path);
    if (path === '/healthz') {
      const report = await checkHealth(driver, opts.ingestQueue, opts.database);
      return json(res, report.ok ? 200 : 503, report);
    }
    if (path === '/readyz') {
      const report = await checkReadiness(driver, redis, opts.database);
      return json(res, report.ready ? 200 : 503, report);
    }
    if (path === '/metrics' && opts.metricsPublic) return serveMetrics(res, metrics);
    if (path === '/graphql' && wantsGraphiQL(req.method, req.headers.accept)) {
      const { html, gzipped } = graphiqlPage();
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', vary: 'accept-encoding', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      return void res.end(gzip ? gzipped : html);
    }
    const caller = await authenticate(auth, req, res, log);
    if (!caller) return;
    // Any valid key is at least a viewer.
    if (path === '/metrics') return serveMetrics(res, metrics);
    if (!path.startsWith('/v1/')) return graphql(req, res, caller, log);
    const need = httpRequiredRole(path);
    if (!hasRole(caller.role, need)) return json(res, 403, { error: forbiddenMessage(`${req.method} ${path}`, need, caller), requiredRole: need });
    if (!(await ingest(req, res, path))) json(res, 404, { error: `no route ${path}` });
  };
}

/** The caller, or undefined after answering 401 (no valid key) or 503 (keys cannot be checked). */
async function authenticate(auth: Authenticator, req: http.IncomingMessage, res: http.ServerResponse, log: Logger): Promise<ApiCaller | undefined> {
  try {
    const caller = await auth.authenticate(req);
    if (!caller) json(res, 401, { error: 'missing or invalid API key (send Authorization: Bearer <key>)' }, { 'www-authenticate': 'Bearer' });
    return caller;
  } catch (err) {
    log.error({ err: (err as Error).message }, 'cannot verify API keys');
    json(res, 503, { error: 'cannot verify the API key now (graph unavailable); retry later' }, { 'retry-after': '5' });
    return undefined;
  }
}

const serveMetrics = (res: http.ServerResponse, metrics: ApiMetrics) => writeMetrics(res, metrics.registry);

function graphqlHandler({ opts, driver, metrics, operations, events, revocation, responseCache }: ApiRuntime) {
  const services = {
    findings: new FindingsService(driver, opts.database),
    dashboards: new DashboardService(driver, opts.database),
    operations,
    findingChanges: events.findingChanges,
    telemetry: new TelemetryMemo(opts.responseCacheMs ?? 0),
  };
  const schema = buildSchema();
  const yoga = createYoga<{ caller: ApiCaller; log: Logger }, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Served before authentication with the example operations (src/api/graphiql.ts).
    graphiql: false,
    context: ({ caller, log }): ApiContext => ({ ...services, driver, database: opts.database, caller, actor: `api:${caller.name}`, log, loaders: createLoaders(services.findings, new InvestigationService(driver, opts.database)) }),
    plugins: [...protectionPlugins(), metrics.graphqlPlugin(), graphqlErrorLogging(), revocation.plugin(), ...responseCache.plugins(schema)],
    logging: false,
    // Unexpected errors are masked; GraphQLErrors thrown on bad input say exactly what is wrong.
    maskedErrors: true,
  });
  return async (req: http.IncomingMessage, res: http.ServerResponse, caller: ApiCaller, log: Logger) => {
    await yoga.handle(req, res, { caller, log });
  };
}
