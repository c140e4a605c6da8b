import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analytics/findings.js';
import { type RunningApi } from '../../src/api/server.js';
import { FindingsService } from '../../src/services/findingsService.js';
import { observedDriver, postGraphql, startTestApiOnQueue } from '../support/api.js';
import { freshGraph, stack, uniquePrefix } from '../support/graph.js';

const bootstrap = 'batching-bootstrap-key-0123456789';
const PAGE = 40;

function syntheticFinding(i: number): Finding {
  const hostId = `ws-${i % 7}.corp.example`;
  return {
    id: `batching-${String(i).padStart(3, '0')}`,
    analytic: 'AN0862',
    hostId,
    hostName: hostId,
    severity: 'high',
    score: 65,
    reasons: ['first run spawned cmd.exe'],
    signals: ['shellChild'],
    firstSeen: 1_700_000_000_000 + i * 1_000,
    lastSeen: 1_700_000_000_000 + i * 1_000 + 500,
    evidence: [{ stage: 1, role: 'installer', kind: 'Process', key: `${hostId}|installer-${i}`, label: 'setup.exe', ts: 1_700_000_000_000, source: null }],
    facts: { installer: 'setup.exe', signer: null, destinations: [] },
  };
}

/**
 * No N+1: the Cypher queries a findings page costs do not grow with the page when every item
 * asks for a per-finding field (its audit history). Counted on the driver the API really uses.
 */
describe('batched loading in the API (counting Cypher queries on the real Neo4j)', () => {
  // (The evidence graphs' content is checked in investigation.test.ts; here only the query count.)
  const prefix = uniquePrefix('batching');
  let driver: Driver;
  let api: RunningApi;
  let queries = 0;

  beforeAll(async () => {
    driver = await freshGraph();
    const findings = new FindingsService(driver, stack().neo4j.database);
    await findings.upsert(Array.from({ length: PAGE }, (_, i) => syntheticFinding(i)));
    for (let i = 0; i < PAGE; i += 2) await findings.setStatus(syntheticFinding(i).id, 'acknowledged', 'test:batching', `looked at ${i}`);
    api = await startTestApiOnQueue(prefix, { apiKey: bootstrap, driver: observedDriver(driver, () => queries++) });
  });
  afterAll(async () => {
    await api.close();
    await driver.close();
  });

  async function countQueries(query: string): Promise<{ queries: number; data: { findings: { edges: Array<{ node: { id: string; status: string; history?: Array<{ action: string; note: string | null }> } }> } } }> {
    const before = queries;
    const response = await postGraphql(api.url, bootstrap, query);
    const body = (await response.json()) as { data: never; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return { queries: queries - before, data: body.data };
  }

  it('answers a page of findings with their histories in a constant number of queries', async () => {
    const plain = await countQueries(`{ findings(first: ${PAGE}, filter: { status: null }) { totalCount edges { node { id status } } } }`);
    const withHistory = await countQueries(`{ findings(first: ${PAGE}) { totalCount edges { node { id status history { action note } } } } }`);
    const small = await countQueries(`{ findings(first: 3) { totalCount edges { node { id history { action } } } } }`);

    expect(withHistory.data.findings.edges).toHaveLength(PAGE);
    // One more query for every history on the page together, whatever the page size.
    expect(withHistory.queries).toBe(plain.queries + 1);
    expect(small.queries).toBe(withHistory.queries);
    // The same for the evidence graph (one batched query for the page), and both together.
    const withGraphs = await countQueries(`{ findings(first: ${PAGE}) { totalCount edges { node { id evidenceGraph { nodes { id kind } edges { type } } } } } }`);
    const withBoth = await countQueries(`{ findings(first: ${PAGE}) { totalCount edges { node { id history { action } evidenceGraph { nodes { id } } } } } }`);
    expect(withGraphs.queries).toBe(plain.queries + 1);
    expect(withBoth.queries).toBe(plain.queries + 2);
    // And the batched answers belong to the right findings.
    for (const { node } of withHistory.data.findings.edges) {
      const i = Number(node.id.slice('batching-'.length));
      if (i % 2 === 0) expect(node.history).toEqual([expect.objectContaining({ note: `looked at ${i}` })]);
      else expect(node.history).toEqual([]);
    }
  });

  it('serves the GraphiQL page without a key, and nothing else', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect([page.status, page.headers.get('content-encoding')]).toEqual([200, 'gzip']);
    expect(await page.text()).toContain('OpenFindings'); // fetch gunzips
    const introspection = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __schema { queryType { name } } }')}`, { headers: { accept: 'application/json' } });
    expect(introspection.status).toBe(401);
  });
});
