import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher.js';
import { findingFromRecord, type StoredFinding } from './findingsService.js';

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
  count: number;
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
  hosts: HostSighting[];
  signatures: SignatureState[];
}

interface Sighting {
  hostId: string;
  path: string | null;
  ts: number | null;
}

/** Owns the hunters' pivots (cypher/pivots): everything known about one piece of content. */
export class PivotService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  async binary(sha256: string): Promise<BinaryPivot | undefined> {
    const { records } = await this.driver.executeQuery(cypher('pivots/binary-summary'), { sha256: sha256.toLowerCase() }, { database: this.database, routing: 'READ' });
    const row = records[0];
    if (!row) return undefined;
    const hosts = byHost(row.get('sightings') as Sighting[]);
    const times = hosts.flatMap((h) => [h.firstSeen, h.lastSeen]).filter((t): t is number => t !== null);
    const first = row.get('firstSignature') as Omit<SignatureState, 'count'>;
    const loads = row.get('loadSignatures') as SignatureState[];
    return {
      sha256: row.get('sha256') as string,
      prevalence: hosts.length,
      runCount: row.get('runCount') as number,
      firstSeen: times.length > 0 ? Math.min(...times) : null,
      lastSeen: times.length > 0 ? Math.max(...times) : null,
      hosts,
      signatures: countSignatures(loads.length > 0 ? loads : first.signer || first.status || first.signed !== null ? [{ ...first, count: 1 }] : []),
    };
  }

  async processes(sha256: string, limit: number): Promise<ProcessRun[]> {
    const { records } = await this.driver.executeQuery(cypher('pivots/binary-processes'), { sha256: sha256.toLowerCase(), limit: neo4j.int(limit) }, { database: this.database, routing: 'READ' });
    return records.map((r) => ({
      process: r.get('process') as ProcessRun['process'],
      children: (r.get('children') as ProcessRun['children']).filter((c) => c.uid !== null),
      connections: (r.get('connections') as ProcessRun['connections']).filter((c) => c.ip !== null),
    }));
  }

  async findings(sha256: string): Promise<StoredFinding[]> {
    const { records } = await this.driver.executeQuery(cypher('pivots/binary-findings'), { sha256: sha256.toLowerCase() }, { database: this.database, routing: 'READ' });
    return records.map((r) => findingFromRecord(r.get('finding') as Record<string, unknown>));
  }
}

function byHost(sightings: Sighting[]): HostSighting[] {
  const hosts = new Map<string, HostSighting>();
  for (const s of sightings) {
    const host = hosts.get(s.hostId) ?? { hostId: s.hostId, paths: [], firstSeen: null, lastSeen: null };
    if (s.path && !host.paths.includes(s.path)) host.paths.push(s.path);
    if (s.ts !== null) {
      host.firstSeen = host.firstSeen === null ? s.ts : Math.min(host.firstSeen, s.ts);
      host.lastSeen = host.lastSeen === null ? s.ts : Math.max(host.lastSeen, s.ts);
    }
    hosts.set(s.hostId, host);
  }
  return [...hosts.values()].sort((a, b) => a.hostId.localeCompare(b.hostId));
}

/** Merges states counted by the query (the same state can come back once per null/absent spelling). */
function countSignatures(states: SignatureState[]): SignatureState[] {
  const counted = new Map<string, SignatureState>();
  for (const s of states) {
    const key = JSON.stringify([s.signer ?? null, s.status ?? null, s.signed ?? null]);
    const entry = counted.get(key) ?? { signer: s.signer ?? null, status: s.status ?? null, signed: s.signed ?? null, count: 0 };
    entry.count += s.count;
    counted.set(key, entry);
  }
  return [...counted.values()].sort((a, b) => b.count - a.count);
}
