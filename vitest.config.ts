import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node loads the CJS one for us and for
    // graphql-yoga; Vite would pick the ESM one for our sources, and two GraphQLError classes
    // would break yoga's error masking in tests only. Resolve it the way Node does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway Neo4j and Redis for the whole run (or NEO4J_URI / REDIS_URL when given).
    globalSetup: ['test/support/globalStack.ts'],
    // Integration files share one database; running files one at a time keeps them independent.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
