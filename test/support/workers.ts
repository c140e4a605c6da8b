import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/config/paths.js';
import type { TestStack } from './globalStack.js';

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
