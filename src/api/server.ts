import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import { createYoga } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { SubmissionStore } from '../ingest/submissions.js';
import type { IngestJob, IngestResult } from '../queue/queues.js';
import type { Driver } from 'neo4j-driver';
import type { Logger } from '../log.js';
import { FindingsService } from '../services/findingsService.js';
import { apiKeyChecker } from './auth.js';
import type { ApiContext } from './context.js';
import { checkHealth } from './health.js';
import { ingestRoutes } from './ingestHttp.js';
import { buildSchema } from './schema.js';

export interface ApiOptions {
  host: string;
  port: number;
  apiKey: string;
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

export async function startApi(opts: ApiOptions): Promise<RunningApi> {
  const findings = new FindingsService(opts.driver, opts.database);
  const yoga = createYoga<Record<string, unknown>, ApiContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    context: (): ApiContext => ({ findings, driver: opts.driver, database: opts.database, actor: 'api:bootstrap' }),
    logging: false,
    // Unexpected errors are masked; GraphQLErrors thrown on bad input say exactly what is wrong.
    maskedErrors: true,
  });
  const authorized = apiKeyChecker(opts.apiKey);
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', (err) => opts.log.warn({ err: err.message }, 'redis error'));
  const ingest = ingestRoutes({
    queue: opts.ingestQueue,
    submissions: new SubmissionStore(redis, opts.queuePrefix, opts.ingestQueue),
    ...opts.ingest,
  });

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      void checkHealth(opts.driver, opts.ingestQueue, opts.database).then((report) => {
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(report));
      });
      return;
    }
    if (!authorized(req)) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
      res.end(JSON.stringify({ error: 'missing or invalid API key (send Authorization: Bearer <key>)' }));
      return;
    }
    if (path?.startsWith('/v1/')) {
      ingest(req, res, path)
        .then((handled) => {
          if (!handled) {
            res.writeHead(404, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: `no route ${path}` }));
          }
        })
        .catch((err: Error) => {
          opts.log.error({ err: err.message, path }, 'ingest request failed');
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'internal error' }));
        });
      return;
    }
    void yoga(req, res);
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
