import neo4j, { type Driver } from 'neo4j-driver';
import type { Connections } from '../stack/stack.js';

/** One driver per process. Integers come back as JS numbers: our values (epoch ms, counts) fit in 2^53. */
export function createDriver(conn: Connections['neo4j']): Driver {
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 60_000,
  });
}

export { neo4j };
