import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createDriver } from '../../src/graph/driver.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { freePort } from '../../src/stack/processes.js';
import { resolveConnections, startStack } from '../../src/stack/stack.js';

/** The stack `npm start` runs: data and queued jobs survive a stop and a second start. */
describe('the local stack (Neo4j launcher + redis-server under PROVHUNT_HOME)', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-home-'));
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('keeps graph data and queued jobs across a restart, with the password stored owner-only', async () => {
    const config = loadConfig({ PROVHUNT_HOME: home, PROVHUNT_NEO4J_PORT: String(await freePort()), PROVHUNT_REDIS_PORT: String(await freePort()), PROVHUNT_NEO4J_HEAP: '512m', PROVHUNT_NEO4J_PAGECACHE_MB: '64' });

    const first = await startStack(config);
    expect(resolveConnections(config).neo4j.uri).toBe(first.connections.neo4j.uri);
    let driver = createDriver(first.connections.neo4j);
    await driver.executeQuery("CREATE (:Marker {name: 'survives'})");
    await driver.close();
    let queue = ingestQueue(first.connections.redis.url, 'restart');
    await queue.add('events', { batchId: 'b1', origin: 'test', firstLine: 1, events: [] }, { jobId: 'b1' });
    await queue.close();
    await first.stop();
    expect(fs.existsSync(path.join(home, 'stack.json'))).toBe(false);
    expect(fs.statSync(path.join(home, 'secrets', 'neo4j-password')).mode & 0o777).toBe(0o600);

    const second = await startStack(config);
    try {
      driver = createDriver(second.connections.neo4j);
      const { records } = await driver.executeQuery('MATCH (m:Marker) RETURN m.name AS name');
      expect(records.map((r) => r.get('name'))).toEqual(['survives']);
      await driver.close();
      queue = ingestQueue(second.connections.redis.url, 'restart');
      expect((await queue.getJob('b1'))?.data.origin).toBe('test');
      await queue.close();
    } finally {
      await second.stop();
    }
  }, 180_000);

  it('refuses a port that is already taken, naming the variable to change', async () => {
    const config = loadConfig({ PROVHUNT_HOME: home, REDIS_URL: 'redis://127.0.0.1:1', PROVHUNT_NEO4J_PORT: '1' });
    const port = await freePort();
    const net = await import('node:net');
    const blocker = net.createServer().listen(port, '127.0.0.1');
    try {
      const busy = loadConfig({ PROVHUNT_HOME: home, REDIS_URL: config.redis.url, PROVHUNT_NEO4J_PORT: String(port) });
      await expect(startStack(busy)).rejects.toThrow(`provhunt: 127.0.0.1:${port} is already in use; set PROVHUNT_NEO4J_PORT to a free port, or NEO4J_URI to use that server`);
    } finally {
      blocker.close();
    }
  });
});
