import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Job, Worker } from 'bullmq';
import type { Driver } from 'neo4j-driver';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Logger } from '../log.js';
import type { IngestJob, IngestResult } from '../queue/queues.js';
import { cypherHistogram, latencyBuckets, timedDriver, writeMetrics } from './cypherTiming.js';

/**
 * One worker process's Prometheus metrics: the Cypher it ran (ingest writes and detection, by
 * cypher/ file) and the batches, events and detections it did itself. Each worker process is a
 * scrape target of its own (serveWorkerMetrics); the API's provhunt_ingest_* counters are the
 * whole fleet's totals kept in Redis.
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly cypher = cypherHistogram(this.registry, 'this worker process');
  private readonly batches: Counter<'outcome'>;
  private readonly batchDuration: Histogram<'outcome'>;
  private readonly events: Counter;
  private readonly detections: Counter;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.batches = new Counter({ name: 'provhunt_worker_batches_total', help: 'Ingest batch attempts this worker process finished, by outcome (a failed attempt may be retried)', labelNames: ['outcome'], registers });
    this.batchDuration = new Histogram({ name: 'provhunt_worker_batch_duration_seconds', help: 'Time this worker process took per batch attempt (graph writes and detection), by outcome', labelNames: ['outcome'], buckets: latencyBuckets, registers });
    this.events = new Counter({ name: 'provhunt_worker_events_total', help: 'Events this worker process wrote to the graph', registers });
    this.detections = new Counter({ name: 'provhunt_worker_detections_total', help: 'Findings the analytics matched after this worker process\'s batches (re-matches count again)', registers });
    for (const outcome of ['completed', 'failed']) this.batches.inc({ outcome }, 0);
  }

  /** The same driver with each Cypher statement timed (src/metrics/cypherTiming.ts). */
  instrument(driver: Driver): Driver {
    return timedDriver(driver, this.cypher);
  }

  /** Counts the worker's batch attempts as they finish. */
  observe(worker: Worker<IngestJob, IngestResult>): void {
    worker.on('completed', (job, result) => {
      this.finished(job, 'completed');
      this.events.inc(result.written);
      this.detections.inc(result.findings);
    });
    worker.on('failed', (job) => {
      if (job) this.finished(job, 'failed');
    });
  }

  private finished(job: Job, outcome: string): void {
    this.batches.inc({ outcome });
    if (job.processedOn) this.batchDuration.observe({ outcome }, ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
  }
}

export interface MetricsEndpoint {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves GET /metrics of a registry on host:port, without a key (a loopback address by default,
 * like a Prometheus exporter). Port 0 takes a free one. Undefined, after logging why, when the
 * address cannot be had: a worker keeps ingesting without its metrics rather than stop.
 */
export async function serveWorkerMetrics(registry: Registry, address: { host: string; port: number }, log: Logger): Promise<MetricsEndpoint | undefined> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/metrics') {
      writeMetrics(res, registry).catch((err: Error) => {
        log.warn({ err: err.message }, 'metrics scrape failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('GET /metrics\n');
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port, address.host, () => resolve());
    });
  } catch (err) {
    log.error({ err: (err as Error).message, host: address.host, port: address.port }, 'cannot serve metrics (set PROVHUNT_WORKER_METRICS_PORT to a free port); continuing without them');
    return undefined;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
