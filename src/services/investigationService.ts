import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher.js';
import { assembleEvidenceGraph, evidenceKeys, type EvidenceGraph, type GraphRows } from './evidenceGraph.js';
import { findingFromRecord, type StoredFinding } from './findingsService.js';

export interface ProcessFacts {
  uid: string;
  hostId: string;
  pid: number | null;
  image: string | null;
  imageName: string | null;
  commandLine: string | null;
  user: string | null;
  startTs: number | null;
  endTs: number | null;
  sha256: string | null;
  signer: string | null;
  signed: boolean | null;
  signatureStatus: string | null;
  parentUid: string | null;
}

/** A process found by walking SPAWNED from another: depth 1 is the parent or a child. */
export interface RelatedProcess {
  uid: string;
  depth: number;
  parentUid: string | null;
  image: string | null;
  commandLine: string | null;
  user: string | null;
  startTs: number | null;
}

export interface HostFacts {
  id: string;
  name: string;
  os: string | null;
  firstSeen: number | null;
  placeholder: boolean;
}

export const hostEventKinds = ['processStart', 'fileWrite', 'moduleLoad', 'network', 'dns', 'packageInstall'] as const;
export type HostEventKind = (typeof hostEventKinds)[number];

/** One timeline row: the fields that apply to its kind are set (cypher/investigation/timeline-*.cypher). */
export interface HostEvent {
  id: string;
  kind: HostEventKind;
  ts: number;
  processUid?: string | null;
  image?: string | null;
  target?: string | null;
  [detail: string]: unknown;
}

/** Where a page of a timeline resumes: below this time and id (newest first). */
export interface TimelinePosition {
  ts: number;
  id: string;
}

export interface TimelineQuery {
  since: number;
  until: number;
  kinds: readonly HostEventKind[];
  first: number;
  after?: TimelinePosition;
  /** Leave out connections by these processes to these addresses (a finding's own evidence). */
  exclude?: { processUids: string[]; ips: string[] };
}

export interface SpawnedAfterWriteQuery {
  pathFragment: string;
  image: string;
  withinMs: number;
  since: number;
  until: number;
  hostId?: string;
  writerChildrenOnly: boolean;
  first: number;
}

export interface SpawnAfterWrite {
  hostId: string;
  spawned: Omit<RelatedProcess, 'depth'>;
  write: { processUid: string; image: string | null; path: string; op: string | null; sha256: string | null; ts: number };
  byWriter: boolean;
  runsWrittenFile: boolean;
}

const timelineQueries: Record<HostEventKind, string> = {
  processStart: 'timeline-process-starts',
  fileWrite: 'timeline-file-writes',
  moduleLoad: 'timeline-module-loads',
  network: 'timeline-network',
  dns: 'timeline-dns',
  packageInstall: 'timeline-packages',
};

/** How many matching writes spawnedAfterWrite considers, newest first: bounds its work on a busy fleet. */
export const MAX_PATTERN_WRITES = 5_000;

/** Owns the analysts' views (cypher/investigation): processes, hosts, a finding's graph and context, pattern queries. */
export class InvestigationService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  private async rows<T>(name: string, params: Record<string, unknown>, column: string): Promise<T[]> {
    const { records } = await this.driver.executeQuery(cypher(`investigation/${name}`), params, { database: this.database, routing: 'READ' });
    return records.map((r) => r.get(column) as T);
  }

  async process(uid: string): Promise<ProcessFacts | undefined> {
    return (await this.rows<ProcessFacts>('process', { uid }, 'process'))[0];
  }

  /** Parent first; a process has one parent, so the chain is at most `depth` long. */
  ancestors(uid: string, depth: number): Promise<RelatedProcess[]> {
    return this.rows<RelatedProcess>('process-ancestors', { uid, depth: neo4j.int(depth) }, 'process');
  }

  /** Breadth first, a query per level, each bounded by what is left of `first`. */
  async descendants(uid: string, depth: number, first: number): Promise<RelatedProcess[]> {
    const found: RelatedProcess[] = [];
    const seen = new Set([uid]);
    let frontier = [uid];
    for (let level = 1; level <= depth && frontier.length > 0 && found.length < first; level++) {
      const children = (await this.children(frontier, first - found.length, level)).filter((c) => !seen.has(c.uid));
      for (const c of children) seen.add(c.uid);
      found.push(...children);
      frontier = children.map((c) => c.uid);
    }
    return found;
  }

  children(uids: string[], limit: number, depth = 1): Promise<RelatedProcess[]> {
    return this.rows<Omit<RelatedProcess, 'depth'>>('process-children', { uids, limit: neo4j.int(limit) }, 'process').then((rows) => rows.map((r) => ({ ...r, depth })));
  }

  writes = (uid: string, first: number) => this.rows<Record<string, unknown>>('process-writes', { uid, limit: neo4j.int(first) }, 'write');
  loads = (uid: string, first: number) => this.rows<Record<string, unknown>>('process-loads', { uid, limit: neo4j.int(first) }, 'load');
  connections = (uid: string, first: number) => this.rows<Record<string, unknown>>('process-connections', { uid, limit: neo4j.int(first) }, 'connection');
  dnsQueries = (uid: string, first: number) => this.rows<Record<string, unknown>>('process-dns', { uid, limit: neo4j.int(first) }, 'query');

  async processFindings(uid: string): Promise<StoredFinding[]> {
    return (await this.rows<Record<string, unknown>>('process-findings', { uid }, 'finding')).map(findingFromRecord);
  }

  async hostById(id: string): Promise<HostFacts | undefined> {
    return (await this.rows<HostFacts>('host-by-id', { id }, 'host'))[0];
  }

  /** Every host of that name (at most 10): names are not unique. */
  hostsByName(name: string): Promise<HostFacts[]> {
    return this.rows<HostFacts>('host-by-name', { name }, 'host');
  }

  hostIps = (hostId: string) => this.rows<Record<string, unknown>>('host-ips', { hostId }, 'address');

  /**
   * Newest first across the chosen kinds: each kind's query returns at most first + 1 rows below
   * the position, and the merge keeps the first + 1 newest (the extra one says there is more).
   */
  async timeline(hostId: string, q: TimelineQuery): Promise<{ events: HostEvent[]; hasNextPage: boolean }> {
    // A position past the range (the range changed between pages) starts from its end.
    const after = q.after && q.after.ts <= q.until ? q.after : undefined;
    const params = {
      hostId,
      since: neo4j.int(q.since),
      until: neo4j.int(after?.ts ?? q.until),
      afterId: after?.id ?? null,
      limit: neo4j.int(q.first + 1),
      excludeProcessUids: q.exclude?.processUids ?? [],
      excludeIps: q.exclude?.ips ?? [],
    };
    const perKind = await Promise.all(
      q.kinds.map(async (kind) => (await this.rows<Omit<HostEvent, 'kind'>>(timelineQueries[kind], params, 'event')).map((e) => ({ ...e, kind }) as HostEvent)),
    );
    const merged = perKind.flat().sort(newestFirst);
    return { events: merged.slice(0, q.first), hasNextPage: merged.length > q.first };
  }

  /** A finding's evidence entities and the relationships among them, ready to draw. */
  async evidenceGraph(finding: StoredFinding): Promise<EvidenceGraph> {
    return (await this.evidenceGraphs([finding]))[0]!;
  }

  /** The evidence graphs of several findings in one query, in their order. */
  async evidenceGraphs(findings: readonly StoredFinding[]): Promise<EvidenceGraph[]> {
    const params = findings.map((f) => {
      const keys = evidenceKeys(f.evidence);
      return { id: f.id, processUids: keys.Process, fileUids: keys.File, ipAddresses: keys.IP, packageKeys: keys.Package, hostId: f.hostId };
    });
    const { records } = await this.driver.executeQuery(cypher('investigation/evidence-graph'), { findings: params }, { database: this.database, routing: 'READ' });
    const rowsById = new Map(records.map((r): [string, GraphRows] => [r.get('id') as string, { nodes: r.get('nodes'), linkUids: r.get('linkUids'), edges: r.get('edges') }]));
    return findings.map((f) => assembleEvidenceGraph(f.evidence, rowsById.get(f.id) ?? { nodes: [], linkUids: [], edges: [] }));
  }

  /** Connections on the finding's host in its window, widened by `marginMs`, other than its evidence. */
  async otherConnections(finding: StoredFinding, marginMs: number, first: number): Promise<Array<Record<string, unknown>>> {
    const keys = evidenceKeys(finding.evidence);
    const window = { since: finding.firstSeen - marginMs, until: finding.lastSeen + marginMs };
    const page = await this.timeline(finding.hostId, { ...window, kinds: ['network'], first, exclude: { processUids: keys.Process, ips: keys.IP } });
    return page.events.map(({ target, ...e }) => ({ ...e, ip: target }));
  }

  async spawnedAfterWrite(q: SpawnedAfterWriteQuery): Promise<SpawnAfterWrite[]> {
    const image = q.image.toLowerCase();
    const params = {
      pathFragment: q.pathFragment.toLowerCase(),
      imageName: image.split(/[\\/]/).pop(),
      imagePath: /[\\/]/.test(image) ? image : null,
      withinMs: neo4j.int(q.withinMs),
      since: neo4j.int(q.since),
      until: neo4j.int(q.until),
      hostId: q.hostId ?? null,
      writerChildrenOnly: q.writerChildrenOnly,
      maxWrites: neo4j.int(MAX_PATTERN_WRITES),
      limit: neo4j.int(q.first),
    };
    const { records } = await this.driver.executeQuery(cypher('investigation/spawned-after-write'), params, { database: this.database, routing: 'READ' });
    return records.map((r) => r.toObject() as unknown as SpawnAfterWrite);
  }
}

function newestFirst(a: HostEvent, b: HostEvent): number {
  if (a.ts !== b.ts) return b.ts - a.ts;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
