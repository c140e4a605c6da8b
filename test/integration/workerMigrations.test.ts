import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { cypher } from '../../src/graph/cypher.js';
import { migrationNames } from '../../src/graph/migrate.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { stopProcess } from '../support/workers.js';

/**
 * Workers take no batch before the graph has every migration they were built with: the API or
 * `provhunt start` may still be applying them (docker compose starts both at once).
 */
describe('a worker started before the migrations are applied', () => {
  const prefix = uniquePrefix('migrations');
  const last = migrationNames().at(-1)!;
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
  });
  afterAll(async () => {
    await driver.executeQuery(cypher('schema/record-migration'), { name: last });
    await driver.close();
  });

  it('waits, saying which are missing, and takes its batches once they are applied', async () => {
    await driver.executeQuery('MATCH (m:Migration {name: $name}) DELETE m', { name: last });
    const worker = spawn(process.execPath, [path.join(projectRoot, 'dist', 'workers', 'ingest.js')], {
      env: { ...process.env, NEO4J_URI: stack().neo4j.uri, NEO4J_USER: stack().neo4j.user, NEO4J_PASSWORD: stack().neo4j.password, REDIS_URL: stack().redisUrl, PROVHUNT_QUEUE_PREFIX: prefix, PROVHUNT_LOG_LEVEL: 'info', PROVHUNT_WORKER_METRICS_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (d: Buffer) => (output += d.toString()));
    worker.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const queue = ingestQueue(stack().redisUrl, prefix);
    try {
      const event = { v: 1, id: 'before-migrations', ts: Date.parse('2024-05-01T00:00:00Z'), host: { id: 'h1', name: 'h1', os: 'linux' }, source: { format: 'test', recordId: 'x' }, kind: 'host.info', ips: ['10.0.0.9'] };
      await queue.add('events', { batchId: 'b1', origin: 'test', firstLine: 1, events: [event] } as never, { jobId: 'b1' });
      for (let i = 0; i < 200 && !output.includes('waiting for migrations'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(output).toContain('waiting for migrations before taking batches');
      expect(output).toContain(last);
      expect(await queue.getJobState('b1')).toBe('waiting');

      await driver.executeQuery(cypher('schema/record-migration'), { name: last });
      for (let i = 0; i < 300 && (await queue.getJobState('b1')) !== 'completed'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await queue.getJobState('b1')).toBe('completed');
    } finally {
      await stopProcess(worker);
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
