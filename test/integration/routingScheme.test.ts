import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/graph/driver.js';
import { loadScenarios, runScenario } from '../scenarios/scenarioRunner.js';
import { freshGraph, stack } from '../support/graph.js';

/**
 * A cluster is reached with neo4j:// (routing: reads may go to followers, writes to the leader).
 * No cluster runs here, but a routing driver against one server still takes every code path a
 * cluster would: the routing table (a wrong advertised address fails here), and reads and writes
 * sent with their access mode, where Neo4j refuses a write inside a READ transaction.
 */
describe('neo4j:// routing driver against the real Neo4j', () => {
  let routed: Driver;

  beforeAll(async () => {
    await (await freshGraph()).close();
    const { neo4j } = stack();
    routed = createDriver({ ...neo4j, uri: neo4j.uri.replace(/^bolt:\/\//, 'neo4j://') });
  });
  afterAll(async () => {
    await routed.close();
  });

  it('discovers the server from its routing table', async () => {
    const info = await routed.getServerInfo();
    expect(info.address).toBe(stack().neo4j.uri.replace(/^bolt:\/\//, ''));
  });

  it('ingests, detects and reads findings with every query in its access mode', async () => {
    const scenario = loadScenarios().find((s) => s.name === '3cx-trojanized-update')!;
    const findings = await runScenario(routed, scenario);
    expect(findings.filter((f) => f.analytic === 'AN0862').length).toBeGreaterThanOrEqual(1);
  });
});
