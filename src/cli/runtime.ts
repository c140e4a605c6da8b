import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../config/config.js';
import { createDriver } from '../graph/driver.js';
import { resolveConnections, type Connections } from '../stack/stack.js';

/** What a client command needs: config, connections to the running stack, and a driver it must close. */
export interface ClientRuntime {
  config: Config;
  connections: Connections;
  driver: Driver;
}

export async function withClient<T>(run: (rt: ClientRuntime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const connections = resolveConnections(config);
  const driver = createDriver(connections.neo4j);
  try {
    return await run({ config, connections, driver });
  } finally {
    await driver.close();
  }
}
