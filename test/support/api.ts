import { startApi, type ApiOptions, type RunningApi } from '../../src/api/server.js';
import { createLogger } from '../../src/log.js';
import { stack } from './graph.js';

/** The ingest limits API tests run with unless a test is about them. */
export const testIngestLimits = { batchSize: 5, maxBodyBytes: 1 << 20, maxWaitingBatches: 100 };

/** The real API on a free loopback port against the test stack's Redis, logging nothing. */
export function startTestApi(opts: Pick<ApiOptions, 'apiKey' | 'driver' | 'ingestQueue' | 'queuePrefix'> & Partial<ApiOptions>): Promise<RunningApi> {
  return startApi({ host: '127.0.0.1', port: 0, redisUrl: stack().redisUrl, ingest: testIngestLimits, log: createLogger('test', 'silent'), ...opts });
}

/** POST /graphql with a key, as a client does. */
export function postGraphql(url: string, key: string, query: string, variables?: Record<string, unknown>): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
  });
}
