import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { startLocalNeo4j, type LocalService } from '../src/stack/localNeo4j.js';
import { startLocalRedis } from '../src/stack/localRedis.js';
import { freePort } from '../src/stack/processes.js';
import type { Connections } from '../src/stack/stack.js';

/** A throwaway Neo4j and Redis for a benchmark run (or NEO4J_URI / REDIS_URL when set). */
export async function benchStack(opts: { heap: string; pageCacheMb: number }): Promise<{ connections: Connections; neo4jPid?: number; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-bench-'));
  const started: LocalService[] = [];
  let neo4j: Connections['neo4j'];
  let neo4jPid: number | undefined;
  if (process.env.NEO4J_URI) {
    neo4j = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
  } else {
    const password = crypto.randomBytes(18).toString('base64url');
    const server = await startLocalNeo4j({ dataDir: path.join(dir, 'neo4j'), port: await freePort(), password, heap: opts.heap, pageCacheMb: opts.pageCacheMb });
    started.push(server);
    neo4jPid = server.pid;
    neo4j = { uri: server.url, user: 'neo4j', password };
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await startLocalRedis({ dataDir: path.join(dir, 'redis'), port: await freePort(), persistent: false });
    started.push(redis);
    redisUrl = redis.url;
  }
  return {
    connections: { neo4j, redis: { url: redisUrl } },
    neo4jPid,
    async stop() {
      for (const s of started.reverse()) await s.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Samples a process's resident memory every 100 ms; `peakMb()` is the highest seen. */
export function rssSampler(pid: number): { peakMb(): number; stop(): void } {
  let peak = 0;
  const sample = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // the process has exited; keep the last peak
    }
  };
  const timer = setInterval(sample, 100);
  timer.unref(); // never what keeps the benchmark alive
  sample();
  return { peakMb: () => (sample(), Math.round(peak)), stop: () => clearInterval(timer) };
}

export function spawnNode(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
