import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/analytics/catalog.js';
import { ensureGraphTokens, warmDetectionQueries } from '../../src/analytics/warmup.js';
import { freshGraph } from '../support/graph.js';

/** What workers do at start so that batches do not pay for query planning. */
describe('detection query plans prepared ahead of batches (real Neo4j)', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('creates the tokens of every query, also those no data has used yet (macOS verdicts on a Windows-only graph)', async () => {
    const tokens = await ensureGraphTokens(driver);
    expect(tokens.labels).toEqual(expect.arrayContaining(['Process', 'File', 'Binary', 'Signer', 'Finding', 'Package']));
    expect(tokens.relationshipTypes).toEqual(expect.arrayContaining(['VERIFIED', 'INSTALLED', 'IMPLICATES', 'SPAWNED']));
    const keys = (await driver.executeQuery('CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys')).records[0]!.get('keys') as string[];
    expect(keys).toEqual(expect.arrayContaining(['notarized', 'teamId', 'verdict', 'platformBinary']));
    // (db.labels() and db.relationshipTypes() list only tokens in use; property keys are listed once created.)
  });

  it("plans every analytic's queries with the parameters batches use", async () => {
    expect(loadCatalog().length).toBe(5);
    // Throws (ParameterMissing, syntax) if a query needs a parameter the warm-up does not pass.
    await expect(warmDetectionQueries(driver)).resolves.toBeGreaterThan(0);
  });
});
