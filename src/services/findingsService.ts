import neo4j, { type Driver } from 'neo4j-driver';
import type { EvidenceStep, Finding, Severity } from '../analytics/findings.js';
import { announceFindingChanges, type FindingChange } from '../events/findingsBus.js';
import { cypher } from '../graph/cypher.js';
import { SuppressionsService } from './suppressionsService.js';

export type FindingStatus = 'new' | 'acknowledged' | 'false_positive' | 'resolved' | 'suppressed';

export interface StoredFinding extends Omit<Finding, 'evidence'> {
  status: FindingStatus;
  evidence: EvidenceStep[];
}

/** What an analyst may set; `suppressed` is set only by a matching suppression. */
export const findingStatuses: FindingStatus[] = ['new', 'acknowledged', 'false_positive', 'resolved'];

/** One audited action on a finding. */
export interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface FindingFilter {
  analytic?: string;
  /** A host name in any case, or its first label (cypher/findings/host-names). */
  hostName?: string;
  /** Exactly this host (its id): a host's own view, never a namesake's findings. */
  hostId?: string;
  severity?: Severity;
  /** Default: every status but suppressed. */
  status?: FindingStatus;
  /** Active at or after (epoch ms): last seen at or after it. */
  since?: number;
  /** Active at or before (epoch ms): first seen at or before it. */
  until?: number;
  /** Case-insensitive substring of the finding's text and its evidence's (cypher/findings/upsert's searchText). */
  text?: string;
}

export type FindingOrderField = 'lastSeen' | 'firstSeen' | 'score';

export interface FindingOrder {
  field: FindingOrderField;
  descending: boolean;
}

/** The default view: newest activity first, the order the lastSeen index is read in. */
export const NEWEST_FIRST: FindingOrder = { field: 'lastSeen', descending: true };

/** Where a page in some order stopped: the last finding's value of the order's field, and its id (ties go by id). */
export interface FindingPosition {
  value: number;
  id: string;
}

export interface FindingPage {
  items: StoredFinding[];
  hasNextPage: boolean;
  /** How many findings match on every page, when the read that made the page counted them anyway. */
  total?: number;
}

/** Where a page of findings stopped: the last finding's lastSeen and id (they order the pages). */
export interface FindingKey {
  lastSeen: number;
  id: string;
}

/** Every severity a finding can have (src/analytics/findings.ts), for counts that seek an index by each. */
const severities: Severity[] = ['low', 'medium', 'high', 'critical'];

/** Owns the findings' Cypher: upsert from analytics, reads for the API and CLI. */
export class FindingsService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  /**
   * Idempotent: the same finding id merges; score and severity only rise, evidence is replaced by the latest.
   * Returns the findings it created or changed, which it also announces (src/events/findingsBus.ts).
   */
  async upsert(findings: Finding[]): Promise<FindingChange[]> {
    if (findings.length === 0) return [];
    const annotated = await new SuppressionsService(this.driver, this.database).annotate(findings);
    const rows = annotated.map((f) => ({
      ...f,
      firstSeen: neo4j.int(f.firstSeen),
      lastSeen: neo4j.int(f.lastSeen),
      evidenceJson: JSON.stringify(f.evidence),
      processUids: keysOf(f, 'Process'),
      fileUids: keysOf(f, 'File'),
      ipAddresses: keysOf(f, 'IP'),
      installer: f.facts.installer,
      signer: f.facts.signer,
      destinations: f.facts.destinations,
      facts: undefined,
      evidence: undefined,
    }));
    const { records } = await this.driver.executeQuery(cypher('findings/upsert'), { batch: { rows } }, { database: this.database });
    const at = Date.now();
    const changes = records
      .filter((r) => r.get('change') !== null)
      .map((r): FindingChange => ({ id: r.get('id'), kind: r.get('change'), analytic: r.get('analytic'), severity: r.get('severity'), status: r.get('status'), at }));
    announceFindingChanges(changes);
    return changes;
  }

  /**
   * Up to `first` findings in `order`, after the finding at `after` (none: from the start). The
   * default order without a text seeks the lastSeen index (findings/list); any other order or a
   * text reads the matching findings and sorts them (findings/list-ordered).
   */
  async list(filter: FindingFilter, first: number, after?: FindingPosition, order: FindingOrder = NEWEST_FIRST): Promise<FindingPage> {
    const indexOrdered = order.field === NEWEST_FIRST.field && order.descending && !filter.text;
    const params = {
      ...filterParams(filter, await this.hostNames(filter)),
      field: order.field,
      descending: order.descending,
      after: after ? { value: neo4j.int(after.value), id: after.id } : null,
      limit: neo4j.int(first + 1),
    };
    if (!indexOrdered) {
      const { records } = await this.driver.executeQuery(cypher('findings/list-ordered'), params, { database: this.database, routing: 'READ' });
      const items = (records[0]!.get('findings') as Array<Record<string, unknown>>).map(findingFromRecord);
      return { items: items.slice(0, first), hasNextPage: items.length > first, total: records[0]!.get('total') as number };
    }
    const page = await this.driver.executeQuery(cypher('findings/list'), params, { database: this.database, routing: 'READ' });
    const items = page.records.map((r) => findingFromRecord(r.get('finding') as Record<string, unknown>));
    return { items: items.slice(0, first), hasNextPage: items.length > first };
  }

  /**
   * How many findings match, as `list` filters them, without reading them: the default view from
   * the count store, a host's from its findings, the rest from the (status, severity, analytic)
   * index; with a text or a time range, from the findings that match.
   */
  async count(filter: FindingFilter): Promise<number> {
    const params = {
      ...filterParams(filter, await this.hostNames(filter)),
      // By default every status but suppressed: the ones an analyst may set.
      statuses: filter.status ? [filter.status] : findingStatuses,
      severities: filter.severity ? [filter.severity] : severities,
    };
    const query = countQuery(filter);
    const { records } = await this.driver.executeQuery(cypher(query), params, { database: this.database, routing: 'READ' });
    return records[0]!.get('total') as number;
  }

  /** The host filter as the names findings are stored under (any case, or the first label), null: no filter. */
  private async hostNames(filter: FindingFilter): Promise<string[] | null> {
    if (!filter.hostName) return null;
    const { records } = await this.driver.executeQuery(cypher('findings/host-names'), { lower: filter.hostName.toLowerCase() }, { database: this.database, routing: 'READ' });
    return [...new Set([filter.hostName, ...((records[0]?.get('names') as string[]) ?? [])])];
  }

  async get(id: string): Promise<StoredFinding | undefined> {
    const { records } = await this.driver.executeQuery(cypher('findings/get'), { id }, { database: this.database, routing: 'READ' });
    return records[0] ? findingFromRecord(records[0].get('finding') as Record<string, unknown>) : undefined;
  }

  /** Sets a finding's status and records who did it and why; undefined when no such finding. */
  async setStatus(id: string, status: FindingStatus, actor: string, note?: string): Promise<StoredFinding | undefined> {
    if (!findingStatuses.includes(status)) throw new Error(`status must be one of ${findingStatuses.join(', ')}, got '${status}'`);
    const { records } = await this.driver.executeQuery(cypher('findings/set-status'), { id, status, actor, note: note ?? null }, { database: this.database });
    return records[0] ? findingFromRecord(records[0].get('finding') as Record<string, unknown>) : undefined;
  }

  async history(id: string): Promise<AuditEntry[]> {
    return (await this.historyOfMany([id]))[0]!;
  }

  /** The audit trails of several findings in one query, in the order of `ids` (empty for none). */
  async historyOfMany(ids: readonly string[]): Promise<AuditEntry[][]> {
    const { records } = await this.driver.executeQuery(cypher('findings/history-of-many'), { ids: [...ids] }, { database: this.database, routing: 'READ' });
    const byId = new Map(records.map((r) => [r.get('id') as string, r.get('entries') as AuditEntry[]]));
    return ids.map((id) => byId.get(id) ?? []);
  }
}

function keysOf(finding: Finding, kind: string): string[] {
  return [...new Set(finding.evidence.filter((e) => e.kind === kind).map((e) => e.key))];
}

/** A Finding node's properties as the service returns them. */
export function findingFromRecord(f: Record<string, unknown>): StoredFinding {
  return {
    id: f.id as string,
    analytic: f.analytic as string,
    hostId: f.hostId as string,
    hostName: f.hostName as string,
    severity: f.severity as Severity,
    score: f.score as number,
    status: f.status as FindingStatus,
    reasons: f.reasons as string[],
    signals: f.signals as string[],
    firstSeen: f.firstSeen as number,
    lastSeen: f.lastSeen as number,
    evidence: JSON.parse(f.evidenceJson as string) as EvidenceStep[],
    facts: { installer: (f.installer as string) ?? null, signer: (f.signer as string) ?? null, destinations: (f.destinations as string[]) ?? [] },
  };
}

/** The filter as the findings/ statements' parameters (null: not filtered). */
function filterParams(filter: FindingFilter, hostNames: string[] | null) {
  return {
    analytic: filter.analytic ?? null,
    hostNames,
    hostId: filter.hostId ?? null,
    severity: filter.severity ?? null,
    status: filter.status ?? null,
    since: filter.since === undefined ? null : neo4j.int(filter.since),
    until: filter.until === undefined ? null : neo4j.int(filter.until),
    // searchText is lower-cased; '' matches every finding.
    text: filter.text?.toLowerCase() ?? '',
  };
}

function countQuery(filter: FindingFilter): string {
  if (filter.text || filter.since !== undefined || filter.until !== undefined || filter.hostId) return 'findings/count-matching';
  if (filter.hostName) return 'findings/count-on-host';
  if (filter.analytic) return 'findings/count-of-analytic';
  return filter.status || filter.severity ? 'findings/count-by-status-severity' : 'findings/count-unfiltered';
}
