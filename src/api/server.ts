import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import { createYoga } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { SubmissionStore } from '../ingest/submissions.js';
import type { IngestJob, IngestResult } from '../queue/queues.js';
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../log.js';
import { ApiKeysService } from '../services/apiKeysService.js';
import { FindingsService } from '../services/findingsService.js';
import { Authenticator } from './auth.js';
import type { ApiContext } from './context.js';
import { checkHealth } from './health.js';
import { ingestRoutes } from './ingestHttp.js';
import { protectionPlugins } from './protection.js';
import { checkReadiness } from './readiness.js';
import { forbiddenMessage, hasRole, httpRequiredRole, type ApiCaller } from './roles.js';
import { buildSchema } from './schema.js';

export interface ApiOptions {
  host: string;
  port: number;
  /** The bootstrap key (PROVHUNT_API_KEY or secrets/api-key): an admin key named bootstrap. */
  apiKey: string;
  /** How long a verified key is trusted without asking Neo4j (default 30 s): the revocation delay. */
  keyCacheMs?: number;
  driver: Driver;
  database?: string;
  ingestQueue: Queue<IngestJob, IngestResult>;
  redisUrl: string;
  queuePrefix: string;
  ingest: { batchSize: number; maxBodyBytes: number; maxWaitingBatches: number };
  log: Logger;
}

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export async function startApi(opts: ApiOptions): Promise<RunningApi> {
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', (err) => opts.log.warn({ err: err.message }, 'redis error'));
  const handle = requestHandler(opts, redis);
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      opts.log.error({ err: err.message, path: req.url?.split('?')[0] }, 'request failed');
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
      redis.disconnect();
    },
  };
}

/** Probes first (no key), then the caller's key, then the route's role, then the route. */
function requestHandler(opts: ApiOptions, redis: Redis): Handler {
  const auth = new Authenticator({ bootstrapKey: opts.apiKey, keys: new ApiKeysService(opts.driver, opts.database), cacheMs: opts.keyCacheMs, log: opts.log });
  const graphql = graphqlHandler(opts);
  const ingest = ingestRoutes({
    queue: opts.ingestQueue,
    submissions: new SubmissionStore(redis, opts.queuePrefix, opts.ingestQueue),
    ...opts.ingest,
  });
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      const report = await checkHealth(opts.driver, opts.ingestQueue, opts.database);
      return json(res, report.ok ? 200 : 503, report);
    }
    if (path === '/readyz') {
      const report = await checkReadiness(opts.driver, redis, opts.database);
      return json(res, report.ready ? 200 : 503, report);
    }
    const caller = await authenticate(auth, req, res, opts.log);
    if (!caller) return;
    if (!path.startsWith('/v1/')) return graphql(req, res, caller);
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

function graphqlHandler(opts: ApiOptions) {
  const findings = new FindingsService(opts.driver, opts.database);
  const yoga = createYoga<{ caller: ApiCaller }, ApiContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    context: ({ caller }): ApiContext => ({ findings, driver: opts.driver, database: opts.database, caller, actor: `api:${caller.name}` }),
    plugins: protectionPlugins(),
    logging: false,
    // Unexpected errors are masked; GraphQLErrors thrown on bad input say exactly what is wrong.
    maskedErrors: true,
  });
  return async (req: http.IncomingMessage, res: http.ServerResponse, caller: ApiCaller) => {
    await yoga.handle(req, res, { caller });
  };
}
