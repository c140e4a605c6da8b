import type { Driver } from 'neo4j-driver';
import { shortHash } from '../adapters/identity.js';
import type { Finding } from '../analytics/findings.js';
import { InputError } from '../errors.js';
import { cypher } from '../graph/cypher.js';

/**
 * A scoped suppression: analytic plus any of installer image, first-run signer, destination and
 * host, and the kinds of signal the finding judged benign had. A finding it matches is stored with
 * status `suppressed` (kept, countable, reversible) instead of `new`, so a benign updater marked
 * once stops raising alerts but never vanishes. It matches only findings with no other kind of
 * signal and no other destination: marking a vendor's update host benign must not silence the
 * same installer's first run spawning a shell or calling out somewhere else.
 */
export interface Suppression {
  id: string;
  analytic: string;
  installer: string | null;
  signer: string | null;
  destination: string | null;
  hostId: string | null;
  /** The signal kinds a matched finding may have; null for a suppression made before they were kept (any). */
  signals: string[] | null;
  createdAt: number;
  createdBy: string;
  note: string | null;
  hits: number;
}

/** Which of a finding's facts the suppression is scoped by (analytic always). */
export interface SuppressionScope {
  installer?: boolean;
  signer?: boolean;
  /** A destination of the finding, or true for its only one. */
  destination?: boolean | string;
  host?: boolean;
}

export function suppressionMatches(s: Pick<Suppression, 'analytic' | 'installer' | 'signer' | 'destination' | 'hostId' | 'signals'>, f: Finding): boolean {
  return (
    s.analytic === f.analytic &&
    (s.installer === null || s.installer === f.facts.installer) &&
    (s.signer === null || s.signer === f.facts.signer) &&
    (s.destination === null || (f.facts.destinations.length > 0 && f.facts.destinations.every((d) => d === s.destination))) &&
    (s.hostId === null || s.hostId === f.hostId) &&
    (s.signals === null || f.signals.every((kind) => s.signals!.includes(kind)))
  );
}

export class SuppressionsService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  async list(): Promise<Suppression[]> {
    const { records } = await this.driver.executeQuery(cypher('suppressions/list'), {}, { database: this.database, routing: 'READ' });
    return records.map((r) => toSuppression(r.get('suppression') as Record<string, unknown>));
  }

  /** Makes (or finds) the suppression scoped by the chosen facts of a stored finding. */
  async createFromFinding(finding: Finding, scope: SuppressionScope, actor: string, note?: string): Promise<Suppression> {
    const destination = pickDestination(finding, scope.destination);
    const fields = {
      analytic: finding.analytic,
      installer: scope.installer ? requireFact(finding.facts.installer, 'installer', finding) : null,
      signer: scope.signer ? requireFact(finding.facts.signer, 'signer', finding) : null,
      destination,
      hostId: scope.host ? finding.hostId : null,
      signals: [...new Set(finding.signals)].sort(),
    };
    if (!fields.installer && !fields.signer && !fields.destination && !fields.hostId) {
      throw new InputError('a suppression needs at least one of installer, signer, destination or host besides the analytic (it would silence the whole analytic)');
    }
    const id = `SUP-${shortHash(JSON.stringify(fields))}`;
    const { records } = await this.driver.executeQuery(
      cypher('suppressions/create'),
      { ...fields, id, findingId: finding.id, actor, note: note ?? null },
      { database: this.database },
    );
    return toSuppression({ hits: 0, ...(records[0]!.get('suppression') as Record<string, unknown>) });
  }

  /** Removes a suppression and reopens the findings it held back; false when there was none. */
  async remove(id: string, actor: string): Promise<{ removed: boolean; reopened: number }> {
    const { records } = await this.driver.executeQuery(cypher('suppressions/remove'), { id, actor }, { database: this.database });
    return records[0] ? { removed: true, reopened: records[0].get('reopened') as number } : { removed: false, reopened: 0 };
  }

  /** Marks each finding with the first suppression that matches it (suppressedBy), for the upsert. */
  async annotate(findings: Finding[]): Promise<Array<Finding & { suppressedBy: string | null }>> {
    if (findings.length === 0) return [];
    const { records } = await this.driver.executeQuery(cypher('suppressions/scopes'), {}, { database: this.database, routing: 'READ' });
    const scopes = records.map((r) => toSuppression(r.get('scope') as Record<string, unknown>));
    return findings.map((f) => ({ ...f, suppressedBy: scopes.find((s) => suppressionMatches(s, f))?.id ?? null }));
  }
}

/** Neo4j keeps no null properties: absent scope fields come back as null here. */
function toSuppression(row: Record<string, unknown>): Suppression {
  const orNull = (key: string) => (row[key] as string | undefined) ?? null;
  return {
    id: row.id as string,
    analytic: row.analytic as string,
    installer: orNull('installer'),
    signer: orNull('signer'),
    destination: orNull('destination'),
    hostId: orNull('hostId'),
    signals: (row.signals as string[] | undefined) ?? null,
    createdAt: row.createdAt as number,
    createdBy: row.createdBy as string,
    note: orNull('note'),
    hits: (row.hits as number) ?? 0,
  };
}

function requireFact(value: string | null, name: string, finding: Finding): string {
  if (!value) throw new InputError(`finding ${finding.id} has no ${name} to scope a suppression by`);
  return value;
}

/**
 * The destination a suppression is scoped by: the finding's only one. A suppression by destination
 * holds back look-alikes that call that destination and no other, so one of several would hold back
 * none of them, not even this finding's twin on another host: refused, naming what to do instead.
 */
function pickDestination(finding: Finding, wanted: boolean | string | undefined): string | null {
  if (!wanted) return null;
  const destinations = finding.facts.destinations;
  if (typeof wanted === 'string' && !destinations.includes(wanted)) throw new InputError(`finding ${finding.id} has no destination '${wanted}' (has: ${destinations.join(', ') || 'none'})`);
  if (destinations.length !== 1) {
    throw new InputError(`finding ${finding.id} has ${destinations.length} destinations (${destinations.join(', ') || 'none'}); a suppression by destination needs a finding with exactly one: scope by installer, signer or host instead`);
  }
  return destinations[0]!;
}
