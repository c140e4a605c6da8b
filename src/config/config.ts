import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';

/**
 * Every setting provhunt reads from the environment, in one place.
 * docker-compose.yml and the README list the same names (a test keeps them in sync).
 */
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().min(1);

export const envSchema = z.object({
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI').optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  PROVHUNT_NEO4J_PORT: port.default(7687),
  PROVHUNT_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/i, 'must look like 1g or 512m').default('1g'),
  PROVHUNT_NEO4J_PAGECACHE_MB: positiveInt.default(512),
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL').optional(),
  PROVHUNT_REDIS_PORT: port.default(6380),
  PROVHUNT_HOME: z.string().min(1).optional(),
  PROVHUNT_API_HOST: z.string().min(1).default('127.0.0.1'),
  PROVHUNT_API_PORT: port.default(4000),
  PROVHUNT_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  PROVHUNT_API_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  PROVHUNT_METRICS_PUBLIC: z.enum(['0', '1'], 'must be 0 or 1').default('0'),
  PROVHUNT_WORKERS: positiveInt.max(64).default(2),
  PROVHUNT_WORKER_CONCURRENCY: positiveInt.max(64).default(1),
  PROVHUNT_WORKER_LOCK_MS: positiveInt.min(1000).default(30_000),
  PROVHUNT_WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  PROVHUNT_WORKER_METRICS_PORT: port.default(9464),
  PROVHUNT_PLAN_REFRESH_CHECK_MS: positiveInt.min(100).default(60_000),
  PROVHUNT_BATCH_SIZE: positiveInt.max(50_000).default(2000),
  PROVHUNT_BATCH_PARTITIONS: positiveInt.max(64).default(4),
  PROVHUNT_BATCH_LINGER_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  PROVHUNT_INGEST_MAX_BYTES: positiveInt.default(64 * 1024 * 1024),
  PROVHUNT_INGEST_MAX_WAITING: positiveInt.default(500),
  PROVHUNT_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only').default('provhunt'),
  PROVHUNT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROVHUNT_CONFIG: z.string().min(1).optional(),
  PROVHUNT_ANALYTICS: z.string().regex(/^\s*(AN\d{4}\s*(,\s*AN\d{4}\s*)*)?$/i, 'a comma-separated list of analytic ids, e.g. AN0862,AN0940').optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  home: string;
  neo4j: {
    uri?: string;
    user: string;
    password?: string;
    database?: string;
    localPort: number;
    heap: string;
    pageCacheMb: number;
  };
  redis: { url?: string; localPort: number };
  /** cacheMs: how long a query's answer may be served from memory (0: never). */
  api: { host: string; port: number; key?: string; metricsPublic: boolean; cacheMs: number };
  /** metrics: where each worker process serves GET /metrics (npm start gives its N workers port, port + 1, ...). */
  /** planRefreshCheckMs: how often a worker checks whether the graph grew enough to plan the detection queries again. */
  workers: { processes: number; concurrency: number; lockMs: number; metrics: { host: string; port: number }; planRefreshCheckMs: number };
  /** lingerMs: how long a partial batch of a slow input (stdin, an upload) waits for more events. */
  ingest: { batchSize: number; partitions: number; lingerMs: number; maxBodyBytes: number; maxWaitingBatches: number };
  queuePrefix: string;
  logLevel: Env['PROVHUNT_LOG_LEVEL'];
  analyticsConfigFile?: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; the error names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(blankToUndefined(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    home: path.resolve(e.PROVHUNT_HOME ?? path.join(projectRoot, '.provhunt')),
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      localPort: e.PROVHUNT_NEO4J_PORT,
      heap: e.PROVHUNT_NEO4J_HEAP,
      pageCacheMb: e.PROVHUNT_NEO4J_PAGECACHE_MB,
    },
    redis: { url: e.REDIS_URL, localPort: e.PROVHUNT_REDIS_PORT },
    api: { host: e.PROVHUNT_API_HOST, port: e.PROVHUNT_API_PORT, key: e.PROVHUNT_API_KEY, metricsPublic: e.PROVHUNT_METRICS_PUBLIC === '1', cacheMs: e.PROVHUNT_API_CACHE_MS },
    workers: {
      processes: e.PROVHUNT_WORKERS,
      concurrency: e.PROVHUNT_WORKER_CONCURRENCY,
      lockMs: e.PROVHUNT_WORKER_LOCK_MS,
      metrics: { host: e.PROVHUNT_WORKER_METRICS_HOST, port: e.PROVHUNT_WORKER_METRICS_PORT },
      planRefreshCheckMs: e.PROVHUNT_PLAN_REFRESH_CHECK_MS,
    },
    ingest: { batchSize: e.PROVHUNT_BATCH_SIZE, partitions: e.PROVHUNT_BATCH_PARTITIONS, lingerMs: e.PROVHUNT_BATCH_LINGER_MS, maxBodyBytes: e.PROVHUNT_INGEST_MAX_BYTES, maxWaitingBatches: e.PROVHUNT_INGEST_MAX_WAITING },
    queuePrefix: e.PROVHUNT_QUEUE_PREFIX,
    logLevel: e.PROVHUNT_LOG_LEVEL,
    analyticsConfigFile: e.PROVHUNT_CONFIG,
  };
}

/** `FOO=` in a shell or compose file means "not set", not "set to empty". */
function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    out[key] = value === undefined || value.trim() === '' ? undefined : value;
  }
  return out;
}
