import type { Command } from 'commander';
import { startApi } from '../../api/server.js';
import { loadConfig } from '../../config/config.js';
import { createDriver } from '../../graph/driver.js';
import { migrate } from '../../graph/migrate.js';
import { createLogger } from '../../log.js';
import { ingestQueue } from '../../queue/queues.js';
import { resolveConnections } from '../../stack/stack.js';

/** The API alone, against servers from the environment (docker-compose, a deployment). */
export function registerApi(program: Command): void {
  program
    .command('api')
    .description('serve the GraphQL API only (NEO4J_URI, NEO4J_PASSWORD, REDIS_URL and PROVHUNT_API_KEY from the environment)')
    .action(async () => {
      const config = loadConfig();
      if (!config.api.key) throw new Error('provhunt api: PROVHUNT_API_KEY must be set');
      const connections = resolveConnections(config);
      const log = createLogger('provhunt-api', config.logLevel);
      const driver = createDriver(connections.neo4j);
      const database = connections.neo4j.database;
      await migrate(driver, database);
      const queue = ingestQueue(connections.redis.url, config.queuePrefix);
      const api = await startApi({ host: config.api.host, port: config.api.port, apiKey: config.api.key, driver, database, ingestQueue: queue, redisUrl: connections.redis.url, queuePrefix: config.queuePrefix, ingest: config.ingest, metricsPublic: config.api.metricsPublic, responseCacheMs: config.api.cacheMs, log });
      const stop = async () => {
        await api.close();
        await queue.close();
        await driver.close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void stop());
      process.on('SIGINT', () => void stop());
    });
}
