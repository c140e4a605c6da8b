import type { Driver } from 'neo4j-driver';
import { cypher, cypherNamesUnder } from '../src/graph/cypher.js';

/**
 * Samples Neo4j's running transactions (`SHOW TRANSACTIONS`) while workers write, and counts per
 * statement how often a transaction was blocked on another's lock: what tells writers waiting for
 * each other from writers short of CPU.
 */
export function lockWaitSampler(driver: Driver, everyMs = 200) {
  const names = ingestStatementNames();
  const blocked: Record<string, number> = {};
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { records } = await driver.executeQuery('SHOW TRANSACTIONS YIELD status, currentQuery RETURN status, currentQuery');
        samples += 1;
        for (const r of records) {
          if (!String(r.get('status')).startsWith('Blocked')) continue;
          const name = names.get(String(r.get('currentQuery'))) ?? 'other';
          blocked[name] = (blocked[name] ?? 0) + 1;
        }
      } catch {
        // the server is busy or stopping: skip this sample
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samples, everyMs, blockedSamplesByStatement: blocked };
    },
  };
}

function ingestStatementNames(): Map<string, string> {
  return new Map(cypherNamesUnder('ingest').map((name) => [cypher(name), name]));
}
