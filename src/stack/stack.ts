import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { startLocalNeo4j, type LocalService } from './localNeo4j.js';
import { startLocalRedis } from './localRedis.js';
import { isAlive } from './processes.js';
import { readOrCreateSecret, readSecret } from './secrets.js';

export interface Connections {
  neo4j: { uri: string; user: string; password: string; database?: string };
  redis: { url: string };
}

export interface RunningStack {
  connections: Connections;
  stop(): Promise<void>;
}

/** What a running `provhunt start` publishes so that other commands on this machine find it. */
interface StackState {
  neo4jUri: string;
  redisUrl: string;
  pids: number[];
  ownerPid: number;
  startedAt: string;
}

const stateFile = (home: string) => path.join(home, 'stack.json');
const neo4jPasswordFile = (home: string) => path.join(home, 'secrets', 'neo4j-password');

/**
 * Starts whatever the environment does not already provide: a local Neo4j when NEO4J_URI is unset,
 * a local Redis when REDIS_URL is unset. Data lives under PROVHUNT_HOME, so a second start finds it.
 */
export async function startStack(config: Config, log: (msg: string) => void = () => {}): Promise<RunningStack> {
  fs.mkdirSync(config.home, { recursive: true, mode: 0o700 });
  refuseIfAlreadyRunning(config.home);
  const started: LocalService[] = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop();
    fs.rmSync(stateFile(config.home), { force: true });
  };
  try {
    const redisUrl = config.redis.url ?? (await startRedis(config, started, log));
    const neo4j = config.neo4j.uri ? externalNeo4j(config) : await startNeo4j(config, started, log);
    const state: StackState = {
      neo4jUri: neo4j.uri,
      redisUrl,
      pids: started.map((s) => s.pid),
      ownerPid: process.pid,
      startedAt: new Date().toISOString(),
    };
    fs.writeFileSync(stateFile(config.home), JSON.stringify(state, null, 2), { mode: 0o600 });
    return { connections: { neo4j, redis: { url: redisUrl } }, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

async function startRedis(config: Config, started: LocalService[], log: (m: string) => void): Promise<string> {
  log(`starting Redis on 127.0.0.1:${config.redis.localPort}`);
  const redis = await startLocalRedis({ dataDir: path.join(config.home, 'redis'), port: config.redis.localPort, persistent: true });
  started.push(redis);
  return redis.url;
}

async function startNeo4j(config: Config, started: LocalService[], log: (m: string) => void): Promise<Connections['neo4j']> {
  const password = config.neo4j.password ?? readOrCreateSecret(neo4jPasswordFile(config.home));
  log(`starting Neo4j on 127.0.0.1:${config.neo4j.localPort}`);
  const t0 = Date.now();
  const neo4j = await startLocalNeo4j({
    dataDir: path.join(config.home, 'neo4j'),
    port: config.neo4j.localPort,
    password,
    heap: config.neo4j.heap,
    pageCacheMb: config.neo4j.pageCacheMb,
  });
  log(`Neo4j ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  started.push(neo4j);
  return { uri: neo4j.url, user: 'neo4j', password };
}

function externalNeo4j(config: Config): Connections['neo4j'] {
  if (!config.neo4j.password) throw new Error('provhunt: NEO4J_URI is set but NEO4J_PASSWORD is not');
  return { uri: config.neo4j.uri!, user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database };
}

function readState(home: string): StackState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile(home), 'utf8')) as StackState;
  } catch {
    return undefined;
  }
}

function refuseIfAlreadyRunning(home: string): void {
  const state = readState(home);
  if (state && isAlive(state.ownerPid)) {
    throw new Error(`provhunt: a stack is already running from ${home} (pid ${state.ownerPid}); stop it first or set PROVHUNT_HOME`);
  }
  // A previous owner died without cleaning up: stop its leftover servers so their ports and files are free.
  for (const pid of state?.pids ?? []) if (isAlive(pid)) process.kill(pid, 'SIGTERM');
}

/**
 * For commands that use a running stack (ingest, findings, hunt): environment first, then the
 * local stack that `provhunt start` published in PROVHUNT_HOME.
 */
export function resolveConnections(config: Config): Connections {
  const state = readState(config.home);
  const live = state && isAlive(state.ownerPid) ? state : undefined;
  const neo4jUri = config.neo4j.uri ?? live?.neo4jUri;
  const redisUrl = config.redis.url ?? live?.redisUrl;
  if (!neo4jUri || !redisUrl) {
    throw new Error('provhunt: no running stack found: start one with `npm start` (or set NEO4J_URI and REDIS_URL)');
  }
  const password = config.neo4j.password ?? readSecret(neo4jPasswordFile(config.home));
  if (!password) throw new Error('provhunt: NEO4J_PASSWORD is not set and no local password was found');
  return {
    neo4j: { uri: neo4jUri, user: config.neo4j.uri ? config.neo4j.user : 'neo4j', password, database: config.neo4j.database },
    redis: { url: redisUrl },
  };
}
