import type { Severity } from '../../analytics/findings.js';
import { GraphQLError } from 'graphql';
import type { FindingFilter, FindingOrder, FindingOrderField, FindingStatus, StoredFinding } from '../../services/findingsService.js';
import type { ApiContext } from '../context.js';
import { checkPageSize, connectionOf, findingPositionCursor } from './cursors.js';

export const MAX_PAGE = 500;

interface FindingsArgs {
  filter?: { analytic?: string; host?: string; severity?: string; status?: string; since?: number; until?: number; text?: string } | null;
  orderBy?: { field: string; direction: string } | null;
  first: number;
  after?: string | null;
}

const findingCursor = findingPositionCursor('finding');
const MAX_TEXT = 200;
const orderFields: Record<string, FindingOrderField> = { LAST_SEEN: 'lastSeen', FIRST_SEEN: 'firstSeen', SCORE: 'score' };

/**
 * A page of findings; its totalCount is counted only when selected (FindingConnection.totalCount):
 * the findings query's by its filter, another list's (a binary's findings) by its own `count`.
 */
interface FindingConnection {
  filter?: FindingFilter;
  /** Counted by the read that made the page (findings/list-ordered). */
  total?: number;
  count?: () => Promise<number>;
  edges: Array<{ cursor: string; node: StoredFinding }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const findingsQuery = {
  async findings(_: unknown, args: FindingsArgs, ctx: ApiContext): Promise<FindingConnection> {
    checkPageSize(args.first, MAX_PAGE);
    const filter = findingFilterOf(args.filter ?? {});
    const order: FindingOrder = { field: orderFields[args.orderBy?.field ?? 'LAST_SEEN']!, descending: (args.orderBy?.direction ?? 'DESC') === 'DESC' };
    const orderName = `${args.orderBy?.field ?? 'LAST_SEEN'} ${args.orderBy?.direction ?? 'DESC'}`;
    const after = args.after ? findingCursor.decode(args.after, orderName) : undefined;
    const page = await ctx.findings.list(filter, args.first, after, order);
    return { filter, total: page.total, ...connectionOf(page.items, (f) => findingCursor.encode(orderName, f[order.field], f.id), page.hasNextPage) };
  },
};

/** The API's filter in the service's terms; a text or time range that cannot match is refused, naming the field. */
function findingFilterOf(given: NonNullable<FindingsArgs['filter']>): FindingFilter {
  const text = given.text?.trim();
  if (given.text !== undefined && given.text !== null && (!text || text.length > MAX_TEXT)) throw new GraphQLError(`filter.text must be 1-${MAX_TEXT} characters (not only spaces), got ${given.text.length}`);
  if (given.since != null && given.until != null && given.since > given.until) throw new GraphQLError('filter.since must not be after filter.until');
  return {
    analytic: given.analytic?.toUpperCase(),
    hostName: given.host,
    severity: given.severity?.toLowerCase() as Severity | undefined,
    status: given.status?.toLowerCase() as FindingStatus | undefined,
    since: given.since ?? undefined,
    until: given.until ?? undefined,
    text,
  };
}

export const findingConnectionFields = {
  totalCount: (c: FindingConnection, _: unknown, ctx: ApiContext) => c.total ?? (c.count ? c.count() : ctx.findings.count(c.filter ?? {})),
};

/** Field resolvers map the service's lower-case values onto the schema's enums. */
export const findingFields = {
  host: (f: StoredFinding) => f.hostName,
  severity: (f: StoredFinding) => f.severity.toUpperCase(),
  status: (f: StoredFinding) => f.status.toUpperCase(),
};

export const evidenceFields = {
  time: (e: { ts: number | null }) => e.ts,
};
