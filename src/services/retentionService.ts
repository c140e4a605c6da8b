import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher.js';

export interface RetentionResult {
  events: number;
  processes: number;
}

/**
 * Expires telemetry older than a cutoff in small transactions (so it never holds large locks or
 * memory), keeping every entity that is evidence of a finding. Findings themselves are never expired.
 */
export async function expireTelemetry(driver: Driver, cutoff: number, batch = 10_000, database?: string): Promise<RetentionResult> {
  const drain = async (statement: string) => {
    let total = 0;
    for (;;) {
      const { records } = await driver.executeQuery(cypher(statement), { cutoff: neo4j.int(cutoff), batch: neo4j.int(batch) }, { database });
      const deleted = records[0]?.get('deleted') as number;
      total += deleted;
      if (deleted < batch) return total;
    }
  };
  const events = await drain('retention/expire-events');
  const processes = await drain('retention/expire-processes');
  return { events, processes };
}
