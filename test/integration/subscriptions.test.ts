import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi } from '../../src/api/server.js';
import { projectRoot } from '../../src/config/paths.js';
import { ingestFiles } from '../../src/ingest/ingestFiles.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { ApiKeysService } from '../../src/services/apiKeysService.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { postGraphql, startTestApi } from '../support/api.js';
import { runCli } from '../support/cli.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { startWorkerProcess, stopProcess } from '../support/workers.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');
const msiexecTempDll = path.join(projectRoot, 'test', 'scenarios', 'msiexec-custom-action-temp-dll', 'sysmon.jsonl');
/** The target is well under a second; this only catches a feed that is not live at all. */
const GENEROUS_DELAY_MS = 5_000;

interface Change {
  kind: string;
  id: string;
  analytic: string;
  severity: string;
  at: string;
  finding: { host: string; score: number } | null;
}

interface Received {
  change: Change;
  receivedAt: number;
}

/** A GraphQL subscription over SSE, as a dashboard opens it: one `next` event per change. */
async function openStream(url: string, query: string, key?: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  /** The next SSE message but keep-alive comments, or undefined once the server ended the stream. */
  const message = async (): Promise<{ event: string; data: string } | undefined> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        if (event) return { event, data: lines.find((l) => l.startsWith('data: '))?.slice(6) ?? '' };
        continue;
      }
      const { value, done } = await reader.read();
      if (done) return undefined;
      buffer += value;
    }
  };
  const next = async (): Promise<Received> => {
    for (;;) {
      const m = await message();
      if (!m) throw new Error('the stream ended');
      if (m.event !== 'next') continue;
      const body = JSON.parse(m.data) as { data?: { findingChanged: Change }; errors?: unknown };
      if (body.errors) throw new Error(`subscription error: ${JSON.stringify(body.errors)}`);
      return { change: body.data!.findingChanged, receivedAt: Date.now() };
    }
  };
  /** Every message until the server ends the stream, and when it did. */
  const untilEnded = async () => {
    const messages: Array<{ event: string; data: string }> = [];
    for (let m = await message(); m; m = await message()) messages.push(m);
    return { messages, endedAt: Date.now() };
  };
  return { status: response.status, next, untilEnded, close: () => controller.abort() };
}

const selection = '{ kind id analytic severity at finding { host score } }';

describe('findingChanged over SSE, from a worker process through Redis', () => {
  const prefix = uniquePrefix('subs');
  let driver: Driver;
  let worker: ChildProcess;
  let queue: ReturnType<typeof ingestQueue>;
  let api: RunningApi;
  let viewer: string;
  const streams: Array<{ close(): void }> = [];

  beforeAll(async () => {
    driver = await freshGraph();
    worker = startWorkerProcess(stack(), prefix);
    queue = ingestQueue(stack().redisUrl, prefix);
    viewer = (await new ApiKeysService(driver, stack().neo4j.database).create('subs-viewer', 'viewer', 'test')).token;
    api = await startTestApi({ apiKey: 'subs-bootstrap-key-0123456789', driver, ingestQueue: queue, queuePrefix: prefix });
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    await stopProcess(worker);
    await api.close();
    await queue.close();
    await driver.close();
  });

  /** key null: no key at all. */
  const subscribe = async (args = '', key: string | null = viewer) => {
    const stream = await openStream(api.url, `subscription { findingChanged${args} ${selection} }`, key ?? undefined);
    streams.push(stream);
    return stream;
  };
  const ingest = async (file: string) => {
    const result = await ingestFiles([file], { redisUrl: stack().redisUrl, prefix, batchSize: 5, wait: true, onReject: () => {} });
    expect(result.failedBatches).toBe(0);
  };

  it('refuses a subscription without a valid key with 401', async () => {
    expect((await subscribe('', null)).status).toBe(401);
    expect((await subscribe('', 'not-a-valid-key-at-all')).status).toBe(401);
  });

  it('pushes a finding the worker creates to a viewer within a second, and filters by analytic and severity', async () => {
    const all = await subscribe();
    const critical = await subscribe('(minSeverity: CRITICAL)');
    const msiexecOnly = await subscribe('(analytic: "an0940")');
    expect([all.status, critical.status, msiexecOnly.status]).toEqual([200, 200, 200]);

    // Read while ingesting, so that the arrival time is taken when the event arrives.
    const arriving = all.next();
    await ingest(sample);
    // Batch by batch: the chain is found at medium once the first run is written, and rises to
    // critical as its module load, shell child and egress arrive.
    const first = await arriving;
    expect(first.change).toMatchObject({ kind: 'CREATED', analytic: 'AN0862', finding: { host: 'WS-FIN-042.corp.example' } });
    const { records } = await driver.executeQuery('MATCH (f:Finding {id: $id}) RETURN f.createdAt AS createdAt', { id: first.change.id });
    const sinceStored = first.receivedAt - (records[0]!.get('createdAt') as number);
    const sincePublished = first.receivedAt - Date.parse(first.change.at);
    console.log(`findingChanged delay: ${sinceStored} ms from the finding's creation in Neo4j to the SSE client (${sincePublished} ms from the worker's publish)`);
    expect(sinceStored).toBeLessThan(GENEROUS_DELAY_MS);
    // The critical-only stream skipped the creation at a lower severity: its first event is the rise.
    expect(first.change.severity).not.toBe('CRITICAL');
    expect((await critical.next()).change).toMatchObject({ kind: 'UPDATED', id: first.change.id, severity: 'CRITICAL', finding: { score: 100 } });

    // The AN0940-only stream skipped the 3CX finding: its first event is the msiexec one.
    await ingest(msiexecTempDll);
    const msiexec = await msiexecOnly.next();
    expect(msiexec.change).toMatchObject({ kind: 'CREATED', analytic: 'AN0940', finding: { host: 'WS-ACC-208.corp.example' } });
  });

  it('pushes an update when a stored finding changes, from any process that upserts it', async () => {
    const stream = await subscribe('(analytic: "AN0862")');
    const findings = new FindingsService(driver);
    const [stored] = (await findings.list({ analytic: 'AN0862' }, 1)).items;
    const unchanged = await findings.upsert([stored!]);
    expect(unchanged).toEqual([]);
    const changed = await findings.upsert([{ ...stored!, lastSeen: stored!.lastSeen + 60_000 }]);
    expect(changed).toEqual([expect.objectContaining({ id: stored!.id, kind: 'updated', analytic: 'AN0862', severity: 'critical' })]);
    expect((await stream.next()).change).toMatchObject({ kind: 'UPDATED', id: stored!.id, analytic: 'AN0862' });
  });

  /** A stored finding changed again, so that every open stream gets an event. */
  const touchFinding = async () => {
    const findings = new FindingsService(driver);
    const [stored] = (await findings.list({ analytic: 'AN0862' }, 1)).items;
    await findings.upsert([{ ...stored!, lastSeen: stored!.lastSeen + 60_000 }]);
  };
  const revokedError = (name: string) => ({ event: 'next', data: JSON.stringify({ errors: [{ message: `API key '${name}' was revoked; the subscription has ended`, extensions: { code: 'UNAUTHENTICATED' } }] }) });

  it('ends the open streams of a key revoked with `provhunt keys revoke` at once (announced on Redis), and refuses its next request', async () => {
    const keys = new ApiKeysService(driver, stack().neo4j.database);
    const doomed = (await keys.create('subs-doomed', 'viewer', 'test')).token;
    const twice = [await subscribe('', doomed), await subscribe('(minSeverity: HIGH)', doomed)];
    const other = await subscribe();
    // The key is verified and cached for 30 s by this API process.
    expect((await postGraphql(api.url, doomed, '{ analytics { id } }')).status).toBe(200);

    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-subs-'));
    const env = { NEO4J_URI: stack().neo4j.uri, NEO4J_PASSWORD: stack().neo4j.password, REDIS_URL: stack().redisUrl, PROVHUNT_QUEUE_PREFIX: prefix, PROVHUNT_HOME: home };
    const ending = twice.map((stream) => stream.untilEnded());
    const revoked = await runCli(['keys', 'revoke', 'subs-doomed'], env, home);
    const revokedAt = Date.now();
    fs.rmSync(home, { recursive: true, force: true });
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain('running APIs were told: they refuse it and end its open subscriptions now');

    // Each stream gets one last event saying why, then the server ends it: well before the 30 s cache.
    for (const ended of await Promise.all(ending)) {
      expect(ended.messages).toEqual([revokedError('subs-doomed'), { event: 'complete', data: '' }]);
      expect(ended.endedAt - revokedAt).toBeLessThan(GENEROUS_DELAY_MS);
    }
    // The cached verification was dropped too: refused now, not in 30 s.
    expect((await postGraphql(api.url, doomed, '{ analytics { id } }')).status).toBe(401);
    expect((await subscribe('', doomed)).status).toBe(401);
    // Another key's stream goes on.
    const arriving = other.next();
    await touchFinding();
    expect((await arriving).change).toMatchObject({ kind: 'UPDATED', analytic: 'AN0862' });
  });

  it('ends them within the key cache period when no announcement comes (revoked in the graph only)', async () => {
    const cacheMs = 1_500;
    const ownApi = await startTestApi({ apiKey: 'subs-bootstrap-key-0123456789', keyCacheMs: cacheMs, driver, ingestQueue: queue, queuePrefix: prefix });
    try {
      const keys = new ApiKeysService(driver, stack().neo4j.database);
      const quiet = (await keys.create('subs-quiet', 'viewer', 'test')).token;
      const stream = await openStream(ownApi.url, `subscription { findingChanged ${selection} }`, quiet);
      const survivor = await openStream(ownApi.url, `subscription { findingChanged ${selection} }`, viewer);
      streams.push(stream, survivor);
      expect([stream.status, survivor.status]).toEqual([200, 200]);
      const ending = stream.untilEnded();
      // No Redis announcement: only the graph knows.
      await keys.revoke('subs-quiet', 'test');
      const revokedAt = Date.now();
      const ended = await ending;
      expect(ended.messages).toEqual([revokedError('subs-quiet'), { event: 'complete', data: '' }]);
      // The open streams' keys are checked every cacheMs (30 s by default).
      expect(ended.endedAt - revokedAt).toBeLessThan(cacheMs + 1_000);
      const arriving = survivor.next();
      await touchFinding();
      expect((await arriving).change).toMatchObject({ kind: 'UPDATED' });
    } finally {
      await ownApi.close();
    }
  });
});
