#!/usr/bin/env node
/**
 * End-to-end ingest benchmark: generated Sysmon telemetry → `provhunt ingest --wait` (a child
 * process) → BullMQ → N worker processes → Neo4j, against a plain in-process UNWIND … MERGE writer
 * on the same data with the same driver. Prints events/s for both, their ratio, batch latency
 * percentiles and the peak memory of each process.
 *
 *   npm run build && node dist/bench/ingest.js --events 100000 --workers 2
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QueueEvents } from 'bullmq';
import { projectRoot } from '../src/config/paths.js';
import { createDriver } from '../src/graph/driver.js';
import { migrate } from '../src/graph/migrate.js';
import { writeEvents } from '../src/graph/writeEvents.js';
import { slowAnalyticsOf } from '../src/ingest/ingestProcessor.js';
import { openInput } from '../src/ingest/openInput.js';
import { parseInput } from '../src/ingest/parseInput.js';
import type { NormalizedEvent } from '../src/model/event.js';
import { StageClock } from '../src/stageClock.js';
import { INGEST_QUEUE, ingestQueue, redisConnection } from '../src/queue/queues.js';
import { generateTelemetry } from './generateTelemetry.js';
import { detectionQueryPlans, startQueryCollection } from './queryCollection.js';
import { lockWaitSampler } from './lockWaits.js';
import { benchStack, exitOf, jvmThreadCpuSampler, machineLine, percentile, rssSampler, spawnNode } from './support.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    hosts: { type: 'string', default: '200' },
    workers: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '1' },
    batch: { type: 'string', default: '2000' },
    // Host partitions per batch stream (PROVHUNT_BATCH_PARTITIONS); 1 = batches in input order.
    partitions: { type: 'string', default: '4' },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '2048' },
    'skip-plain': { type: 'boolean', default: false },
  },
});
const events = Number(values.events);
const batchSize = Number(values.batch);
const workerCount = Number(values.workers);

const file = path.join(os.tmpdir(), `provhunt-bench-${events}.jsonl`);
try {
  process.stderr.write(`generating ${events} events over ${values.hosts} hosts\n`);
  await generateTelemetry({ events, hosts: Number(values.hosts), file });
  const sizeMb = fs.statSync(file).size / 2 ** 20;

  const plain = values['skip-plain'] ? undefined : await onFreshServer((server) => plainWriter(server.driver, file));
  const pipeline = await onFreshServer((server) => endToEnd(server, file));

  const result = {
    machine: machineLine(),
    events,
    inputMb: Math.round(sizeMb),
    batchSize,
    workers: workerCount,
    partitions: Number(values.partitions),
    workerConcurrency: Number(values.concurrency),
    endToEnd: pipeline,
    plainWriter: plain,
    ratio: plain ? +(pipeline.eventsPerSecond / plain.eventsPerSecond).toFixed(2) : undefined,
    neo4jPeakMb: { plainWriter: plain?.neo4jPeakMb, endToEnd: pipeline.neo4jPeakMb },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  fs.rmSync(file, { force: true });
}

interface Server {
  stack: Awaited<ReturnType<typeof benchStack>>;
  driver: ReturnType<typeof createDriver>;
}

/**
 * Each measurement gets a Neo4j and Redis of its own, migrated and empty. Both used to share one
 * server, the pipeline running after the plain writer's graph was deleted: on a store and
 * statistics left by a million deleted events the pipeline measured 2.0k events/s where a fresh
 * server gave it 4.9k (2026-11-27, 1M events).
 */
async function onFreshServer<T extends object>(measure: (server: Server) => Promise<T>): Promise<T & { serverCpuSeconds: { neo4j?: number; neo4jByThread?: Record<string, number>; redis?: number }; neo4jPeakMb?: number }> {
  const stack = await benchStack({ heap: values.heap!, pageCacheMb: Number(values.pagecache) });
  const driver = createDriver(stack.connections.neo4j);
  const neo4jMemory = stack.neo4jPid ? rssSampler(stack.neo4jPid) : undefined;
  const redisSampler = stack.redisPid ? rssSampler(stack.redisPid) : undefined;
  try {
    await migrate(driver);
    // CPU seconds of the servers during the measurement alone (not their start and migrations).
    const [neo4jCpu0, redisCpu0] = [neo4jMemory?.cpuSeconds(), redisSampler?.cpuSeconds()];
    const neo4jThreads = stack.neo4jPid ? jvmThreadCpuSampler(stack.neo4jPid) : undefined;
    const measured = await measure({ stack, driver });
    const serverCpuSeconds = {
      neo4j: neo4jCpu0 === undefined ? undefined : +(neo4jMemory!.cpuSeconds() - neo4jCpu0).toFixed(1),
      neo4jByThread: neo4jThreads?.secondsByKind(),
      redis: redisCpu0 === undefined ? undefined : +(redisSampler!.cpuSeconds() - redisCpu0).toFixed(1),
    };
    neo4jThreads?.stop();
    return { ...measured, serverCpuSeconds, neo4jPeakMb: neo4jMemory?.peakMb() };
  } finally {
    neo4jMemory?.stop();
    redisSampler?.stop();
    await driver.close();
    await stack.stop();
  }
}

/** Baseline: parse and write batches sequentially from this process, no queue, no analytics. */
async function plainWriter(driver: Server['driver'], input: string) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let batch: NormalizedEvent[] = [];
  let written = 0;
  const latencies: number[] = [];
  // Seconds by write statement, to set beside the workers' (what two writers at once cost each statement).
  const clock = new StageClock();
  const flush = async () => {
    const b0 = performance.now();
    await writeEvents(driver, batch, undefined, clock);
    latencies.push(performance.now() - b0);
    written += batch.length;
    batch = [];
  };
  for await (const outcome of parseInput(await openInput(input), { fileName: input })) {
    if (outcome.outcome !== 'events') continue;
    batch.push(...outcome.events);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: Math.round(written / seconds),
    seconds: +seconds.toFixed(1),
    batchMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)) },
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: cpuSecondsSince(cpu0),
    secondsByStage: Object.fromEntries(Object.entries(clock.stagesMs).map(([stage, ms]) => [stage, +(ms / 1000).toFixed(1)])),
    writeAttempts: clock.counts.writeAttempts,
  };
}

/** The real path: the CLI producer and worker processes, measured from first byte to last write. */
async function endToEnd({ stack, driver }: Server, input: string) {
  const prefix = `bench${Date.now()}`;
  const env = {
    NEO4J_URI: stack.connections.neo4j.uri,
    NEO4J_PASSWORD: stack.connections.neo4j.password,
    REDIS_URL: stack.connections.redis.url,
    PROVHUNT_QUEUE_PREFIX: prefix,
    PROVHUNT_BATCH_SIZE: String(batchSize),
    PROVHUNT_BATCH_PARTITIONS: values.partitions!,
    PROVHUNT_WORKER_CONCURRENCY: values.concurrency!,
    PROVHUNT_LOG_LEVEL: 'warn',
    // Each worker serves its metrics on a free port of its own.
    PROVHUNT_WORKER_METRICS_PORT: '0',
  };
  const workerScript = path.join(projectRoot, 'dist', 'workers', 'ingest.js');
  const workers = Array.from({ length: workerCount }, () => spawnNode(workerScript, [], env));
  const workerMemory = workers.map((w) => rssSampler(w.pid!));
  const latencies: number[] = [];
  const queueEvents = new QueueEvents(INGEST_QUEUE, { connection: redisConnection(stack.connections.redis.url), prefix });
  const added = new Map<string, number>();
  queueEvents.on('added', ({ jobId }) => added.set(jobId, performance.now()));
  queueEvents.on('completed', ({ jobId }) => {
    const t = added.get(jobId);
    if (t !== undefined) latencies.push(performance.now() - t);
  });
  await queueEvents.waitUntilReady();
  await new Promise((r) => setTimeout(r, 1500)); // workers connect
  await startQueryCollection(driver);
  const lockWaits = lockWaitSampler(driver);

  const t0 = performance.now();
  const producer = spawnNode(path.join(projectRoot, 'dist', 'src', 'cli', 'main.js'), ['ingest', '--wait', input], env);
  const producerMemory = rssSampler(producer.pid!);
  let stderr = '';
  producer.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await exitOf(producer);
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`ingest exited ${code}: ${stderr}`);

  const locks = await lockWaits.stop();
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map(exitOf));
  await queueEvents.close();
  const stages = await stageTotals(stack.connections.redis.url, prefix);
  const detectionQueries = await detectionQueryPlans(driver);
  latencies.sort((a, b) => a - b);
  const accepted = Number(/accepted (\d+) events/.exec(stderr)?.[1] ?? 0);
  return {
    eventsPerSecond: Math.round(accepted / seconds),
    seconds: +seconds.toFixed(1),
    accepted,
    batchQueueToDoneMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)) },
    producerPeakMb: producerMemory.peakMb(),
    workerPeakMb: workerMemory.map((m) => m.peakMb()),
    // The workers' include their start (connections, migrations check, plan warm-up) before the first batch.
    cpuSeconds: { producer: producerMemory.cpuSeconds(), workers: workerMemory.map((m) => m.cpuSeconds()) },
    workerSecondsByStage: stages.seconds,
    writeAttempts: stages.writeAttempts,
    // Batches whose analytic took over SLOW_ANALYTIC_MS (src/ingest/ingestProcessor.ts): the first 30, and how many in all.
    slowAnalytics: { count: stages.slowAnalytics.length, first: stages.slowAnalytics.slice(0, 30) },
    // Transactions seen blocked on a lock, by statement (SHOW TRANSACTIONS every 200 ms).
    lockWaits: locks,
    // Per detection query, generation and plan (Neo4j's query collection): the operator tree of any plan that ran over 1 s.
    detectionQueries,
  };
}

/**
 * Worker time summed over every batch by stage (each job's stagesMs), in seconds, the write
 * attempts they took, and the batches (in finishing order) where an analytic was slow, with the
 * plan generation it ran in: what tells a bad plan from a grown graph.
 */
async function stageTotals(redisUrl: string, prefix: string) {
  const queue = ingestQueue(redisUrl, prefix);
  try {
    const totals: Record<string, number> = {};
    let writeAttempts = 0;
    const jobs = (await queue.getCompleted(0, -1)).sort((a, b) => (a.finishedOn ?? 0) - (b.finishedOn ?? 0));
    const slowAnalytics: Array<{ batch: number; analytic: string; ms: number; planGeneration?: number }> = [];
    jobs.forEach((job, batch) => {
      for (const [stage, ms] of Object.entries(job.returnvalue?.stagesMs ?? {})) totals[stage] = (totals[stage] ?? 0) + ms;
      for (const slow of slowAnalyticsOf(job.returnvalue)) slowAnalytics.push({ batch, ...slow, planGeneration: job.returnvalue?.planGeneration });
      writeAttempts += job.returnvalue?.counts?.writeAttempts ?? 0;
    });
    return { seconds: Object.fromEntries(Object.entries(totals).map(([stage, ms]) => [stage, +(ms / 1000).toFixed(1)])), writeAttempts, slowAnalytics };
  } finally {
    await queue.close();
  }
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return +((used.user + used.system) / 1e6).toFixed(1);
}
