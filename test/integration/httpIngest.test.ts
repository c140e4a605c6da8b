import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../../src/api/server.js';
import { projectRoot } from '../../src/config/paths.js';
import { createLogger } from '../../src/log.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { startWorkerProcess, stopProcess } from '../support/workers.js';

const sample = fs.readFileSync(path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl'));
const apiKey = 'http-ingest-key-0123456789';

async function startTestApi(driver: Driver, prefix: string, limits: { maxBodyBytes: number; maxWaitingBatches: number }) {
  const queue = ingestQueue(stack().redisUrl, prefix);
  const api = await startApi({
    host: '127.0.0.1', port: 0, apiKey, driver, ingestQueue: queue, redisUrl: stack().redisUrl, queuePrefix: prefix,
    ingest: { batchSize: 4, partitions: 4, ...limits }, log: createLogger('test', 'silent'),
  });
  return { api, queue };
}

const post = (api: RunningApi, body: Uint8Array | string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/x-ndjson', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });

describe('POST /v1/events against the real Redis, worker and Neo4j', () => {
  const prefix = uniquePrefix('http');
  let driver: Driver;
  let worker: ChildProcess;
  let running: Awaited<ReturnType<typeof startTestApi>>;

  beforeAll(async () => {
    driver = await freshGraph();
    worker = startWorkerProcess(stack(), prefix);
    running = await startTestApi(driver, prefix, { maxBodyBytes: 64 * 1024, maxWaitingBatches: 1000 });
  });
  afterAll(async () => {
    await stopProcess(worker);
    await running.api.close();
    await running.queue.close();
    await driver.close();
  });

  it('accepts NDJSON with 202, and its status reaches done with the finding in the graph', async () => {
    const response = await post(running.api, sample);
    expect(response.status).toBe(202);
    const body = (await response.json()) as { submission: string; accepted: number; rejected: number; batches: number; status: string };
    expect(body).toMatchObject({ accepted: 13, rejected: 0, batches: 4 });
    let status: { state: string; batches: Record<string, number> } | undefined;
    for (let i = 0; i < 100 && status?.state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await (await fetch(`${running.api.url}${body.status}`, { headers: { authorization: `Bearer ${apiKey}` } })).json()) as typeof status;
    }
    expect(status).toMatchObject({ state: 'done', batches: { total: 4, completed: 4, failed: 0, pending: 0 } });
    const { records } = await driver.executeQuery("MATCH (f:Finding {analytic: 'AN0862'}) RETURN count(f) AS n");
    expect(records[0]!.get('n')).toBe(1);
  });

  it('accepts a gzip body', async () => {
    const response = await post(running.api, gzipSync(sample), { 'content-encoding': 'gzip' });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ accepted: 13 });
  });

  it('recognizes a gzip body sent without Content-Encoding (curl --data-binary @x.gz) by its first bytes', async () => {
    const response = await post(running.api, gzipSync(sample));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ accepted: 13, rejected: 0 });
  });

  it('counts the size limit after gunzip: a small gzip that expands past it is refused (here before any batch was cut)', async () => {
    const expanding = gzipSync(Buffer.alloc(200 * 1024, 0x20)); // ~200 bytes on the wire
    for (const headers of [{ 'content-encoding': 'gzip' }, {}] as Array<Record<string, string>>) {
      const response = await post(running.api, expanding, headers);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: expect.stringMatching(/body over 65536 bytes of text \(counted after gunzip\)/), batches: 0 });
    }
  });

  it('answers 400, not a reset connection, to a zip archive and to a body that says gzip but is not', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60 * 1024, 0x41)]);
    const zipped = await post(running.api, zip);
    expect([zipped.status, await zipped.json()]).toEqual([400, expect.objectContaining({ error: 'the request body: a zip archive cannot be read from a stream; give its path instead' })]);
    const notGzip = await post(running.api, Buffer.alloc(60 * 1024, 0x7b), { 'content-encoding': 'gzip' });
    expect([notGzip.status, await notGzip.json()]).toEqual([400, expect.objectContaining({ error: expect.stringMatching(/incorrect header check/) })]);
  });

  it('answers 400 to a streamed gzip upload still arriving when it passes the limit (no Content-Length)', async () => {
    // 2 MB that do not compress, sent in 64 KB chunks: the limit trips long before the upload ends.
    const gz = gzipSync(crypto.randomBytes(2 * 1024 * 1024).toString('hex'));
    const chunks = Array.from({ length: Math.ceil(gz.length / 65536) }, (_, i) => gz.subarray(i * 65536, (i + 1) * 65536));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(new Uint8Array(next));
        else controller.close();
      },
    });
    const response = await fetch(`${running.api.url}/v1/events`, {
      method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' }, body, duplex: 'half',
    } as RequestInit);
    expect([response.status, await response.json()]).toEqual([400, expect.objectContaining({ error: expect.stringMatching(/body over 65536 bytes of text/) })]);
  });

  it('answers 400 with line-level reasons when nothing in the body is usable', async () => {
    const response = await post(running.api, '{"EventID": 1\nnot json\n');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { rejects: { line: number; reason: string }[] };
    expect(body.rejects.map((r) => r.line)).toEqual([1, 2]);
  });

  it('refuses without an API key, and refuses a body over the size limit with 413', async () => {
    expect((await fetch(`${running.api.url}/v1/events`, { method: 'POST', body: sample })).status).toBe(401);
    expect((await post(running.api, Buffer.alloc(65 * 1024, 0x20))).status).toBe(413);
  });

  it('answers 429 with Retry-After while the queue is over its bound', async () => {
    const idlePrefix = uniquePrefix('full');
    const full = await startTestApi(driver, idlePrefix, { maxBodyBytes: 64 * 1024, maxWaitingBatches: 1 });
    try {
      // No worker consumes this prefix: two waiting batches put it over the bound of one.
      await full.queue.add('events', { batchId: 'a', origin: 't', firstLine: 1, events: [] });
      await full.queue.add('events', { batchId: 'b', origin: 't', firstLine: 1, events: [] });
      const response = await post(full.api, sample);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('5');
    } finally {
      await full.queue.obliterate({ force: true });
      await full.api.close();
      await full.queue.close();
    }
  });
});
