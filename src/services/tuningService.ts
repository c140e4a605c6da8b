import type { Driver } from 'neo4j-driver';
import { analyticById, tunableOf } from '../analytics/catalog.js';
import { convertTunable } from '../analytics/tunables.js';
import { setStoredTuning, type Tuning } from '../analytics/tuning.js';
import { cypher } from '../graph/cypher.js';
import type { AuditEntry } from './findingsService.js';

/** How long a worker trusts its copy of the API-set tunables before reading them again. */
const REFRESH_MS = 5_000;

/**
 * Tunables set through the API live in the graph (TunableSetting nodes, audited), so every worker
 * and API process sees the same values. They layer over the tuning file and the defaults.
 */
export class TuningService {
  private loadedAt = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  /** Reads the stored tunables into the process's tuning layer, at most every few seconds. */
  async refresh(force = false): Promise<Tuning> {
    if (!force && Date.now() - this.loadedAt < REFRESH_MS) return {};
    const { records } = await this.driver.executeQuery(cypher('tuning/all'), {}, { database: this.database, routing: 'READ' });
    const stored: Tuning = {};
    for (const r of records) {
      const valueJson = r.get('valueJson') as string | null;
      if (valueJson === null) continue;
      (stored[r.get('analytic') as string] ??= {})[r.get('name') as string] = JSON.parse(valueJson) as unknown;
    }
    setStoredTuning(stored);
    this.loadedAt = Date.now();
    return stored;
  }

  /** Sets one tunable (null resets it to the file or default), after checking it converts; audited. */
  async set(analyticId: string, name: string, value: unknown, actor: string, note?: string): Promise<void> {
    const analytic = analyticById(analyticId);
    const tunable = tunableOf(analytic, name);
    if (value !== null) convertTunable(value, tunable, name);
    await this.driver.executeQuery(
      cypher('tuning/set'),
      { analytic: analytic.id, name, valueJson: value === null ? null : JSON.stringify(value), actor, note: note ?? null },
      { database: this.database },
    );
    await this.refresh(true);
  }

  async history(analyticId: string, name: string): Promise<AuditEntry[]> {
    const { records } = await this.driver.executeQuery(cypher('tuning/history'), { analytic: analyticById(analyticId).id, name }, { database: this.database, routing: 'READ' });
    return records.map((r) => r.get('entry') as AuditEntry);
  }
}
