import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/cypher.js';
import { planWrites } from '../../src/graph/eventRows.js';
import { withIntegers, writeEvents } from '../../src/graph/writeEvents.js';
import type { NormalizedEvent, PackageEvent } from '../../src/model/event.js';
import { blockedTransactionSeen, freshGraph } from '../support/graph.js';

const host = { id: 'twins-host', name: 'twins-host', os: 'linux' as const };
const t0 = Date.parse('2024-03-05T14:02:12Z');

/** One dnf change as each log reports it: dnf.log's table names the repository, dnf.rpm.log does not. */
function change(id: string, version: string, ts: number, repository?: string): PackageEvent {
  return { v: 1, id, ts, host, source: { format: repository ? 'dnf-log' : 'dnf-rpm-log', recordId: id }, kind: 'package', op: 'install', manager: 'dnf', name: 'libsodium', version, repository };
}

/** A worker's batch transaction, opened and left uncommitted after its package statement. */
async function batchHeldOpen(driver: Driver, events: NormalizedEvent[]) {
  const plan = planWrites(events);
  const session = driver.session();
  const tx = session.beginTransaction();
  await tx.run(cypher('ingest/hosts'), { batch: { rows: plan.hosts.map(withIntegers) } });
  const packages = tx.run(cypher('ingest/package'), { batch: { rows: plan.packages.map(withIntegers) } });
  return { packages, commit: async () => (await tx.commit(), await session.close()) };
}

/** dnf.log and dnf.rpm.log twins written by two workers at the same moment (real Neo4j). */
describe('package twins under concurrent batches', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await freshGraph();
    // Host and package exist and are committed, as on a fleet that has seen them before.
    await writeEvents(driver, [change('twins-older', '1.0.17-1.el9', t0 - 86_400_000, 'epel')]);
  });
  afterAll(async () => {
    await driver.close();
  });

  it('stores the change once when the second log arrives while the first one\'s batch is still open', async () => {
    const table = await batchHeldOpen(driver, [change('twins-table', '1.0.18-8.el9', t0, 'epel')]);
    await table.packages;
    // The other worker's batch waits for the package's lock, then sees the committed twin.
    const rpm = await batchHeldOpen(driver, [change('twins-rpm', '1.0.18-8.el9', t0 + 3_000)]);
    expect(await blockedTransactionSeen(driver)).toBe(true);
    await table.commit();
    await rpm.packages;
    await rpm.commit();
    const { records } = await driver.executeQuery(
      "MATCH (:Host {id: 'twins-host'})-[i:INSTALLED]->(:Package {key: 'dnf|libsodium'}) WHERE i.version = '1.0.18-8.el9' RETURN i.eventId AS eventId, i.repository AS repository, i.absorbed AS absorbed",
    );
    expect(records.map((r) => r.toObject())).toEqual([{ eventId: 'twins-table', repository: 'epel', absorbed: ['twins-rpm'] }]);
  });
});
