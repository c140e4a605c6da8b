import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config/paths.js';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import type { TestStack } from './globalStack.js';
import { freshGraph, stack, uniquePrefix } from './graph.js';

/** Starts the real compiled worker entry point (dist/workers/ingest.js) against the test stack. */
export function startWorkerProcess(stack: TestStack, prefix: string, extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [path.join(projectRoot, 'dist', 'workers', 'ingest.js')], {
    env: {
      ...process.env,
      NEO4J_URI: stack.neo4j.uri,
      NEO4J_USER: stack.neo4j.user,
      NEO4J_PASSWORD: stack.neo4j.password,
      REDIS_URL: stack.redisUrl,
      PROVHUNT_QUEUE_PREFIX: prefix,
      PROVHUNT_LOG_LEVEL: 'warn',
      // A free port each: several workers run at once (extraEnv names one to scrape it).
      PROVHUNT_WORKER_METRICS_PORT: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * For a describe block: a fresh graph and one real worker process on a queue prefix of its own,
 * set up before the block's tests and stopped after them. Read the fields inside tests.
 */
export function withGraphAndWorker(name: string): { prefix: string; driver: Driver; worker: ChildProcess } {
  const ctx = { prefix: uniquePrefix(name) } as { prefix: string; driver: Driver; worker: ChildProcess };
  beforeAll(async () => {
    ctx.driver = await freshGraph();
    ctx.worker = startWorkerProcess(stack(), ctx.prefix);
  });
  afterAll(async () => {
    await stopProcess(ctx.worker);
    await ctx.driver.close();
  });
  return ctx;
}
