import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../../src/api/server.js';
import { projectRoot } from '../../src/config/paths.js';
import { ingestFiles } from '../../src/ingest/ingestFiles.js';
import { createLogger } from '../../src/log.js';
import { ingestQueue } from '../../src/queue/queues.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';
import { startWorkerProcess, stopProcess } from '../support/workers.js';

const sample = path.join(projectRoot, 'docs', 'samples', 'tampered-update.sysmon.jsonl');
const apiKey = 'test-key-0123456789abcdef';

describe('ingest → graph → finding → GraphQL, through the real queue, worker process and HTTP', () => {
  const prefix = uniquePrefix('e2e');
  let driver: Driver;
  let worker: ChildProcess;
  let api: RunningApi;
  let queue: ReturnType<typeof ingestQueue>;

  beforeAll(async () => {
    driver = await freshGraph();
    worker = startWorkerProcess(stack(), prefix);
    queue = ingestQueue(stack().redisUrl, prefix);
    api = await startApi({
      host: '127.0.0.1',
      port: 0,
      apiKey,
      driver,
      ingestQueue: queue,
      redisUrl: stack().redisUrl,
      queuePrefix: prefix,
      ingest: { batchSize: 5, partitions: 4, maxBodyBytes: 1 << 20, maxWaitingBatches: 100 },
      log: createLogger('test', 'silent'),
    });
  });

  afterAll(async () => {
    await stopProcess(worker);
    await api.close();
    await queue.close();
    await driver.close();
  });

  const graphql = (query: string, key: string = apiKey) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query }),
    });

  it('finds the tampered update chain and serves it over GraphQL', async () => {
    const rejects: unknown[] = [];
    const result = await ingestFiles([sample], { redisUrl: stack().redisUrl, prefix, batchSize: 5, wait: true, onReject: (r) => rejects.push(r) });
    expect(rejects).toEqual([]);
    expect(result).toMatchObject({ records: 13, accepted: 13, rejected: 0, batches: 3, failedBatches: 0 });

    const response = await graphql(`{
      findings(filter: { analytic: "AN0862" }) {
        totalCount
        edges { node { analytic host severity score status reasons evidence { stage role kind label time } } }
      }
    }`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { findings: { totalCount: number; edges: { node: Record<string, unknown> }[] } } };
    expect(body.data.findings.totalCount).toBe(1);
    const finding = body.data.findings.edges[0]!.node;
    expect(finding).toMatchObject({ analytic: 'AN0862', host: 'WS-FIN-042.corp.example', severity: 'CRITICAL', score: 100, status: 'NEW' });
    expect(finding.reasons).toEqual([
      'first run spawned C:\\Windows\\System32\\cmd.exe',
      'first run loaded a module that is not validly signed: C:\\Program Files\\3CXDesktopApp\\ffmpeg.dll',
      'connected to a host that is not an approved update host: akamaicontainer.com',
      'first contact by any host within the look-back: akamaicontainer.com',
    ]);
    const roles = (finding.evidence as { role: string; time: string }[]).map((e) => `${e.role}@${e.time}`);
    expect(roles).toEqual([
      'installer@2023-03-29T10:00:00.000Z',
      'written-binary@2023-03-29T10:00:20.000Z',
      'first-run@2023-03-29T10:05:00.000Z',
      'unsigned-module@2023-03-29T10:05:02.000Z',
      'shell-child@2023-03-29T10:06:00.000Z',
      'connection@2023-03-29T10:05:31.000Z',
    ]);
  });

  it('does not flag the benign Google update on the other host', async () => {
    const response = await graphql('{ findings(filter: { host: "WS-ENG-007.corp.example" }) { totalCount } }');
    expect(((await response.json()) as { data: { findings: { totalCount: number } } }).data.findings.totalCount).toBe(0);
  });

  it('refuses GraphQL without a valid API key', async () => {
    expect((await graphql('{ analytics { id } }', '')).status).toBe(401);
    expect((await graphql('{ analytics { id } }', 'wrong-key-wrong-key')).status).toBe(401);
  });

  it('answers /healthz with 200 once Neo4j, Redis and a worker are up', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, neo4j: 'up', redis: 'up', api: 'up' });
  });

  it('reports a validation error for a bad page size instead of masking it', async () => {
    const body = (await (await graphql('{ findings(first: 100000) { totalCount } }')).json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toBe('first must be between 1 and 500, got 100000');
  });

  it('sets a finding\'s status with a note, and keeps who did it in the audit trail', async () => {
    const list = (await (await graphql('{ findings(filter: { analytic: "AN0862" }) { edges { node { id } } } }')).json()) as { data: { findings: { edges: { node: { id: string } }[] } } };
    const id = list.data.findings.edges[0]!.node.id;
    const mutation = `mutation { setFindingStatus(id: "${id}", status: ACKNOWLEDGED, note: "calling the vendor") { status history { actor action from to note } } }`;
    const body = (await (await graphql(mutation)).json()) as { data: { setFindingStatus: { status: string; history: unknown[] } } };
    expect(body.data.setFindingStatus).toEqual({
      status: 'ACKNOWLEDGED',
      history: [{ actor: 'api:bootstrap', action: 'status', from: 'new', to: 'acknowledged', note: 'calling the vendor' }],
    });
    const missing = (await (await graphql('mutation { setFindingStatus(id: "AN0862-nope", status: RESOLVED) { id } }')).json()) as { errors: { message: string }[] };
    expect(missing.errors[0]!.message).toBe("no finding with id 'AN0862-nope'");
  });

  it('runs a retro-hunt with overridden tunables without touching live findings', async () => {
    const hunt = async (window: string) => {
      const query = `{ hunt(analytic: "AN0862", set: [{ name: "TimeWindow", valueJson: "\\"${window}\\"" }]) { stored findings { analytic host score } } }`;
      return ((await (await graphql(query)).json()) as { data: { hunt: { stored: boolean; findings: unknown[] } } }).data.hunt;
    };
    expect(await hunt('90m')).toEqual({ stored: false, findings: [{ analytic: 'AN0862', host: 'WS-FIN-042.corp.example', score: 100 }] });
    // A 10-second window cannot reach the first run five minutes after the write.
    expect((await hunt('10s')).findings).toEqual([]);
    const bad = (await (await graphql('{ hunt(analytic: "AN0862", set: [{ name: "Window", valueJson: "1" }]) { stored } }')).json()) as { errors: { message: string }[] };
    expect(bad.errors[0]!.message).toMatch(/AN0862 has no tunable 'Window'/);
    const live = (await (await graphql('{ findings { totalCount } }')).json()) as { data: { findings: { totalCount: number } } };
    expect(live.data.findings.totalCount).toBe(1);
  });

  it('makes, lists and removes a scoped suppression over GraphQL, with clear errors for bad scopes', async () => {
    const list = (await (await graphql('{ findings(filter: { analytic: "AN0862" }) { edges { node { id } } } }')).json()) as { data: { findings: { edges: { node: { id: string } }[] } } };
    const id = list.data.findings.edges[0]!.node.id;
    const made = (await (await graphql(`mutation { suppressFromFinding(id: "${id}", destination: "akamaicontainer.com", note: "sinkholed") { id analytic destination installer createdBy hits } }`)).json()) as { data: { suppressFromFinding: { id: string } } };
    expect(made.data.suppressFromFinding).toMatchObject({ analytic: 'AN0862', destination: 'akamaicontainer.com', installer: null, createdBy: 'api:bootstrap', hits: 0 });
    const listed = (await (await graphql('{ suppressions { id } }')).json()) as { data: { suppressions: { id: string }[] } };
    expect(listed.data.suppressions.map((s) => s.id)).toEqual([made.data.suppressFromFinding.id]);
    const unscoped = (await (await graphql(`mutation { suppressFromFinding(id: "${id}") { id } }`)).json()) as { errors: { message: string }[] };
    expect(unscoped.errors[0]!.message).toMatch(/needs at least one of installer, signer, destination or host/);
    const removed = (await (await graphql(`mutation { removeSuppression(id: "${made.data.suppressFromFinding.id}") }`)).json()) as { data: { removeSuppression: number } };
    expect(removed.data.removeSuppression).toBe(0);
  });

  it('changes a tunable through the API for every process, audited, and resets it', async () => {
    const tunable = async () => {
      const body = (await (await graphql('{ analytics { id tunables { name valueJson source history { actor from to note } } } }')).json()) as { data: { analytics: Array<{ id: string; tunables: Array<Record<string, unknown> & { name: string }> }> } };
      return body.data.analytics.find((a) => a.id === 'AN0862')!.tunables.find((t) => t.name === 'TimeWindow')!;
    };
    expect(await tunable()).toMatchObject({ valueJson: '"90m"', source: 'default', history: [] });
    const set = (await (await graphql('mutation { setTunable(analytic: "AN0862", name: "TimeWindow", valueJson: "\\"10s\\"", note: "lab") { valueJson source } }')).json()) as { data: { setTunable: unknown } };
    expect(set.data.setTunable).toEqual({ valueJson: '"10s"', source: 'api' });
    // A hunt without overrides now runs with the API-set window, too short for this chain.
    const hunted = (await (await graphql('{ hunt(analytic: "AN0862") { findings { id } } }')).json()) as { data: { hunt: { findings: unknown[] } } };
    expect(hunted.data.hunt.findings).toEqual([]);
    const bad = (await (await graphql('mutation { setTunable(analytic: "AN0862", name: "TimeWindow", valueJson: "\\"soon\\"") { source } }')).json()) as { errors: { message: string }[] };
    expect(bad.errors[0]!.message).toBe("'soon' is not a duration (examples: 90m, 14d, 2h30m)");
    const reset = (await (await graphql('mutation { resetTunable(analytic: "AN0862", name: "TimeWindow") { valueJson source } }')).json()) as { data: { resetTunable: unknown } };
    expect(reset.data.resetTunable).toEqual({ valueJson: '"90m"', source: 'default' });
    expect((await tunable()).history).toEqual([
      { actor: 'api:bootstrap', from: null, to: '"10s"', note: 'lab' },
      { actor: 'api:bootstrap', from: '"10s"', to: null, note: null },
    ]);
  });
});
