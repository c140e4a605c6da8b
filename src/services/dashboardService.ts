import neo4j, { type Driver } from 'neo4j-driver';
import type { Severity } from '../analytics/findings.js';
import { cypher } from '../graph/cypher.js';

/** Findings are placed in time by when their activity began (firstSeen), epoch ms, until exclusive. */
export interface TimeRange {
  since: number;
  until: number;
}

export type TimeBucket = 'hour' | 'day';
export const bucketMs: Record<TimeBucket, number> = { hour: 3_600_000, day: 86_400_000 };

export interface FindingsBucket {
  start: number;
  analytic: string;
  severity: Severity;
  count: number;
}

export interface HostFindings {
  hostId: string;
  host: string;
  findings: number;
  critical: number;
  maxScore: number;
  lastSeen: number;
}

export interface BinaryFindings {
  sha256: string;
  findings: number;
  prevalence: number;
  runCount: number;
  names: string[];
}

export interface DestinationFindings {
  destination: string;
  findings: number;
  hosts: number;
  analytics: string[];
  lastSeen: number;
}

export type BinaryOrder = 'findings' | 'prevalence';

/** Owns the dashboards' aggregates over findings (cypher/dashboards); suppressed findings are never counted. */
export class DashboardService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  async findingsOverTime(range: TimeRange, bucket: TimeBucket): Promise<FindingsBucket[]> {
    return this.read<FindingsBucket>('dashboards/findings-over-time', { ...rangeParams(range), bucketMs: neo4j.int(bucketMs[bucket]) });
  }

  async topHosts(range: TimeRange, limit: number): Promise<HostFindings[]> {
    return this.read<HostFindings>('dashboards/top-hosts', { ...rangeParams(range), limit: neo4j.int(limit) });
  }

  async topDestinations(range: TimeRange, limit: number): Promise<DestinationFindings[]> {
    return this.read<DestinationFindings>('dashboards/top-destinations', { ...rangeParams(range), limit: neo4j.int(limit) });
  }

  /**
   * Binaries implicated in the range's findings (the images of evidence processes, the content of
   * evidence files), by how many findings name them or by how many hosts have them (prevalence:
   * the blast radius). By prevalence, every implicated binary is measured before the cut.
   */
  async topBinaries(range: TimeRange, limit: number, orderBy: BinaryOrder): Promise<BinaryFindings[]> {
    const implicated = await this.read<{ sha256: string; findings: number }>('dashboards/implicated-binaries', rangeParams(range));
    const measured = orderBy === 'findings' ? implicated.slice(0, limit) : implicated;
    const spread = new Map(
      (await this.read<Omit<BinaryFindings, 'findings'>>('dashboards/binary-prevalence', { sha256s: measured.map((b) => b.sha256) })).map((p) => [p.sha256, p]),
    );
    const rows = measured.map((b) => ({ ...b, prevalence: 0, runCount: 0, names: [], ...spread.get(b.sha256) }));
    if (orderBy === 'prevalence') rows.sort((a, b) => b.prevalence - a.prevalence || b.findings - a.findings || a.sha256.localeCompare(b.sha256));
    return rows.slice(0, limit);
  }

  private async read<T>(name: string, params: Record<string, unknown>): Promise<T[]> {
    const { records } = await this.driver.executeQuery(cypher(name), params, { database: this.database, routing: 'READ' });
    return records.map((r) => r.toObject() as T);
  }
}

const rangeParams = (range: TimeRange) => ({ since: neo4j.int(range.since), until: neo4j.int(range.until) });
