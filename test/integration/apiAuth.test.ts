import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi } from '../../src/api/server.js';
import { projectRoot } from '../../src/config/paths.js';
import { migrate, migrationNames } from '../../src/graph/migrate.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { ApiKeysService, type Role } from '../../src/services/apiKeysService.js';
import { postGraphql, startTestApi as startSupportApi } from '../support/api.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { startWorkerProcess, stopProcess } from '../support/workers.js';

const sample = fs.readFileSync(path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl'));
const bootstrap = 'auth-bootstrap-key-0123456789';
const cacheMs = 1_500;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe('API keys and roles against the real Neo4j, Redis and worker', () => {
  const prefix = uniquePrefix('auth');
  let driver: Driver;
  let worker: ChildProcess;
  let queue: ReturnType<typeof ingestQueue>;
  let api: RunningApi;
  let keys: ApiKeysService;
  const token: Partial<Record<Role, string>> = {};
  let findingId: string;

  const startTestApi = (redisUrl = stack().redisUrl) =>
    startSupportApi({ apiKey: bootstrap, keyCacheMs: cacheMs, driver, ingestQueue: queue, redisUrl, queuePrefix: prefix });

  beforeAll(async () => {
    driver = await freshGraph();
    worker = startWorkerProcess(stack(), prefix);
    queue = ingestQueue(stack().redisUrl, prefix);
    keys = new ApiKeysService(driver, stack().neo4j.database);
    for (const role of ['viewer', 'analyst', 'admin'] as const) token[role] = (await keys.create(`test-${role}`, role, 'test')).token;
    api = await startTestApi();
  });
  afterAll(async () => {
    await stopProcess(worker);
    await api.close();
    await queue.close();
    await driver.close();
  });

  const graphql = async (key: string, query: string): Promise<GraphQLBody & { status: number }> => {
    const response = await postGraphql(api.url, key, query);
    return { status: response.status, ...(response.status === 200 ? ((await response.json()) as GraphQLBody) : {}) };
  };
  const postEvents = (key: string) =>
    fetch(`${api.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' }, body: new Uint8Array(sample) });
  const forbidden = (body: GraphQLBody) => body.errors?.map((e) => ({ code: e.extensions?.code, requiredRole: e.extensions?.requiredRole, message: e.message }));
  const setTunable = 'mutation { setTunable(analytic: "AN0862", name: "TimeWindow", valueJson: "\\"2h\\"") { valueJson } }';
  const resetTunable = 'mutation { resetTunable(analytic: "AN0862", name: "TimeWindow") { valueJson } }';

  it('lets an analyst ingest over HTTP and refuses a viewer with 403', async () => {
    const refused = await postEvents(token.viewer!);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "POST /v1/events needs the analyst role; key 'test-viewer' has viewer", requiredRole: 'analyst' });

    const accepted = await postEvents(token.analyst!);
    expect(accepted.status).toBe(202);
    const { status } = (await accepted.json()) as { status: string };
    let state: string | undefined;
    // The worker process may still be starting (cold Neo4j plans on a busy machine): up to 100 s.
    for (let i = 0; i < 500 && state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      // Reading a submission's progress is a read: a viewer may.
      const progress = await fetch(`${api.url}${status}`, { headers: { authorization: `Bearer ${token.viewer!}` } });
      state = ((await progress.json()) as { state: string }).state;
    }
    expect(state).toBe('done');
  }, 120_000);

  it('lets a viewer run every query but hunt', async () => {
    const list = await graphql(token.viewer!, '{ findings { totalCount edges { node { id } } } analytics { id } suppressions { id } }');
    expect(list.errors).toBeUndefined();
    const findings = list.data!.findings as { totalCount: number; edges: { node: { id: string } }[] };
    expect(findings.totalCount).toBe(1);
    findingId = findings.edges[0]!.node.id;
    expect((await graphql(token.viewer!, `{ finding(id: "${findingId}") { id } }`)).data).toEqual({ finding: { id: findingId } });

    const hunt = await graphql(token.viewer!, '{ hunt(analytic: "AN0862") { stored } }');
    expect(hunt.data).toBeNull();
    expect(forbidden(hunt)).toEqual([{ code: 'FORBIDDEN', requiredRole: 'analyst', message: "hunt needs the analyst role; key 'test-viewer' has viewer" }]);
  });

  it('refuses a viewer every triage mutation and the tunables, naming the role needed', async () => {
    const attempts = {
      [`mutation { setFindingStatus(id: "${findingId}", status: RESOLVED) { id } }`]: 'analyst',
      [`mutation { suppressFromFinding(id: "${findingId}", host: true) { id } }`]: 'analyst',
      'mutation { removeSuppression(id: "SUP-nope") }': 'analyst',
      [setTunable]: 'admin',
      [resetTunable]: 'admin',
    };
    for (const [mutation, role] of Object.entries(attempts)) {
      const body = await graphql(token.viewer!, mutation);
      expect(forbidden(body), mutation).toEqual([expect.objectContaining({ code: 'FORBIDDEN', requiredRole: role })]);
    }
    const history = await graphql(token.viewer!, `{ finding(id: "${findingId}") { status history { action } } }`);
    expect(history.data).toEqual({ finding: { status: 'NEW', history: [] } });
  });

  it('lets an analyst hunt and triage, audited under the key name, but not set tunables', async () => {
    const hunt = await graphql(token.analyst!, '{ hunt(analytic: "AN0862") { findings { host } } }');
    expect(hunt.data).toEqual({ hunt: { findings: [{ host: 'WS-FIN-042.corp.example' }] } });

    const status = await graphql(token.analyst!, `mutation { setFindingStatus(id: "${findingId}", status: ACKNOWLEDGED, note: "looking") { history { actor to } } }`);
    expect(status.data).toEqual({ setFindingStatus: { history: [{ actor: 'api:test-analyst', to: 'acknowledged' }] } });
    const made = await graphql(token.analyst!, `mutation { suppressFromFinding(id: "${findingId}", host: true) { id createdBy } }`);
    const suppression = made.data!.suppressFromFinding as { id: string; createdBy: string };
    expect(suppression.createdBy).toBe('api:test-analyst');
    expect((await graphql(token.analyst!, `mutation { removeSuppression(id: "${suppression.id}") }`)).data).toEqual({ removeSuppression: 0 });

    for (const mutation of [setTunable, resetTunable]) {
      expect(forbidden(await graphql(token.analyst!, mutation))).toEqual([
        expect.objectContaining({ code: 'FORBIDDEN', requiredRole: 'admin', message: expect.stringContaining("needs the admin role; key 'test-analyst' has analyst") }),
      ]);
    }
  });

  it('lets a stored admin key and the bootstrap key (admin) set tunables, each audited under its name', async () => {
    expect((await graphql(token.admin!, setTunable)).data).toEqual({ setTunable: { valueJson: '"2h"' } });
    expect((await graphql(bootstrap, resetTunable)).data).toEqual({ resetTunable: { valueJson: '"90m"' } });
    const history = await graphql(bootstrap, '{ analytics { id tunables { name history { actor to } } } }');
    const analytics = history.data!.analytics as Array<{ id: string; tunables: Array<{ name: string; history: unknown[] }> }>;
    expect(analytics.find((a) => a.id === 'AN0862')!.tunables.find((t) => t.name === 'TimeWindow')!.history).toEqual([
      { actor: 'api:test-admin', to: '"2h"' },
      { actor: 'api:bootstrap', to: null },
    ]);
  });

  it('refuses unknown, malformed and tampered tokens with 401', async () => {
    const tampered = `${token.viewer!.slice(0, -4)}AAAA`;
    for (const key of ['', `ph_000000000000_${'A'.repeat(43)}`, 'not-a-key-at-all', tampered]) {
      expect((await graphql(key, '{ analytics { id } }')).status, key).toBe(401);
    }
  });

  it('refuses a revoked key within the cache period, and at once on a cache miss', async () => {
    const { token: doomed } = await keys.create('test-doomed', 'analyst', 'test');
    expect((await graphql(doomed, '{ analytics { id } }')).status).toBe(200);
    expect(await keys.revoke('test-doomed', 'test')).toMatchObject({ name: 'test-doomed', revokedBy: 'test' });
    // Still cached for up to cacheMs in this process: the documented revocation delay.
    expect((await graphql(doomed, '{ analytics { id } }')).status).toBe(200);
    await new Promise((r) => setTimeout(r, cacheMs + 100));
    expect((await graphql(doomed, '{ analytics { id } }')).status).toBe(401);

    const { token: never } = await keys.create('test-never-used', 'viewer', 'test');
    await keys.revoke('test-never-used', 'test');
    expect((await graphql(never, '{ analytics { id } }')).status).toBe(401);
  });

  it('lists keys with role and last use, never a hash or a token', async () => {
    const listed = await keys.list();
    expect(listed.map((k) => `${k.name}:${k.role}:${k.revokedAt === null ? 'active' : 'revoked'}`).sort()).toEqual([
      'test-admin:admin:active', 'test-analyst:analyst:active', 'test-doomed:analyst:revoked', 'test-never-used:viewer:revoked', 'test-viewer:viewer:active',
    ]);
    expect(Object.keys(listed[0]!).sort()).toEqual(['createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'revokedAt', 'revokedBy', 'role']);
    expect(listed.find((k) => k.name === 'test-viewer')!.lastUsedAt).toEqual(expect.any(Number));
    expect(listed.find((k) => k.name === 'test-never-used')!.lastUsedAt).toBeNull();
    const { records } = await driver.executeQuery('MATCH (k:ApiKey) RETURN k.hash AS hash');
    const text = JSON.stringify(listed);
    for (const secret of [...records.map((r) => r.get('hash') as string), ...Object.values(token)]) expect(text).not.toContain(secret);
  });

  it('keeps validation errors precise with graphql-armor limits on depth, aliases, cost and tokens', async () => {
    const messages = async (query: string) => (await graphql(token.viewer!, query)).errors?.map((e) => e.message);
    // The page size comes first, before armor's cost limit that the same argument breaks.
    expect((await messages('{ findings(first: 100000) { totalCount } }'))?.[0]).toBe('first must be between 1 and 500, got 100000');
    expect(await messages('{ findings { edges { node { evidence { stage { a { b { c } } } } } } } }')).toContain('Query depth limit of 7 exceeded, found 8.');
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: analytics { id }`).join(' ');
    expect(await messages(`{ ${aliases} }`)).toEqual(['Aliases limit of 10 exceeded, found 11.']);
    const page = 'findings(first: 500) { edges { node { id reasons signals evidence { stage role kind key label time source } history { at actor action note } } } }';
    expect((await messages(`{ a: ${page} b: ${page} c: ${page} }`))?.[0]).toMatch(/^Query Cost limit of 100000 exceeded, found \d+/);
    expect(await messages(`{ analytics { ${'id '.repeat(1000)}} }`)).toEqual(['Syntax Error: Token limit of 1000 exceeded.']);
    expect(await messages('{ findings { totalCount } }')).toBeUndefined();
  });

  it('answers /readyz without a key: 200 when ready, 503 naming what is missing', async () => {
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, neo4j: 'up', redis: 'up', pendingMigrations: [], missing: [] });

    const last = migrationNames().at(-1)!;
    await driver.executeQuery('MATCH (m:Migration {name: $last}) DELETE m', { last });
    try {
      const pending = await fetch(`${api.url}/readyz`);
      expect(pending.status).toBe(503);
      expect(await pending.json()).toMatchObject({ ready: false, pendingMigrations: [last], missing: [`migrations not applied: ${last} (run provhunt migrate)`] });
    } finally {
      await migrate(driver, stack().neo4j.database);
    }

    const noRedis = await startTestApi('redis://127.0.0.1:1');
    try {
      const down = await fetch(`${noRedis.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ready: false, neo4j: 'up', redis: 'down', missing: ['Redis is unreachable'] });
    } finally {
      await noRedis.close();
    }
  });
});
