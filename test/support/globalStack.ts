import type { TestProject } from 'vitest/node';
import { startThrowawayStack } from '../../src/stack/throwawayStack.js';

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
  const t0 = Date.now();
  const stack = await startThrowawayStack({ name: 'provhunt-test', heap: '1g', pageCacheMb: 256 });
  process.stderr.write(`test stack ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: Neo4j at ${stack.connections.neo4j.uri}\n`);
  project.provide('stack', { neo4j: stack.connections.neo4j, redisUrl: stack.connections.redis.url });
  return stack.stop;
}
