import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { setConfiguredTuning } from '../../src/analytics/tuning.js';
import { loadCatalog } from '../../src/analytics/catalog.js';
import { freshGraph } from '../support/graph.js';
import { applyTuning, describe as describeFindings, loadScenarios, runHunt, runScenario, unmet } from './scenarioRunner.js';

/**
 * The scenario corpus: incidents modelled on public reports and benign look-alikes, each delivered
 * to the real Neo4j batch by batch the way a worker does, then checked against its scenario.yaml.
 */
describe('scenario corpus', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
  });
  afterAll(async () => {
    await driver.close();
  });

  for (const scenario of loadScenarios()) {
    it(`${scenario.kind}: ${scenario.name}`, async () => {
      await driver.executeQuery('MATCH (n) WHERE NOT n:Migration DETACH DELETE n');
      applyTuning(scenario);
      onTestFinished(() => setConfiguredTuning(undefined));
      const findings = await runScenario(driver, scenario);
      for (const expectation of scenario.expect) expect(unmet(findings, expectation), scenario.description).toBeUndefined();
      const absent = scenario.absent === 'all' ? loadCatalog().map((a) => a.id) : scenario.absent;
      const unwanted = findings.filter((f) => absent.includes(f.analytic));
      expect(unwanted, `unexpected findings: ${describeFindings(unwanted)}`).toEqual([]);
      for (const h of scenario.hunts) {
        const hunted = await runHunt(driver, h.analytic, h.set);
        for (const expectation of h.expect) expect(unmet(hunted, expectation), `hunt ${h.analytic} ${JSON.stringify(h.set)}`).toBeUndefined();
        if (h.absent) expect(hunted, `hunt ${h.analytic} should find nothing: ${describeFindings(hunted)}`).toEqual([]);
      }
    });
  }
});
