import { GraphQLError } from 'graphql';
import type { Severity } from '../../analytics/findings.js';
import type { FindingFilter, FindingStatus, StoredFinding } from '../../services/findingsService.js';
import type { ApiContext } from '../context.js';
import { checkPageSize, connectionOf, cursorOf } from './cursors.js';

export const MAX_PAGE = 500;

interface FindingsArgs {
  filter?: { analytic?: string; host?: string; severity?: string; status?: string } | null;
  first: number;
  after?: string | null;
}

const offsetCursor = cursorOf('offset');

function decodeOffset(cursor: string): number {
  const offset = offsetCursor.decode(cursor);
  if (!/^\d+$/.test(offset)) throw new GraphQLError(`after: '${cursor}' is not a cursor returned by this API`);
  return Number(offset) + 1;
}

/**
 * A page of findings; its totalCount is counted only when selected (FindingConnection.totalCount):
 * the findings query's by its filter, another list's (a binary's findings) by its own `count`.
 */
interface FindingConnection {
  filter?: FindingFilter;
  count?: () => Promise<number>;
  edges: Array<{ cursor: string; node: StoredFinding }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const findingsQuery = {
  async findings(_: unknown, args: FindingsArgs, ctx: ApiContext): Promise<FindingConnection> {
    checkPageSize(args.first, MAX_PAGE);
    const offset = args.after ? decodeOffset(args.after) : 0;
    const given = args.filter ?? {};
    const filter: FindingFilter = { analytic: given.analytic?.toUpperCase(), hostName: given.host, severity: given.severity?.toLowerCase() as Severity | undefined, status: given.status?.toLowerCase() as FindingStatus | undefined };
    const page = await ctx.findings.list(filter, args.first, offset);
    return { filter, ...connectionOf(page.items, (_, i) => offsetCursor.encode(offset + i), page.hasNextPage) };
  },
};

export const findingConnectionFields = {
  totalCount: (c: FindingConnection, _: unknown, ctx: ApiContext) => (c.count ? c.count() : ctx.findings.count(c.filter ?? {})),
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
