/**
 * Detection benchmark: the scenario corpus (test/scenarios) delivered through the real queue and
 * worker processes while a generated benign fleet streams in the background. Prints, per analytic,
 * precision, recall, false positives per million benign events, and the detection latency (last
 * chain event accepted onto the queue → finding readable in Neo4j) at p50 / p95.
 *
 *   npm run build && node dist/bench/detect.js --background 50000 --rate 1000 --workers 2
 *
 * The background (generated Sysmon fleet with benign update chains) is enqueued at --rate events/s
 * while the scenarios are delivered one after another; latency therefore includes queueing behind
 * the background, as in production.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/analytics/catalog.js';
import { projectRoot } from '../src/config/paths.js';
import { createDriver } from '../src/graph/driver.js';
import { migrate } from '../src/graph/migrate.js';
import { openInput } from '../src/ingest/openInput.js';
import { parseInput } from '../src/ingest/parseInput.js';
import type { NormalizedEvent } from '../src/model/event.js';
import { enqueueBatch, ingestQueue, type IngestResult } from '../src/queue/queues.js';
import { FindingsService, type StoredFinding } from '../src/services/findingsService.js';
import { deliveryOrder, loadScenarios, scenarioEvents, unmet, type Expectation, type Scenario } from '../test/scenarios/scenarioRunner.js';
import { generateTelemetry } from './generateTelemetry.js';
import { benchStack, machineLine, percentile, spawnNode } from './support.js';

const { values } = parseArgs({
  options: {
    background: { type: 'string', default: '50000' },
    hosts: { type: 'string', default: '200' },
    workers: { type: 'string', default: '2' },
    /** Batches each worker process takes at once (PROVHUNT_WORKER_CONCURRENCY). */
    concurrency: { type: 'string', default: '1' },
    batch: { type: 'string', default: '500' },
    /** Background events per second: a steady fleet, as in production (0: as fast as the queue takes). */
    rate: { type: 'string', default: '1000' },
    /** Background events loaded (and drained) before the scenarios, so they meet an established graph. */
    preload: { type: 'string', default: '20000' },
    /** Days of fleet time the background covers. */
    days: { type: 'string', default: '3' },
    /** Share of the fleet's hosts that run Linux and macOS (half each): their analytics' benign background. */
    'unix-share': { type: 'string', default: '0.3' },
    'timeout-ms': { type: 'string', default: '60000' },
  },
});
const backgroundEvents = Number(values.background);
const timeoutMs = Number(values['timeout-ms']);

const stack = await benchStack({ heap: '2g', pageCacheMb: 1024 });
const driver = createDriver(stack.connections.neo4j);
const findings = new FindingsService(driver, stack.connections.neo4j.database);
const prefix = `detect${Date.now()}`;
const env = {
  NEO4J_URI: stack.connections.neo4j.uri,
  NEO4J_PASSWORD: stack.connections.neo4j.password,
  REDIS_URL: stack.connections.redis.url,
  PROVHUNT_QUEUE_PREFIX: prefix,
  PROVHUNT_LOG_LEVEL: 'warn',
  PROVHUNT_WORKER_CONCURRENCY: values.concurrency,
  PROVHUNT_WORKER_METRICS_PORT: '0',
  // The preload grows the graph from nothing within a minute: check for stale plans more often than
  // the 60 s default, so the re-plan a production stack makes within a minute happens during the preload here.
  PROVHUNT_PLAN_REFRESH_CHECK_MS: '5000',
};
const queue = ingestQueue(stack.connections.redis.url, prefix);
const workers = Array.from({ length: Number(values.workers) }, () => spawnNode(path.join(projectRoot, 'dist', 'workers', 'ingest.js'), [], env));
const file = path.join(os.tmpdir(), `provhunt-detect-background-${backgroundEvents}-${values['unix-share']}.jsonl`);

interface Delivered {
  scenario: Scenario;
  events: number;
  /** Per live expectation: ms from the last batch's enqueue to the finding being readable (undefined: never). */
  latencies: Array<{ expectation: Expectation; ms?: number }>;
  /** Where the last batch's time went: waiting in the queue, then written and detected by a worker. */
  lastBatch: { queueWaitMs: number | null; workerMs: number | null };
  /** When the scenario's last batch to finish did, from the last enqueue (batches can finish out of order), and its attempts. */
  lastFinished: { ms: number | null; attempts: number; retriedBatches: number; slowestBatch: { index: number; queueWaitMs: number; workerMs: number; stagesMs?: Record<string, number>; counts?: Record<string, number> } | null };
}

// The background stream, stopped before the queue closes whether or not the run succeeds.
let streaming = true;
let background: Promise<number> = Promise.resolve(0);
try {
  await migrate(driver);
  await generateTelemetry({ events: backgroundEvents, hosts: Number(values.hosts), file, benignUpdates: true, spanMs: Number(values.days) * 86_400_000, unixShare: Number(values['unix-share']) });
  await new Promise((r) => setTimeout(r, 1500)); // workers connect
  // Tuned scenarios change tunables for every analytic run; they are checked by the test suite only.
  const scenarios = loadScenarios().filter((s) => !s.tuning);
  const skipped = loadScenarios().filter((s) => s.tuning).map((s) => s.name);
  const allBatches = await readBatches(file, Number(values.batch));
  // A fleet has history: load part of the background first, as fast as the workers take it.
  const preloadBatches = Math.ceil(Number(values.preload) / Number(values.batch));
  const preloaded = await streamBackground(allBatches.slice(0, preloadBatches), 0, () => true, 'preload');
  await drained();
  const backgroundBatches = allBatches.slice(preloadBatches);
  const t0 = performance.now();
  background = streamBackground(backgroundBatches, Number(values.rate), () => streaming);
  const delivered: Delivered[] = [];
  for (const scenario of scenarios) delivered.push(await deliver(scenario));
  streaming = false;
  const backgroundAccepted = preloaded + (await background);
  await drained();
  const seconds = (performance.now() - t0) / 1000;
  const all = [...(await findings.list({}, 10_000)).items, ...(await findings.list({ status: 'suppressed' }, 10_000)).items];
  const report = score(delivered, all, backgroundAccepted);
  const batches = await batchTimes();
  const rate = Number(values.rate);
  process.stdout.write(`${JSON.stringify({ machine: machineLine(), backgroundEvents: backgroundAccepted, preloadedEvents: preloaded, backgroundRate: rate || 'unthrottled', workers: Number(values.workers), workerConcurrency: Number(values.concurrency), scenarios: scenarios.length, skippedScenarios: skipped, seconds: +seconds.toFixed(1), ...report, batches }, null, 2)}\n`);
} finally {
  streaming = false;
  await background.catch(() => 0);
  for (const w of workers) w.kill('SIGTERM');
  await queue.close();
  await driver.close();
  await stack.stop();
  fs.rmSync(file, { force: true });
}

async function readBatches(input: string, size: number): Promise<NormalizedEvent[][]> {
  const batches: NormalizedEvent[][] = [[]];
  for await (const outcome of parseInput(await openInput(input), { fileName: input })) {
    if (outcome.outcome !== 'events') continue;
    if (batches.at(-1)!.length >= size) batches.push([]);
    batches.at(-1)!.push(...outcome.events);
  }
  return batches;
}

/** One batch onto the ingest queue, as the CLI and HTTP ingest put it there. */
async function enqueue(events: NormalizedEvent[], origin: string, firstLine: number): Promise<string> {
  const batchId = crypto.randomUUID();
  await enqueueBatch(queue, { batchId, origin, firstLine, events });
  return batchId;
}

/** Enqueues the background fleet at a steady rate (cycling through it) until told to stop. */
async function streamBackground(batches: NormalizedEvent[][], rate: number, keepGoing: () => boolean, origin = 'background'): Promise<number> {
  let sent = 0;
  const started = performance.now();
  for (let i = 0; keepGoing() && i < batches.length; i++) {
    await enqueue(batches[i]!, origin, 0);
    sent += batches[i]!.length;
    const due = rate > 0 ? (sent / rate) * 1000 - (performance.now() - started) : 0;
    if (due > 0) await new Promise((r) => setTimeout(r, due));
  }
  return sent;
}

/** Waits until the workers have taken every queued batch. */
async function drained(): Promise<void> {
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    if (Object.values(counts).every((n) => n === 0)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Enqueues a scenario batch by batch in its delivery order, then waits for each live expectation. */
async function deliver(scenario: Scenario): Promise<Delivered> {
  const events = deliveryOrder(await scenarioEvents(scenario), scenario.delivery.order);
  const jobIds: string[] = [];
  for (let i = 0; i < events.length; i += scenario.delivery.batchSize) {
    jobIds.push(await enqueue(events.slice(i, i + scenario.delivery.batchSize), `scenario:${scenario.name}`, i + 1));
  }
  const lastJobId = jobIds.at(-1)!;
  const accepted = performance.now();
  const acceptedAt = Date.now();
  const latencies: Delivered['latencies'] = [];
  for (const expectation of scenario.expect) {
    let ms: number | undefined;
    while (performance.now() - accepted < timeoutMs) {
      const onHost = (await findings.list({ hostName: expectation.host, analytic: expectation.analytic }, 100)).items;
      if (!unmet(onHost, expectation)) {
        ms = performance.now() - accepted;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    latencies.push({ expectation, ms });
  }
  const job = await queue.getJob(lastJobId);
  const lastBatch = {
    queueWaitMs: job?.processedOn ? job.processedOn - job.timestamp : null,
    workerMs: job?.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : null,
  };
  const jobs = await Promise.all(jobIds.map((id) => queue.getJob(id)));
  const finished = jobs.map((j) => j?.finishedOn ?? null);
  const lastFinished = {
    ms: finished.includes(null) ? null : Math.max(...(finished as number[])) - acceptedAt,
    attempts: Math.max(...jobs.map((j) => j?.attemptsMade ?? 0)),
    retriedBatches: jobs.filter((j) => (j?.attemptsMade ?? 0) > 1).length,
    slowestBatch: slowest(jobs),
  };
  return { scenario, events: events.length, latencies, lastBatch, lastFinished };
}

/** The batch whose worker time was longest, with its queue wait: what held a scenario's chain back. */
function slowest(jobs: Array<{ timestamp: number; processedOn?: number; finishedOn?: number; returnvalue?: IngestResult } | undefined>) {
  const timed = jobs.flatMap((j, index) =>
    j?.processedOn && j.finishedOn ? [{ index, queueWaitMs: j.processedOn - j.timestamp, workerMs: j.finishedOn - j.processedOn, stagesMs: j.returnvalue?.stagesMs, counts: j.returnvalue?.counts }] : [],
  );
  return timed.sort((a, b) => b.workerMs - a.workerMs)[0] ?? null;
}

/** Queue wait and worker time of every finished batch, background and scenario apart, and the slowest five with their stages. */
async function batchTimes() {
  const jobs = (await queue.getCompleted(0, -1)).filter((j) => j.processedOn && j.finishedOn);
  const timed = jobs.map((j) => ({
    origin: j.data.origin,
    events: j.data.events.length,
    queueWaitMs: j.processedOn! - j.timestamp,
    workerMs: j.finishedOn! - j.processedOn!,
    stagesMs: j.returnvalue?.stagesMs,
    counts: j.returnvalue?.counts,
  }));
  const summary = (rows: typeof timed) => {
    const wait = rows.map((r) => r.queueWaitMs).sort((a, b) => a - b);
    const work = rows.map((r) => r.workerMs).sort((a, b) => a - b);
    const p = (xs: number[], q: number) => Math.round(percentile(xs, q));
    return { batches: rows.length, queueWaitMs: { p50: p(wait, 50), p95: p(wait, 95), max: wait.at(-1) ?? 0 }, workerMs: { p50: p(work, 50), p95: p(work, 95), max: work.at(-1) ?? 0 } };
  };
  return {
    preload: summary(timed.filter((t) => t.origin === 'preload')),
    background: summary(timed.filter((t) => t.origin === 'background')),
    scenarios: summary(timed.filter((t) => t.origin.startsWith('scenario:'))),
    // The preload's batches race each other on an empty graph: not the steady state measured here.
    slowest: timed.filter((t) => t.origin !== 'preload').sort((a, b) => b.workerMs - a.workerMs).slice(0, 5),
  };
}

/** Per analytic: expectations met (TP) or not (FN), and findings no expectation accounts for (FP). */
function score(delivered: Delivered[], all: StoredFinding[], backgroundAccepted: number) {
  const benignEvents = backgroundAccepted + delivered.filter((d) => d.scenario.kind === 'benign').reduce((n, d) => n + d.events, 0);
  const expected = delivered.flatMap((d) => d.latencies.map((l) => ({ ...l, scenario: d.scenario.name })));
  const isExpected = (f: StoredFinding) => expected.some((e) => e.expectation.analytic === f.analytic && e.expectation.host.toLowerCase() === f.hostName.toLowerCase());
  const perAnalytic = loadCatalog().map((analytic) => {
    const mine = expected.filter((e) => e.expectation.analytic === analytic.id);
    const tp = mine.filter((e) => e.ms !== undefined).length;
    const fn = mine.length - tp;
    const falsePositives = all.filter((f) => f.analytic === analytic.id && !isExpected(f));
    const fp = falsePositives.length;
    const latencies = mine.flatMap((e) => (e.ms === undefined ? [] : [e.ms])).sort((a, b) => a - b);
    return {
      analytic: analytic.id,
      expected: mine.length,
      truePositives: tp,
      falseNegatives: fn,
      falsePositives: fp,
      precision: tp + fp === 0 ? null : +(tp / (tp + fp)).toFixed(3),
      recall: mine.length === 0 ? null : +(tp / mine.length).toFixed(3),
      falsePositivesPerMillionBenignEvents: +((fp / benignEvents) * 1e6).toFixed(1),
      latencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)) },
      missed: mine.filter((e) => e.ms === undefined).map((e) => `${e.scenario}: ${e.expectation.host}`),
      falsePositiveHosts: falsePositives.map((f) => `${f.hostName} [${f.signals.join(', ')}]`),
    };
  });
  const perScenario = delivered.map((d) => ({ scenario: d.scenario.name, events: d.events, lastBatch: d.lastBatch, lastFinished: d.lastFinished, latencyMs: d.latencies.map((l) => (l.ms === undefined ? null : Math.round(l.ms))) }));
  return { benignEvents, perAnalytic, perScenario };
}
