import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j, type LocalService } from './localNeo4j.js';
import { startLocalRedis } from './localRedis.js';
import { freePort } from './processes.js';
import type { Connections } from './stack.js';

export interface ThrowawayStack {
  connections: Connections;
  /** The local Neo4j's process, when this started one (for memory sampling). */
  neo4jPid?: number;
  /** The local Redis's process, when this started one. */
  redisPid?: number;
  stop(): Promise<void>;
}

/**
 * A Neo4j and a Redis on free loopback ports in a temporary folder, deleted on stop, for tests
 * and benchmarks (Neo4j's data in `neo4jDir` instead when given, kept). NEO4J_URI (with NEO4J_PASSWORD) and REDIS_URL, when set, are used instead.
 */
export async function startThrowawayStack(opts: { name: string; heap: string; pageCacheMb: number; neo4jDir?: string }): Promise<ThrowawayStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${opts.name}-`));
  const started: LocalService[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A caller-owned Neo4j folder outlives the stack (a benchmark graph built once, loaded many times).
  const neo4jDir = opts.neo4jDir ?? path.join(dir, 'neo4j');
  try {
    let neo4j: Connections['neo4j'];
    let neo4jPid: number | undefined;
    if (process.env.NEO4J_URI) {
      neo4j = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || undefined };
    } else {
      const password = crypto.randomBytes(18).toString('base64url');
      const server = await startLocalNeo4j({ dataDir: neo4jDir, port: await freePort(), password, heap: opts.heap, pageCacheMb: opts.pageCacheMb });
      started.push(server);
      neo4jPid = server.pid;
      neo4j = { uri: server.url, user: 'neo4j', password };
    }
    let redisUrl = process.env.REDIS_URL;
    let redisPid: number | undefined;
    if (!redisUrl) {
      const redis = await startLocalRedis({ dataDir: path.join(dir, 'redis'), port: await freePort(), persistent: false });
      started.push(redis);
      redisUrl = redis.url;
      redisPid = redis.pid;
    }
    return { connections: { neo4j, redis: { url: redisUrl } }, neo4jPid, redisPid, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
