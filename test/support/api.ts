import type { Driver } from 'neo4j-driver';
import { startApi, type ApiOptions, type RunningApi } from '../../src/api/server.js';
import { createLogger } from '../../src/log.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { stack } from './graph.js';

/** The ingest limits API tests run with unless a test is about them. */
export const testIngestLimits = { batchSize: 5, partitions: 4, maxBodyBytes: 1 << 20, maxWaitingBatches: 100 };

/** The real API on a free loopback port against the test stack's Redis, logging nothing. */
export function startTestApi(opts: Pick<ApiOptions, 'apiKey' | 'driver' | 'ingestQueue' | 'queuePrefix'> & Partial<ApiOptions>): Promise<RunningApi> {
  return startApi({ host: '127.0.0.1', port: 0, redisUrl: stack().redisUrl, ingest: testIngestLimits, log: createLogger('test', 'silent'), ...opts });
}

/** The test API with an ingest queue of its own on `prefix` (no worker reads it); close() closes both. */
export async function startTestApiOnQueue(prefix: string, opts: Pick<ApiOptions, 'apiKey' | 'driver'> & Partial<ApiOptions>): Promise<RunningApi> {
  const queue = ingestQueue(stack().redisUrl, prefix);
  const api = await startTestApi({ ingestQueue: queue, queuePrefix: prefix, ...opts });
  return {
    url: api.url,
    close: async () => {
      await api.close();
      await queue.close();
    },
  };
}

/** The driver with each executeQuery shown to `observe` first: to count or inspect what the API runs. */
export function observedDriver(driver: Driver, observe: (query: string, params: Record<string, unknown>) => void): Driver {
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'executeQuery') {
        return (...args: Parameters<Driver['executeQuery']>) => {
          observe(args[0] as string, (args[1] ?? {}) as Record<string, unknown>);
          return target.executeQuery(...args);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** POST /graphql with a key, as a client does. */
export function postGraphql(url: string, key: string, query: string, variables?: Record<string, unknown>): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
  });
}
