import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { cypher } from '../graph/cypher.js';
import { loadCatalog } from './catalog.js';
import { analyticParams, anchorsInWindow } from './evaluate.js';

/** A key no node has: the queries run with parameters of their real types and match nothing. */
const NO_SUCH_UID = 'provhunt:warmup:none';

/**
 * Plans every detection query once, before the first batch needs it. Planning a chain query
 * costs about 1.5 s on this class of machine (they are long), which a worker would otherwise pay
 * inside the first batch of every platform: the difference between a finding in a second and a
 * finding in twenty. Parameters keep their real types, because Neo4j's plan cache is keyed by them.
 */
export async function warmDetectionQueries(driver: Driver, database?: string): Promise<number> {
  const started = Date.now();
  const none = [NO_SUCH_UID];
  await driver.executeQuery(cypher('analytics/_shared/neighbourhood'), { processUids: none, startedUids: none, fileUids: none, hostIps: none }, { database, routing: 'READ' });
  for (const analytic of loadCatalog()) {
    await anchorsInWindow(driver, analytic, { since: 0, until: 0, hostIds: none }, database);
    const params = { ...analyticParams(analytic), since: neo4j.int(0), until: neo4j.int(0), anchorUids: none };
    await driver.executeQuery(cypher(`analytics/${analytic.dir}/${analytic.queries.chain}`), params, { database, routing: 'READ' });
  }
  return Date.now() - started;
}
