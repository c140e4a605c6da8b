import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { LocalService } from './localNeo4j.js';
import { portInUse, requireTool, waitFor } from './processes.js';

export interface LocalRedisOptions {
  dataDir: string;
  port: number;
  /** Append-only persistence, so queued jobs survive a restart; tests turn it off. */
  persistent: boolean;
}

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function startLocalRedis(opts: LocalRedisOptions): Promise<LocalService> {
  requireTool('redis-server');
  if (await portInUse(opts.port)) {
    throw new Error(`provhunt: 127.0.0.1:${opts.port} is already in use; set PROVHUNT_REDIS_PORT to a free port, or REDIS_URL to use that server`);
  }
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const args = [
    '--port', String(opts.port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--dir', opts.dataDir,
    '--appendonly', opts.persistent ? 'yes' : 'no',
    '--save', '',
    '--daemonize', 'no',
    '--logfile', path.join(opts.dataDir, 'redis.log'),
    // BullMQ requires that Redis never evicts its keys.
    '--maxmemory-policy', 'noeviction',
  ];
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${opts.port}`;
  let failed = false;
  void exited.then(() => (failed = true));
  await waitFor(async () => {
    if (failed) throw new Error(`provhunt: redis-server exited at start; see ${path.join(opts.dataDir, 'redis.log')}`);
    return answersPing(url);
  }, 20_000, `Redis on ${url}`);

  return {
    url,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM'); // redis-server flushes the append-only file on SIGTERM
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
