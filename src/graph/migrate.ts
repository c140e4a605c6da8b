import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { cypherDir } from '../config/paths.js';
import { cypher, statements } from './cypher.js';

/**
 * Applies cypher/migrations/*.cypher in name order. Every statement is idempotent (IF NOT EXISTS),
 * so running them at each start is safe; applied names are recorded for /readyz and operators.
 */
export async function migrate(driver: Driver, database?: string): Promise<string[]> {
  const names = fs
    .readdirSync(path.join(cypherDir, 'migrations'))
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => f.replace(/\.cypher$/, ''));
  for (const name of names) {
    for (const statement of statements(cypher(`migrations/${name}`))) {
      await driver.executeQuery(statement, {}, { database });
    }
    await driver.executeQuery(cypher('schema/record-migration'), { name }, { database });
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  return names;
}

export async function appliedMigrations(driver: Driver, database?: string): Promise<string[]> {
  const { records } = await driver.executeQuery(cypher('schema/applied-migrations'), {}, { database });
  return records.map((r) => r.get('name') as string);
}
