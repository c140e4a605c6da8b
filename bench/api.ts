#!/usr/bin/env node
/**
 * GraphQL API benchmark (issue #5): builds a fleet's provenance graph of --events events directly in
 * a throwaway Neo4j (bench/apiGraph.ts), stores findings on it through FindingsService, starts the
 * real API (`provhunt api`) as a child process, counts the Cypher statements per request of each
 * query shape, then runs a closed-loop load of --clients concurrent clients for --duration seconds
 * per query kind (back to back, or with --think-ms between a client's requests). Prints per kind:
 * requests, errors, throughput, latency p50/p95/p99/max, and the peak memory of the API and of Neo4j.
 *
 *   npm run build && node dist/bench/api.js --events 1000000 --clients 50 --duration 30
 *   # build once into a folder, then load it as often as needed:
 *   node dist/bench/api.js --events 10000000 --hosts 10000 --graph-dir /data/g10m --build-only
 *   node dist/bench/api.js --events 10000000 --hosts 10000 --graph-dir /data/g10m --think-ms 1000
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/config/paths.js';
import { createDriver } from '../src/graph/driver.js';
import { migrate } from '../src/graph/migrate.js';
import { freePort } from '../src/stack/processes.js';
import { ApiKeysService } from '../src/services/apiKeysService.js';
import { Redis } from 'ioredis';
import { addFindingsAnnouncer, redisAnnouncer } from '../src/events/findingsBus.js';
import { createLogger } from '../src/log.js';
import { FindingsService } from '../src/services/findingsService.js';
import { createFindings } from './apiFindings.js';
import { buildFleetGraph, createBuildKeys, graphCounts, type BuildReport } from './apiGraph.js';
import { profileStatements } from './apiProfile.js';
import { closedLoop, type LatencyStats, type Request, type Target } from './apiLoad.js';
import { cypherPerRequest, queryKinds, readSamples } from './apiQueries.js';
import { benchStack, exitOf, machineLine, processCpuMs as processCpuMsOf, rssSampler, spawnNode } from './support.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    hosts: { type: 'string', default: '2000' },
    days: { type: 'string', default: '30' },
    findings: { type: 'string', default: '3000' },
    clients: { type: 'string', default: '50' },
    duration: { type: 'string', default: '30' },
    /** PROVHUNT_API_CACHE_MS for the API (0: every request reaches Neo4j); unset: the product default. */
    'cache-ms': { type: 'string' },
    /**
     * During the loads, re-store one finding (a later lastSeen) every this many ms through
     * FindingsService, announced on Redis like a worker's: what makes a live system's cached
     * findings pages stale. 0: no change during the loads.
     */
    'finding-churn-ms': { type: 'string', default: '0' },
    /** Mean pause (ms, exponential) of each client between a response and its next request; 0: back to back. */
    'think-ms': { type: 'string', default: '0' },
    /** Seconds of load per kind before measuring: plans cached, pools warm. */
    warmup: { type: 'string', default: '5' },
    /** Seconds of one client alone per kind after the load: latency without queueing (0: skip). */
    unloaded: { type: 'string', default: '5' },
    /** Comma-separated subset of findingsPage, findingsFiltered, findingsSearch, binaryPivot, evidenceGraph. */
    kinds: { type: 'string' },
    /** Also PROFILE the statements behind each kind (db hits, busiest operators). */
    profile: { type: 'boolean', default: false },
    /**
     * Keep Neo4j's data here: the first run builds the graph and its findings in it, later runs with
     * the same folder reuse them (migrating if needed) and only load. Without it the graph is thrown away.
     */
    'graph-dir': { type: 'string' },
    /** Build the graph (into --graph-dir) and stop, without the load. */
    'build-only': { type: 'boolean', default: false },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '2048' },
  },
});
const n = (name: keyof typeof values) => Number(values[name]);
/** The p95 targets at 50 clients on 10M events, in ms. */
const TARGETS: Record<string, number> = { findingsPage: 20, findingsFiltered: 20, findingsSearch: 20, binaryPivot: 50, evidenceGraph: 50 };
const log = (line: string) => process.stderr.write(`${line}\n`);
/** The API's Redis prefix: finding changes announced on it reach the API's response cache. */
const apiPrefix = `benchapi${Date.now()}`;

const graphDir = values['graph-dir'] ? path.resolve(values['graph-dir']) : undefined;
const saved = graphDir ? savedGraph(graphDir) : undefined;
const stack = await benchStack({ heap: values.heap!, pageCacheMb: n('pagecache'), neo4jDir: graphDir && path.join(graphDir, 'neo4j') });
const driver = createDriver(stack.connections.neo4j);
const neo4jBuildMemory = stack.neo4jPid ? rssSampler(stack.neo4jPid) : undefined;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-bench-api-'));
let api: ReturnType<typeof spawnNode> | undefined;
try {
  const built = saved ?? (await buildGraph());
  neo4jBuildMemory?.stop();
  if (saved) {
    log(`reusing the graph in ${graphDir} (${saved.build.events} events, ${saved.findings} findings)`);
    await migrate(driver);
  } else if (graphDir) {
    fs.writeFileSync(savedGraphFile(graphDir), JSON.stringify(built, null, 2));
  }
  if (values['build-only']) process.stdout.write(`${JSON.stringify({ machine: machineLine(), ...built }, null, 2)}\n`);
  else await measure(built);
} finally {
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await exitOf(api);
  }
  await driver.close();
  await stack.stop();
  fs.rmSync(home, { recursive: true, force: true });
}

/** The API as a child process, statements per request, then the load of each kind; prints the result. */
async function measure(built: BuiltGraph): Promise<void> {
  const { build, indexSeconds, findings, findingsSeconds } = built;
  const { child, target, metricsUrl } = await startApi();
  api = child;
  const apiMemory = rssSampler(child.pid!);
  if (stack.neo4jPid) resetPeakRss(stack.neo4jPid);
  const neo4jLoadMemory = stack.neo4jPid ? rssSampler(stack.neo4jPid) : undefined;
  const graph = { ...build, ...(await graphCounts(driver)), indexSeconds, findings, findingsSeconds, reused: Boolean(saved) };
  const samples = await readSamples(driver);
  log(`samples: ${samples.hashes.popular.length} popular / ${samples.hashes.common.length} common / ${samples.hashes.rare.length} rare hashes, ${samples.findingIds.length} findings`);
  const cypherStatements = await cypherPerRequest(target, metricsUrl, samples);
  const churn = findingChurn(samples.findingIds, n('finding-churn-ms'));
  const load = await runLoad(target, queryKinds(samples), { api: child.pid!, neo4j: stack.neo4jPid });
  const findingChanges = await churn.stop();
  const profile = values.profile ? await profileStatements(driver, samples) : undefined;

  const result = {
    machine: machineLine(),
    graph,
    clients: n('clients'),
    thinkMs: n('think-ms'),
    findingChurn: { everyMs: n('finding-churn-ms'), changes: findingChanges },
    apiCacheMs: values['cache-ms'] ?? 'default',
    durationSeconds: n('duration'),
    cypherStatementsPerRequest: cypherStatements,
    load,
    p95VsTarget: Object.fromEntries(Object.entries(load).map(([kind, s]) => [kind, `${s.ms.p95} ms vs < ${TARGETS[kind]} ms: ${s.ms.p95 < TARGETS[kind]! ? 'met' : 'MISSED'}`])),
    ...(profile ? { profile } : {}),
    memory: { apiPeakMb: apiMemory.peakMb(), neo4jPeakMbDuringBuild: built.neo4jPeakMbDuringBuild, neo4jPeakMbDuringLoad: neo4jLoadMemory?.peakMb(), loadGeneratorPeakMb: Math.round(process.resourceUsage().maxRSS / 1024) },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** Re-stores a random finding every `everyMs` (see --finding-churn-ms); stop() says how many. */
function findingChurn(ids: string[], everyMs: number): { stop(): Promise<number> } {
  if (everyMs <= 0 || ids.length === 0) return { stop: async () => 0 };
  const redis = new Redis(stack.connections.redis.url);
  const removeAnnouncer = addFindingsAnnouncer(redisAnnouncer(redis, apiPrefix, createLogger('bench', 'warn')));
  const findings = new FindingsService(driver);
  let changes = 0;
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      const stored = await findings.get(ids[Math.floor(Math.random() * ids.length)]!);
      if (!stored) return;
      changes += (await findings.upsert([{ ...stored, lastSeen: stored.lastSeen + 1 }])).length;
    });
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      removeAnnouncer();
      redis.disconnect();
      return changes;
    },
  };
}

interface BuiltGraph {
  shape: { events: number; hosts: number; days: number };
  build: BuildReport;
  /** migrate() after the build: every index but the node keys, populated in bulk. */
  indexSeconds: number;
  findings: number;
  findingsSeconds: number;
  neo4jPeakMbDuringBuild?: number;
}

/** Node keys, the fleet's graph, then the other indexes (migrate), then findings through FindingsService. */
async function buildGraph(): Promise<BuiltGraph> {
  const shape = { events: n('events'), hosts: n('hosts'), days: n('days') };
  await createBuildKeys(driver);
  log(`building a graph of ${shape.events} events on ${shape.hosts} hosts`);
  const build = await buildFleetGraph(driver, { ...shape, images: 300, modules: 400, ips: 20_000, domains: 5_000 }, log);
  log(`built in ${build.seconds} s: ${build.events} events; populating indexes`);
  const i0 = performance.now();
  await migrate(driver);
  const indexSeconds = +((performance.now() - i0) / 1000).toFixed(1);
  log(`indexes populated in ${indexSeconds} s`);
  const t0 = performance.now();
  const findings = await createFindings(driver, n('findings'));
  const findingsSeconds = +((performance.now() - t0) / 1000).toFixed(1);
  log(`stored ${findings} findings in ${findingsSeconds} s`);
  return { shape, build, indexSeconds, findings, findingsSeconds, neo4jPeakMbDuringBuild: neo4jBuildMemory?.peakMb() };
}

function savedGraphFile(dir: string): string {
  return path.join(dir, 'provhunt-bench-graph.json');
}

/** The graph a previous run built in `dir`, if any; refused when it is not the shape asked for. */
function savedGraph(dir: string): BuiltGraph | undefined {
  if (!fs.existsSync(savedGraphFile(dir))) {
    if (fs.existsSync(path.join(dir, 'neo4j'))) throw new Error(`${dir} holds a Neo4j folder but no ${path.basename(savedGraphFile(dir))} (an interrupted build?): remove it to build again`);
    return undefined;
  }
  const saved = JSON.parse(fs.readFileSync(savedGraphFile(dir), 'utf8')) as BuiltGraph;
  const asked = { events: n('events'), hosts: n('hosts'), days: n('days') };
  if (JSON.stringify(saved.shape) !== JSON.stringify(asked)) {
    throw new Error(`${dir} holds a graph of ${JSON.stringify(saved.shape)}, not ${JSON.stringify(asked)}: pass the same --events/--hosts/--days or another --graph-dir`);
  }
  return saved;
}

interface KindResult extends LatencyStats {
  /** CPU time per measured request, by process: what bounds throughput on a small machine. */
  cpuMsPerRequest: Record<string, number>;
  /** One client alone: the latency without queueing behind other clients. */
  unloadedMs?: { p50: number; p95: number };
}

/** Each kind: a warm-up at full concurrency (not measured), the measured run, then one client alone. */
async function runLoad(target: Target, kinds: Record<string, () => Request>, pids: { api: number; neo4j?: number }): Promise<Record<string, KindResult>> {
  const chosen = values.kinds ? values.kinds.split(',').map((k) => k.trim()) : Object.keys(kinds);
  const out: Record<string, KindResult> = {};
  for (const kind of chosen) {
    const next = kinds[kind];
    if (!next) throw new Error(`unknown kind '${kind}'; known: ${Object.keys(kinds).join(', ')}`);
    if (n('warmup') > 0) await closedLoop(target, next, n('clients'), n('warmup'), n('think-ms'));
    const before = cpuSnapshot(pids);
    const stats = await closedLoop(target, next, n('clients'), n('duration'), n('think-ms'));
    const after = cpuSnapshot(pids);
    const cpuMsPerRequest = Object.fromEntries(Object.keys(after).map((p) => [p, +((after[p]! - before[p]!) / Math.max(1, stats.requests)).toFixed(2)]));
    const alone = n('unloaded') > 0 ? await closedLoop(target, next, 1, n('unloaded')) : undefined;
    out[kind] = { ...stats, cpuMsPerRequest, ...(alone ? { unloadedMs: { p50: alone.ms.p50, p95: alone.ms.p95 } } : {}) };
    log(`${kind}: ${JSON.stringify(out[kind])}`);
  }
  return out;
}

/** CPU ms used so far by the API, Neo4j and this process (the load generator). */
function cpuSnapshot(pids: { api: number; neo4j?: number }): Record<string, number> {
  const usage = process.cpuUsage();
  return {
    api: processCpuMs(pids.api),
    ...(pids.neo4j ? { neo4j: processCpuMs(pids.neo4j) } : {}),
    loadGenerator: (usage.user + usage.system) / 1000,
  };
}

function processCpuMs(pid: number): number {
  try {
    return processCpuMsOf(pid);
  } catch {
    return NaN;
  }
}

/** `provhunt api` as a child process on a free port, with a viewer key made through ApiKeysService. */
async function startApi(): Promise<{ child: ReturnType<typeof spawnNode>; target: Target; metricsUrl: string }> {
  const port = await freePort();
  const child = spawnNode(path.join(projectRoot, 'dist', 'src', 'cli', 'main.js'), ['api'], {
    NEO4J_URI: stack.connections.neo4j.uri,
    NEO4J_PASSWORD: stack.connections.neo4j.password,
    REDIS_URL: stack.connections.redis.url,
    PROVHUNT_HOME: home,
    PROVHUNT_API_HOST: '127.0.0.1',
    PROVHUNT_API_PORT: String(port),
    PROVHUNT_API_KEY: crypto.randomBytes(24).toString('base64url'),
    PROVHUNT_QUEUE_PREFIX: apiPrefix,
    PROVHUNT_LOG_LEVEL: 'warn',
    ...(values['cache-ms'] !== undefined ? { PROVHUNT_API_CACHE_MS: values['cache-ms'] } : {}),
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  child.stdout!.resume();
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`provhunt api exited ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`provhunt api did not answer /readyz within 60 s: ${stderr}`);
    const ok = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const { token } = await new ApiKeysService(driver).create(`bench-${Date.now()}`, 'viewer', 'bench');
  // The key's first use verifies it and records the use (two statements): not part of any count.
  await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.text());
  await new Promise((r) => setTimeout(r, 500));
  return { child, target: { url: `${base}/graphql`, token }, metricsUrl: `${base}/metrics` };
}

/** Restarts a process's VmHWM from its current RSS, so the load phase's peak is not the build's. */
function resetPeakRss(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not ours: the peak then covers the whole run
  }
}
