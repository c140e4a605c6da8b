import type http from 'node:http';
import type { Driver, ManagedTransaction, QueryResult, Result, Session } from 'neo4j-driver';
import { Histogram, type Registry } from 'prom-client';
import { cypherNameOf } from '../graph/cypher.js';

/** Latency buckets (seconds) of every provhunt histogram: 5 ms to 30 s. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type CypherHistogram = Histogram<'query' | 'outcome'>;

/** `provhunt_cypher_duration_seconds`, the same metric in the API and the worker processes. */
export function cypherHistogram(registry: Registry, whose: string): CypherHistogram {
  return new Histogram({ name: 'provhunt_cypher_duration_seconds', help: `Cypher statements ${whose} ran, by cypher/ file (inline: not from a file)`, labelNames: ['query', 'outcome'], buckets: latencyBuckets, registers: [registry] });
}

/** Starts timing a statement now; the returned function observes it once `settling` settles. */
function timer(histogram: CypherHistogram, query: unknown) {
  const end = histogram.startTimer({ query: typeof query === 'string' ? (cypherNameOf(query) ?? 'inline') : 'inline' });
  return <T>(settling: PromiseLike<T>): Promise<T> =>
    Promise.resolve(settling).then(
      (value) => (end({ outcome: 'ok' }), value),
      (err: unknown) => {
        end({ outcome: 'error' });
        throw err;
      },
    );
}

/**
 * The same driver with each statement timed by its cypher/ file: executeQuery, and run inside a
 * session's transactions (the ingest writes), so every service built on it is measured unchanged.
 */
export function timedDriver(driver: Driver, histogram: CypherHistogram): Driver {
  const executeQuery = (...args: Parameters<Driver['executeQuery']>) => timer(histogram, args[0])(driver.executeQuery(...args));
  const session = (...args: Parameters<Driver['session']>) => timedSession(driver.session(...args), histogram);
  return delegate(driver, { executeQuery, session });
}

function timedSession(session: Session, histogram: CypherHistogram): Session {
  const inTransaction =
    (execute: Session['executeRead']) =>
    <T>(work: (tx: ManagedTransaction) => Promise<T> | T, config?: Parameters<Session['executeRead']>[1]) =>
      execute.call(session, (tx: ManagedTransaction) => work(delegate(tx, { run: (...args: Parameters<ManagedTransaction['run']>) => timedResult(tx.run(...args), histogram, args[0]) })), config);
  return delegate(session, {
    run: (...args: Parameters<Session['run']>) => timedResult(session.run(...args), histogram, args[0]),
    executeRead: inTransaction(session.executeRead),
    executeWrite: inTransaction(session.executeWrite),
  });
}

/** Times a statement from now until its result is awaited to the end (as every caller here does). */
function timedResult<R extends Result>(result: R, histogram: CypherHistogram, query: unknown): R {
  const measure = timer(histogram, query);
  let measured: Promise<QueryResult> | undefined;
  const then: Result['then'] = (onFulfilled, onRejected) => (measured ??= measure(result)).then(onFulfilled, onRejected);
  return delegate(result, { then });
}

/** `target` with some members replaced and every other method bound to it. */
function delegate<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get: (t, prop) => {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop];
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

/** Answers a scrape with a registry's metrics in the Prometheus text format. */
export async function writeMetrics(res: http.ServerResponse, registry: Registry): Promise<void> {
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType });
  res.end(body);
}
