import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiOptions, type RunningApi } from '../../src/api/server.js';
import { projectRoot } from '../../src/config/paths.js';
import { ingestFiles } from '../../src/ingest/ingestFiles.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { ApiKeysService } from '../../src/services/apiKeysService.js';
import { startTestApi } from '../support/api.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { startWorkerProcess, stopProcess } from '../support/workers.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');
const bootstrap = 'metrics-bootstrap-key-0123456789';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A loopback port free now, for a worker's metrics. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every sample of a metric whose labels match, e.g. all the Cypher timings of the ingest writes. */
function metricSamples(text: string, name: string, labels: (have: Record<string, string>) => boolean): number[] {
  const samples: number[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    if (labels(have)) samples.push(Number(match[3]));
  }
  return samples;
}

/** One sample of the Prometheus text format, e.g. provhunt_queue_jobs{queue="ingest",state="completed"} 3. */
function metricValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return metricSamples(text, name, (have) => Object.entries(labels).every(([k, v]) => have[k] === v))[0];
}

describe('Prometheus metrics and request ids against the real Neo4j, Redis and worker', () => {
  const prefix = uniquePrefix('metrics');
  let driver: Driver;
  let worker: ChildProcess;
  let queue: ReturnType<typeof ingestQueue>;
  let api: RunningApi;
  let viewer: string;
  let workerMetricsPort: number;
  const logLines: Array<Record<string, unknown>> = [];
  const rawLog: string[] = [];
  const apis: RunningApi[] = [];

  const start = async (overrides: Partial<ApiOptions> = {}) => {
    const started = await startTestApi({ apiKey: bootstrap, driver, ingestQueue: queue, queuePrefix: prefix, ...overrides });
    apis.push(started);
    return started;
  };

  beforeAll(async () => {
    driver = await freshGraph();
    workerMetricsPort = await freePort();
    worker = startWorkerProcess(stack(), prefix, { PROVHUNT_WORKER_METRICS_PORT: String(workerMetricsPort) });
    queue = ingestQueue(stack().redisUrl, prefix);
    viewer = (await new ApiKeysService(driver, stack().neo4j.database).create('metrics-viewer', 'viewer', 'test')).token;
    const capture = { write: (line: string) => (rawLog.push(line), logLines.push(JSON.parse(line) as Record<string, unknown>)) };
    api = await start({ log: pino({ level: 'debug' }, capture) });
    const ingested = await ingestFiles([sample], { redisUrl: stack().redisUrl, prefix, batchSize: 5, wait: true, onReject: () => {} });
    expect(ingested).toMatchObject({ accepted: 13, batches: 3, failedBatches: 0 });
  });

  afterAll(async () => {
    await stopProcess(worker);
    for (const a of apis) await a.close();
    await queue.close();
    await driver.close();
  });

  /** key null: no key at all. */
  const scrape = async (url = api.url, key: string | null = viewer) => fetch(`${url}/metrics`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const graphql = (query: string, headers: Record<string, string> = {}, url = api.url, key = viewer) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers }, body: JSON.stringify({ query }) });

  it('needs a key for GET /metrics, unless PROVHUNT_METRICS_PUBLIC says otherwise', async () => {
    expect((await scrape(api.url, null)).status).toBe(401);
    const scraped = await scrape();
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const open = await start({ metricsPublic: true });
    const anonymous = await scrape(open.url, null);
    expect(anonymous.status).toBe(200);
    expect(metricValue(await anonymous.text(), 'provhunt_ingest_events_total')).toBe(13);
  });

  it('reports the workers\' ingest and detection counters from Redis, agreeing with the queue and the graph', async () => {
    const text = await (await scrape()).text();
    const completed = await queue.getCompleted();
    const { records } = await driver.executeQuery('MATCH (f:Finding) RETURN count(f) AS n');
    expect(metricValue(text, 'provhunt_ingest_events_total')).toBe(13);
    expect(metricValue(text, 'provhunt_ingest_batches_total', { outcome: 'completed' })).toBe(completed.length);
    expect(metricValue(text, 'provhunt_ingest_batches_total', { outcome: 'failed' })).toBe(0);
    expect(metricValue(text, 'provhunt_detections_total')).toBe(completed.reduce((n, job) => n + job.returnvalue.findings, 0));
    // Each batch says which detection plans it ran in (a slow analytic in one generation only is a plan's doing).
    expect(completed.map((job) => typeof job.returnvalue.planGeneration)).toEqual(completed.map(() => 'number'));
    expect(metricValue(text, 'provhunt_findings_changes_total', { kind: 'created' })).toBe(records[0]!.get('n') as number);
    // The 3CX chain is first found at medium and rises to critical as later batches arrive.
    expect(metricValue(text, 'provhunt_findings_changes_total', { kind: 'updated' })).toBeGreaterThan(0);
    expect(metricValue(text, 'provhunt_queue_jobs', { queue: 'ingest', state: 'completed' })).toBe(completed.length);
    expect(metricValue(text, 'provhunt_queue_jobs', { queue: 'ingest', state: 'waiting' })).toBe(0);
    expect(metricValue(text, 'provhunt_queue_jobs', { queue: 'dead-letter', state: 'waiting' })).toBe(0);
    expect(metricValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('serves each worker\'s own Cypher latency (ingest writes and detection), batches, events and detections on its loopback port, without a key', async () => {
    const scraped = await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    // This test's only worker did every batch.
    const completed = await queue.getCompleted();
    expect(completed.length).toBe(3);
    expect(metricValue(text, 'provhunt_worker_batches_total', { outcome: 'completed' })).toBe(3);
    expect(metricValue(text, 'provhunt_worker_batches_total', { outcome: 'failed' })).toBe(0);
    expect(metricValue(text, 'provhunt_worker_batch_duration_seconds_count', { outcome: 'completed' })).toBe(3);
    expect(metricValue(text, 'provhunt_worker_events_total')).toBe(13);
    expect(metricValue(text, 'provhunt_worker_detections_total')).toBe(completed.reduce((n, job) => n + job.returnvalue.findings, 0));
    // The graph writes run in a session's transaction, statement by statement; detection and the
    // findings' upsert through executeQuery. Each is timed by its cypher/ file.
    const timed = (prefixOf: string) => metricSamples(text, 'provhunt_cypher_duration_seconds_count', (l) => l.query!.startsWith(prefixOf) && l.outcome === 'ok');
    expect(metricValue(text, 'provhunt_cypher_duration_seconds_count', { query: 'ingest/nodes/processes', outcome: 'ok' })).toBe(3);
    expect(timed('ingest/').reduce((a, b) => a + b, 0)).toBeGreaterThan(3);
    expect(metricValue(text, 'provhunt_cypher_duration_seconds_count', { query: 'analytics/_shared/neighbourhood', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(timed('analytics/AN0862/').length).toBeGreaterThan(0);
    expect(metricValue(text, 'provhunt_cypher_duration_seconds_count', { query: 'findings/upsert', outcome: 'ok' })).toBeGreaterThan(0);
    expect(metricValue(text, 'provhunt_cypher_duration_seconds_sum', { query: 'ingest/nodes/processes', outcome: 'ok' })).toBeGreaterThan(0);
    expect(metricValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${workerMetricsPort}/graphql`)).status).toBe(404);
  });

  it('times GraphQL operations by name, the Cypher they run by file, and HTTP requests by route', async () => {
    const own = await start();
    const query = 'query TopHostsPanel { dashboard(since: "2023-01-01T00:00:00Z") { topHosts { host } } }';
    for (let i = 0; i < 2; i++) expect((await graphql(query, {}, own.url)).status).toBe(200);
    expect((await graphql('{ findings { totalCount } }', {}, own.url)).status).toBe(200);
    const text = await (await scrape(own.url)).text();
    expect(metricValue(text, 'provhunt_graphql_operation_duration_seconds_count', { operation: 'TopHostsPanel', type: 'query' })).toBe(2);
    expect(metricValue(text, 'provhunt_graphql_operation_duration_seconds_count', { operation: 'anonymous', type: 'query' })).toBe(1);
    expect(metricValue(text, 'provhunt_cypher_duration_seconds_count', { query: 'dashboards/top-hosts', outcome: 'ok' })).toBe(2);
    expect(metricValue(text, 'provhunt_cypher_duration_seconds_count', { query: 'findings/count-unfiltered', outcome: 'ok' })).toBe(1);
    expect(metricValue(text, 'provhunt_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200' })).toBe(3);
  });

  it('returns a sane incoming x-request-id, or a new one, and logs the request\'s GraphQL errors with it', async () => {
    const kept = await graphql('{ hunt(analytic: "AN0862") { stored } }', { 'x-request-id': 'dash-7f3a.42' });
    expect(kept.headers.get('x-request-id')).toBe('dash-7f3a.42');
    expect(((await kept.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    expect(logLines).toContainEqual(expect.objectContaining({ requestId: 'dash-7f3a.42', msg: 'graphql operation refused', path: 'hunt', err: "hunt needs the analyst role; key 'metrics-viewer' has viewer" }));

    const invalid = await graphql('{ nope }', { 'x-request-id': 'has spaces and <tags>' });
    const generated = invalid.headers.get('x-request-id')!;
    expect(generated).toMatch(uuid);
    expect(logLines).toContainEqual(expect.objectContaining({ requestId: generated, msg: 'graphql validation failed' }));
    expect((await fetch(`${api.url}/graphql`)).headers.get('x-request-id')).toMatch(uuid);
    expect((await graphql('{ analytics { id } }')).headers.get('x-request-id')).toMatch(uuid);
  });

  it('logs an unexpected error with its request id while the client sees it masked', async () => {
    const lines: Array<Record<string, unknown>> = [];
    // A misconfigured database name: every graph read fails (the bootstrap key needs none).
    const broken = await start({ database: 'nosuchdb', log: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }) });
    const response = await graphql('{ dashboard(since: "2023-01-01T00:00:00Z") { topHosts { host } } }', { 'x-request-id': 'broken-1' }, broken.url, bootstrap);
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors.map((e) => e.message)).toEqual(['Unexpected error.']);
    expect(lines).toContainEqual(expect.objectContaining({ requestId: 'broken-1', level: 50, msg: 'graphql resolver failed', path: 'dashboard.topHosts', err: expect.any(String) }));
  });

  it('never logs a key', () => {
    expect(rawLog.length).toBeGreaterThan(0);
    for (const secret of [viewer, bootstrap]) expect(rawLog.join('\n')).not.toContain(secret);
  });
});
