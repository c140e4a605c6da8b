import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { cypherDir } from '../config/paths.js';
import { cypher, statements } from './cypher.js';

/**
 * Applies the cypher/migrations/*.cypher not yet recorded, in name order. Statements are
 * idempotent (IF [NOT] EXISTS) so a migration interrupted half-way can run again; a later
 * migration may undo an earlier one's schema (004 drops 001's relationship constraints), which is
 * why applied ones are skipped rather than re-run. Applied names are recorded for /readyz.
 */
export async function migrate(driver: Driver, database?: string): Promise<string[]> {
  const names = migrationNames();
  const applied = new Set(await appliedMigrations(driver, database));
  for (const name of names) {
    if (applied.has(name)) continue;
    await applyMigration(driver, name, database);
    await driver.executeQuery(cypher('schema/record-migration'), { name }, { database });
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
  return names;
}

/**
 * Runs one migration's statements, each in an auto-commit transaction: a back-fill over a large
 * graph commits in batches (`CALL { ... } IN TRANSACTIONS`), which a managed transaction cannot run.
 */
export async function applyMigration(driver: Driver, name: string, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of statements(cypher(`migrations/${name}`))) await session.run(statement);
  } finally {
    await session.close();
  }
}

/** Every migration this build ships (cypher/migrations/*.cypher), in the order they apply. */
export function migrationNames(): string[] {
  return fs
    .readdirSync(path.join(cypherDir, 'migrations'))
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => f.replace(/\.cypher$/, ''));
}

export async function appliedMigrations(driver: Driver, database?: string): Promise<string[]> {
  const { records } = await driver.executeQuery(cypher('schema/applied-migrations'), {}, { database });
  return records.map((r) => r.get('name') as string);
}

/**
 * Resolves once every migration this build ships is applied and the indexes are online; until
 * then it calls `onWait` with the missing names every `pollMs`. Workers wait here before taking
 * batches: the write statements seek indexes by hint, and where the API or `provhunt start`
 * applies migrations beside them (docker-compose.yml) a batch written meanwhile would read without
 * its index (a scan per row) or create links the next migration expects to key.
 */
export async function waitForMigrations(driver: Driver, database: string | undefined, onWait: (missing: string[]) => void, pollMs = 2000): Promise<void> {
  for (;;) {
    const applied = new Set(await appliedMigrations(driver, database));
    const missing = migrationNames().filter((name) => !applied.has(name));
    if (missing.length === 0) break;
    onWait(missing);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}
