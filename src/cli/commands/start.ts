import path from 'node:path';
import type { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { startApi } from '../../api/server.js';
import { checkHealth } from '../../api/health.js';
import { loadConfig } from '../../config/config.js';
import { projectRoot } from '../../config/paths.js';
import { cypher } from '../../graph/cypher.js';
import { createDriver } from '../../graph/driver.js';
import { migrate } from '../../graph/migrate.js';
import { ingestFiles } from '../../ingest/ingestFiles.js';
import { createLogger } from '../../log.js';
import { ingestQueue } from '../../queue/queues.js';
import { FindingsService } from '../../services/findingsService.js';
import { readOrCreateSecret } from '../../stack/secrets.js';
import { startStack } from '../../stack/stack.js';
import { waitFor } from '../../stack/processes.js';
import { spawnWorkers } from '../../stack/workerProcesses.js';
import { formatFinding } from './findings.js';

const sampleDir = path.join(projectRoot, 'docs', 'samples');

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the stack (Neo4j and Redis unless NEO4J_URI / REDIS_URL are set), the workers and the API; Ctrl-C stops it all')
    .option('--sample', 'load the bundled sample telemetry and print its findings')
    .action(async (opts: { sample?: boolean }) => {
      const config = loadConfig();
      const log = createLogger('provhunt', config.logLevel);
      const say = (msg: string) => process.stderr.write(`provhunt: ${msg}\n`);
      const stack = await startStack(config, say);
      const driver = createDriver(stack.connections.neo4j);
      const database = stack.connections.neo4j.database;
      const queue = ingestQueue(stack.connections.redis.url, config.queuePrefix);
      const workers = spawnWorkers(config.workers.processes, stack.connections, config.workers.metrics.port);
      let api: Awaited<ReturnType<typeof startApi>> | undefined;

      let stopping = false;
      const stop = async (code: number) => {
        if (stopping) return;
        stopping = true;
        say('stopping');
        await api?.close();
        await workers.stop();
        await queue.close();
        await driver.close();
        await stack.stop();
        process.exit(code);
      };
      process.on('SIGINT', () => void stop(0));
      process.on('SIGTERM', () => void stop(0));

      try {
        await migrate(driver, database);
        const apiKeyFile = path.join(config.home, 'secrets', 'api-key');
        const apiKey = config.api.key ?? readOrCreateSecret(apiKeyFile);
        api = await startApi({ host: config.api.host, port: config.api.port, apiKey, driver, database, ingestQueue: queue, redisUrl: stack.connections.redis.url, queuePrefix: config.queuePrefix, ingest: config.ingest, metricsPublic: config.api.metricsPublic, responseCacheMs: config.api.cacheMs, log });
        await waitFor(async () => (await checkHealth(driver, queue, database)).ok, 60_000, 'the ingest workers');

        if (opts.sample && !(await holdsTelemetry(driver, database))) {
          const result = await ingestFiles([sampleDir], {
            redisUrl: stack.connections.redis.url,
            prefix: config.queuePrefix,
            batchSize: config.ingest.batchSize,
            partitions: config.ingest.partitions,
            wait: true,
            onReject: (r) => say(`rejected ${r.file}:${r.line} ${r.field ?? ''} ${r.reason}`),
          });
          say(`sample loaded: ${result.accepted} events from ${result.files} file(s), ${result.failedBatches} failed batch(es), ${result.findings} finding match(es)`);
          const page = await new FindingsService(driver, database).list({}, 20);
          for (const finding of page.items) process.stdout.write(formatFinding(finding));
        } else if (opts.sample) {
          // Every start after the first, or a stack pointed at real telemetry: the demo stays out of it.
          say(`sample not loaded: the graph already holds telemetry (load it anyway: npx provhunt ingest --wait ${path.relative(process.cwd(), sampleDir) || sampleDir})`);
        }
        say(`API ready at ${api.url}/graphql  (health: ${api.url}/healthz)`);
        say(config.api.key ? 'API key (admin): the value of PROVHUNT_API_KEY' : `API key (admin): in ${apiKeyFile} (send it as Authorization: Bearer <key>)`);
        say('keys for people and tools, by role: provhunt keys create --name <who> --role viewer|analyst|admin');
        say('Ctrl-C to stop');
      } catch (err) {
        say((err as Error).message);
        await stop(1);
      }
    });
}

/** Whether the graph holds any host yet: the bundled sample is loaded into an empty graph only. */
export async function holdsTelemetry(driver: Driver, database?: string): Promise<boolean> {
  const { records } = await driver.executeQuery(cypher('schema/holds-hosts'), {}, { database, routing: 'READ' });
  return records[0]!.get('any') as boolean;
}
