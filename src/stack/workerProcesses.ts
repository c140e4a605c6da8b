import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../config/paths.js';
import type { Connections } from './stack.js';

/**
 * Starts ingest worker processes (workers/ingest.ts, compiled) with the stack's connections in
 * their environment. They share stdout/stderr with the parent and exit when it disconnects.
 * Worker i serves its metrics on metricsPort + i (0: each takes a free port).
 */
const WORKER_STOP_MS = 60_000;

export function spawnWorkers(count: number, connections: Connections, metricsPort: number): { children: ChildProcess[]; stop(): Promise<void> } {
  const entry = path.join(projectRoot, 'dist', 'workers', 'ingest.js');
  const env = {
    ...process.env,
    NEO4J_URI: connections.neo4j.uri,
    NEO4J_USER: connections.neo4j.user,
    NEO4J_PASSWORD: connections.neo4j.password,
    NEO4J_DATABASE: connections.neo4j.database ?? '',
    REDIS_URL: connections.redis.url,
  };
  const children = Array.from({ length: count }, (_, i) =>
    spawn(process.execPath, [entry], { env: { ...env, PROVHUNT_WORKER_METRICS_PORT: String(metricsPort === 0 ? 0 : metricsPort + i) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  return {
    children,
    async stop() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              // A worker finishes its batches in hand (about a second each) or, with Redis gone, exits
              // after 5 s (workers/ingest.ts); one still alive after a minute is stuck, and killed.
              const killer = setTimeout(() => child.kill('SIGKILL'), WORKER_STOP_MS);
              child.once('exit', () => (clearTimeout(killer), resolve()));
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
