import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, Transform, type Readable } from 'node:stream';
import type { Queue } from 'bullmq';
import { queuedBatches, type IngestJob, type IngestResult } from '../queue/queues.js';
import { MAX_REPORTED_REJECTS, type SubmissionStore } from '../ingest/submissions.js';
import { emptyCounts, submitStream, type Reject } from '../ingest/submit.js';
import { decompressed, gunzipped } from '../ingest/openInput.js';

export interface IngestHttpOptions {
  queue: Queue<IngestJob, IngestResult>;
  submissions: SubmissionStore;
  batchSize: number;
  /** Host partitions per submission's batches (src/ingest/submit.ts partitionOf). */
  partitions: number;
  /** How long a partial batch of a slow upload waits for more events (src/ingest/pendingBatches.ts). */
  lingerMs?: number;
  maxBodyBytes: number;
  maxWaitingBatches: number;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/**
 * POST /v1/events: NDJSON (or gzip of it) in, queued in batches, 202 with counts and a submission
 * id. 429 with Retry-After while the queue is over its bound, so producers back off instead of
 * the API buffering without limit. GET /v1/submissions/:id: progress of a submission.
 */
export function ingestRoutes(opts: IngestHttpOptions) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path === '/v1/events') {
      if (req.method !== 'POST') return json(res, 405, { error: 'use POST' }, { allow: 'POST' }), true;
      await acceptEvents(req, res, opts);
      return true;
    }
    const status = /^\/v1\/submissions\/([A-Za-z0-9-]+)$/.exec(path);
    if (status?.[1]) {
      const found = await opts.submissions.status(status[1]);
      json(res, found ? 200 : 404, found ?? { error: `no submission ${status[1]} (they are kept for 24 hours)` });
      return true;
    }
    return false;
  };
}

async function acceptEvents(req: IncomingMessage, res: ServerResponse, opts: IngestHttpOptions): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > opts.maxBodyBytes) return json(res, 413, { error: `body over ${opts.maxBodyBytes} bytes; split it` });
  if ((await queuedBatches(opts.queue)) > opts.maxWaitingBatches) {
    req.resume();
    return json(res, 429, { error: 'ingest queue is full; retry later' }, { 'retry-after': '5' });
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const id = crypto.randomUUID();
  const rejects: Reject[] = [];
  const jobIds: string[] = [];
  const counts = emptyCounts();
  try {
    await submitStream(await decodedBody(req, opts.maxBodyBytes), `submission:${id}`, {
      queue: opts.queue,
      batchSize: opts.batchSize,
      partitions: opts.partitions,
      lingerMs: opts.lingerMs,
      format: url.searchParams.get('format') ?? undefined,
      hostName: url.searchParams.get('host') ?? undefined,
      maxWaitingBatches: opts.maxWaitingBatches,
      onReject: (r) => rejects.length < MAX_REPORTED_REJECTS && rejects.push(r),
      onBatch: (job) => jobIds.push(job.id!),
    }, counts);
  } catch (err) {
    // Batches already queued stay queued and are reported; the client learns where it stopped.
    const message = (err as Error).message;
    await opts.submissions.save({ id, receivedAt: new Date().toISOString(), counts, rejects, jobIds });
    // A body refused midway (over the limit, not gzip after all) may still be arriving: decodedBody
    // drains it, so the answer reaches a client that is still sending.
    return json(res, /over \d+ bytes|unknown format|incorrect header|zip archive/.test(message) ? 400 : 500, { submission: id, error: message, ...counts });
  }
  await opts.submissions.save({ id, receivedAt: new Date().toISOString(), counts, rejects, jobIds });
  const status = counts.accepted === 0 && counts.rejected > 0 ? 400 : 202;
  json(res, status, { submission: id, ...counts, rejects, status: `/v1/submissions/${id}` });
}

/**
 * The body as text: gunzipped when sent with Content-Encoding: gzip or when its first bytes say
 * gzip (curl --data-binary @x.gz without the header), and cut off once the decompressed text
 * passes the size limit, so a small gzip that expands enormously is refused, not queued.
 */
async function decodedBody(req: IncomingMessage, maxBytes: number): Promise<Readable> {
  const declaredGzip = /gzip/i.test(String(req.headers['content-encoding'] ?? ''));
  // Drained, not destroyed, when reading stops early: the 400 must reach the client.
  const drain = (source: Readable) => {
    source.unpipe();
    source.resume();
  };
  const decoded = declaredGzip ? gunzipped(req, drain) : await decompressed(req, 'the request body', drain);
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer | string, _enc, done) {
      seen += Buffer.byteLength(chunk);
      done(seen > maxBytes ? new Error(`body over ${maxBytes} bytes of text (counted after gunzip); split it`) : null, chunk);
    },
  });
  const out = new PassThrough();
  for (const stream of [decoded, limit]) stream.on('error', (err) => out.destroy(err));
  // Whatever ends the reading (the end, the limit, a bad gzip), the rest of the request is drained
  // and the gunzip stream released: nothing left piped can pause the request again.
  out.once('close', () => {
    if (decoded !== req) decoded.destroy();
    drain(req);
  });
  decoded.pipe(limit).pipe(out);
  out.setEncoding('utf8');
  return out;
}
