#!/usr/bin/env node
/**
 * Ingest worker process: consumes batches from the BullMQ ingest queue and writes them to Neo4j.
 * Run several, on one machine or many, against the same Redis and Neo4j.
 * Connections come from the environment (NEO4J_URI, NEO4J_PASSWORD, REDIS_URL) or the local stack.
 */
import { loadConfig } from '../src/config/config.js';
import { createDriver } from '../src/graph/driver.js';
import { waitForMigrations } from '../src/graph/migrate.js';
import { Redis } from 'ioredis';
import { defaultPlanRefresh, maintainDetectionPlans } from '../src/analytics/planRefresh.js';
import { slowAnalyticsOf } from '../src/ingest/ingestProcessor.js';
import { startIngestWorker } from '../src/ingest/ingestWorker.js';
import { createLogger } from '../src/log.js';
import { serveWorkerMetrics, WorkerMetrics } from '../src/metrics/workerMetrics.js';
import { resolveConnections } from '../src/stack/stack.js';

const config = loadConfig();
const log = createLogger('provhunt-worker', config.logLevel);
const connections = resolveConnections(config);
// Every statement this process runs is timed for its own GET /metrics (ingest writes, detection).
const metrics = new WorkerMetrics();
const driver = metrics.instrument(createDriver(connections.neo4j));
// Batches wait in Redis until the graph has this build's migrations (the API or `provhunt start` applies them).
// At a normal start the API migrates beside the workers: the wait is news, not trouble, until it lasts.
const waitStarted = Date.now();
let waitLogged = 0;
await waitForMigrations(driver, connections.neo4j.database, (missing) => {
  if (Date.now() - waitLogged < 30_000) return;
  waitLogged = Date.now();
  const level = waitLogged - waitStarted < 30_000 ? 'info' : 'warn';
  log[level]({ missing }, 'waiting for migrations before taking batches (`provhunt migrate`, `provhunt api` and `provhunt start` apply them)');
});
const worker = startIngestWorker({
  redisUrl: connections.redis.url,
  prefix: config.queuePrefix,
  concurrency: config.workers.concurrency,
  lockMs: config.workers.lockMs,
  driver,
  database: connections.neo4j.database,
  log,
});

metrics.observe(worker);
// An analytic slow for its batch is most often a plan made on other statistics: say which generation.
worker.on('completed', (job, result) => {
  for (const slow of slowAnalyticsOf(result)) log.warn({ ...slow, events: job.data.events.length, planGeneration: result.planGeneration, jobId: job.id }, 'analytic slow for its batch');
});
const metricsEndpoint = await serveWorkerMetrics(metrics.registry, config.workers.metrics, log);

await worker.waitUntilReady();
log.info({ pid: process.pid, concurrency: config.workers.concurrency, metrics: metricsEndpoint?.url }, 'ingest worker ready');
// In the background: plans for the detection queries now, and a new generation of them as the
// graph grows (src/analytics/planRefresh.ts); a batch arriving meanwhile only plans what it needs.
const plansRedis = new Redis(connections.redis.url, { maxRetriesPerRequest: 3 });
plansRedis.on('error', (err) => log.warn({ err: err.message }, 'plan maintenance redis error'));
let stopPlanRefresh = () => {};
maintainDetectionPlans(driver, plansRedis, config.queuePrefix, log, connections.neo4j.database, { ...defaultPlanRefresh, checkEveryMs: config.workers.planRefreshCheckMs }).then(
  (stop) => (stopPlanRefresh = stop),
  (err: Error) => log.warn({ err: err.message }, 'planning detection queries failed; the first batches plan them'),
);

/** How long a stopping worker waits for an unreachable Redis before exiting without its batches in hand. */
const REDIS_GONE_GRACE_MS = 5_000;
let stoppingSince = 0;
async function shutdown(signal: string): Promise<void> {
  if (stoppingSince > 0) {
    // A terminal's Ctrl-C reaches this worker and `provhunt start` (which then sends SIGTERM) at
    // once: one stop. A signal a second later is the operator's second Ctrl-C: stop waiting.
    if (signal !== 'parent exited' && Date.now() - stoppingSince > 1_000) process.exit(1);
    return;
  }
  stoppingSince = Date.now();
  log.info({ signal }, 'ingest worker stopping');
  // Finishes the batches in hand; an unfinished one is re-queued by BullMQ's stalled-job check.
  // Closing needs Redis: when Redis went first (a terminal's Ctrl-C reaches the whole process
  // group), it would wait forever. While Redis answers the batches in hand finish however long
  // they take; once it has been unreachable for the grace period the worker exits without them
  // (BullMQ re-runs them elsewhere after the lock period; the writes are idempotent).
  const closed = worker.close().then(
    () => true,
    (err: Error) => (log.warn({ err: err.message }, 'closing the queue worker failed'), true),
  );
  for (let unreachableMs = 0; ; ) {
    if (await Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000).unref())])) break;
    unreachableMs = plansRedis.status === 'ready' ? 0 : unreachableMs + 1_000;
    if (unreachableMs >= REDIS_GONE_GRACE_MS) {
      log.warn({ graceMs: REDIS_GONE_GRACE_MS }, 'Redis is unreachable: exiting without the batches in hand; they are re-run after the lock period');
      break;
    }
  }
  stopPlanRefresh();
  plansRedis.disconnect();
  await metricsEndpoint?.close();
  await driver.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
// Started by `provhunt start` with an IPC channel: exit with the parent rather than linger.
if (process.connected) process.on('disconnect', () => void shutdown('parent exited'));
