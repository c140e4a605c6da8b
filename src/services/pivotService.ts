import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher.js';
import { findingFromRecord, type FindingKey, type FindingPage, type StoredFinding } from './findingsService.js';
import { NO_MEMO, type TelemetryMemo } from './telemetryMemo.js';

export interface HostSighting {
  hostId: string;
  paths: string[];
  firstSeen: number | null;
  lastSeen: number | null;
}

export interface SignatureState {
  signer: string | null;
  status: string | null;
  signed: boolean | null;
  /** Files (one per host and path) whose loads reported the state; for a content never loaded, the files holding it. */
  files: number;
}

export interface ProcessRun {
  process: { uid: string; hostId: string; image: string; commandLine: string | null; user: string | null; startTs: number | null; signer: string | null };
  children: Array<{ uid: string; image: string; commandLine: string | null; ts: number | null }>;
  connections: Array<{ ip: string; hostname: string | null; port: number | null; ts: number | null }>;
}

export interface BinaryPivot {
  sha256: string;
  prevalence: number;
  runCount: number;
  firstSeen: number | null;
  lastSeen: number | null;
  signatures: SignatureState[];
}

/** A page of the hosts holding a content, in host id order. */
export interface HostSightingPage {
  hosts: HostSighting[];
  hasNextPage: boolean;
}

/**
 * Owns the hunters' pivots (cypher/pivots): everything known about one piece of content. The
 * summary, hosts and runs read telemetry only and go through `memo`; the findings are read each time.
 */
export class PivotService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
    private readonly memo: TelemetryMemo = NO_MEMO,
  ) {}

  binary(sha256: string): Promise<BinaryPivot | undefined> {
    return this.memo.remember(`binary-summary|${sha256.toLowerCase()}`, () => this.summary(sha256));
  }

  /** Up to `first` hosts holding the content, in host id order, after the host `after` (none: from the start). */
  hosts(sha256: string, first: number, after?: string): Promise<HostSightingPage> {
    return this.memo.remember(`binary-hosts|${sha256.toLowerCase()}|${first}|${after ?? ''}`, () => this.hostPage(sha256, first, after));
  }

  processes(sha256: string, limit: number): Promise<ProcessRun[]> {
    return this.memo.remember(`binary-processes|${sha256.toLowerCase()}|${limit}`, () => this.runs(sha256, limit));
  }

  private async summary(sha256: string): Promise<BinaryPivot | undefined> {
    const { records } = await this.driver.executeQuery(cypher('pivots/binary-summary'), { sha256: sha256.toLowerCase() }, { database: this.database, routing: 'READ' });
    const row = records[0];
    if (!row) return undefined;
    const first = row.get('firstSignature') as Omit<SignatureState, 'files'>;
    const loads = row.get('loadSignatures') as SignatureState[];
    const files = row.get('files') as number;
    return {
      sha256: row.get('sha256') as string,
      prevalence: row.get('prevalence') as number,
      runCount: row.get('runCount') as number,
      firstSeen: row.get('firstSeen') as number | null,
      lastSeen: row.get('lastSeen') as number | null,
      signatures: countSignatures(loads.length > 0 ? loads : first.signer || first.status || first.signed !== null ? [{ ...first, files }] : []),
    };
  }

  private async hostPage(sha256: string, first: number, after?: string): Promise<HostSightingPage> {
    const params = { sha256: sha256.toLowerCase(), after: after ?? '', limit: neo4j.int(first + 1) };
    const { records } = await this.driver.executeQuery(cypher('pivots/binary-hosts'), params, { database: this.database, routing: 'READ' });
    const hosts = records.map((r): HostSighting => ({ ...(r.toObject() as HostSighting), paths: (r.get('paths') as string[]).sort() }));
    return { hosts: hosts.slice(0, first), hasNextPage: hosts.length > first };
  }

  private async runs(sha256: string, limit: number): Promise<ProcessRun[]> {
    const { records } = await this.driver.executeQuery(cypher('pivots/binary-processes'), { sha256: sha256.toLowerCase(), limit: neo4j.int(limit) }, { database: this.database, routing: 'READ' });
    return records.map((r) => ({
      process: r.get('process') as ProcessRun['process'],
      children: (r.get('children') as ProcessRun['children']).filter((c) => c.uid !== null),
      connections: (r.get('connections') as ProcessRun['connections']).filter((c) => c.ip !== null),
    }));
  }

  /** Up to `first` findings implicating the content, newest activity first, after the finding `after`. */
  async findings(sha256: string, first: number, after?: FindingKey): Promise<FindingPage> {
    const params = { sha256: sha256.toLowerCase(), after: after ? { lastSeen: neo4j.int(after.lastSeen), id: after.id } : null, limit: neo4j.int(first + 1) };
    const { records } = await this.driver.executeQuery(cypher('pivots/binary-findings'), params, { database: this.database, routing: 'READ' });
    const items = records.map((r) => findingFromRecord(r.get('finding') as Record<string, unknown>));
    return { items: items.slice(0, first), hasNextPage: items.length > first };
  }

  async findingsCount(sha256: string): Promise<number> {
    const { records } = await this.driver.executeQuery(cypher('pivots/binary-findings-count'), { sha256: sha256.toLowerCase() }, { database: this.database, routing: 'READ' });
    return (records[0]?.get('total') as number | undefined) ?? 0;
  }
}

/** Merges states counted by the query (the same state can come back once per null/absent spelling). */
function countSignatures(states: SignatureState[]): SignatureState[] {
  const counted = new Map<string, SignatureState>();
  for (const s of states) {
    const key = JSON.stringify([s.signer ?? null, s.status ?? null, s.signed ?? null]);
    const entry = counted.get(key) ?? { signer: s.signer ?? null, status: s.status ?? null, signed: s.signed ?? null, files: 0 };
    entry.files += s.files;
    counted.set(key, entry);
  }
  return [...counted.values()].sort((a, b) => b.files - a.files);
}
