import neo4j, { type Driver } from 'neo4j-driver';
import type { Connections } from '../stack/stack.js';

/**
 * One driver per process. Integers come back as JS numbers: our values (epoch ms, counts) fit in 2^53.
 *
 * A direct connection (bolt://) is one server, where every committed write is visible to the next
 * transaction: executeQuery's default bookmark manager (causal chaining between cluster members)
 * buys nothing there and costs each statement a bookmark exchange (~0.8 ms of latency and ~0.4 ms
 * of driver CPU per statement, measured on the 10M graph), so it is off unless the URI routes
 * (neo4j://), where reads may land on a follower and must wait for the writes they follow. (A
 * bolt:// URI naming one member of a cluster that routes server-side would lose read-your-writes:
 * use neo4j:// for clusters, as docs say.)
 */
export function createDriver(conn: Connections['neo4j']): Driver {
  const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 60_000,
  });
  if (!routes(conn.uri)) withoutCausalChaining(driver);
  return driver;
}

const routes = (uri: string) => /^neo4j(\+s|\+ssc)?:/i.test(uri);

/** executeQuery without a bookmark manager unless a call passes its own. */
function withoutCausalChaining(driver: Driver): void {
  const executeQuery = driver.executeQuery.bind(driver);
  driver.executeQuery = ((query: string, parameters?: Record<string, unknown>, config?: Record<string, unknown>) =>
    executeQuery(query, parameters, { bookmarkManager: null, ...config })) as Driver['executeQuery'];
}

export { neo4j };
