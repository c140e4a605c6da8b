import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalService } from '../../src/stack/localNeo4j.js';
import { startLocalRedis } from '../../src/stack/localRedis.js';
import { freePort } from '../../src/stack/processes.js';

export interface TestStack {
  neo4j: { uri: string; user: string; password: string; database?: string };
  redisUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/**
 * Starts a real Neo4j and a real Redis on free loopback ports in a temporary folder, unless
 * NEO4J_URI (with NEO4J_PASSWORD) and REDIS_URL point at servers to use instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // For quick runs of pure unit tests only: integration tests fail without a stack.
  if (process.env.PROVHUNT_TEST_NO_STACK === '1') return async () => {};
  const started: LocalService[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-test-'));
  let neo4j: TestStack['neo4j'];
  if (process.env.NEO4J_URI) {
    neo4j = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE };
  } else {
    const password = crypto.randomBytes(18).toString('base64url');
    const t0 = Date.now();
    const server = await startLocalNeo4j({ dataDir: path.join(dir, 'neo4j'), port: await freePort(), password, heap: '1g', pageCacheMb: 256 });
    process.stderr.write(`test stack: Neo4j ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${server.url}\n`);
    started.push(server);
    neo4j = { uri: server.url, user: 'neo4j', password };
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startLocalRedis({ dataDir: path.join(dir, 'redis'), port: await freePort(), persistent: false });
    started.push(redis);
    redisUrl = redis.url;
  }
  project.provide('stack', { neo4j, redisUrl });
  return async () => {
    for (const service of started.reverse()) await service.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
