import type { Severity } from '../../analytics/findings.js';
import type { FindingFilter, FindingStatus, StoredFinding } from '../../services/findingsService.js';
import type { ApiContext } from '../context.js';
import { checkPageSize, connectionOf, findingKeyCursor } from './cursors.js';

export const MAX_PAGE = 500;

interface FindingsArgs {
  filter?: { analytic?: string; host?: string; severity?: string; status?: string } | null;
  first: number;
  after?: string | null;
}

const findingCursor = findingKeyCursor('finding');

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
    const after = args.after ? findingCursor.decode(args.after) : undefined;
    const given = args.filter ?? {};
    const filter: FindingFilter = { analytic: given.analytic?.toUpperCase(), hostName: given.host, severity: given.severity?.toLowerCase() as Severity | undefined, status: given.status?.toLowerCase() as FindingStatus | undefined };
    const page = await ctx.findings.list(filter, args.first, after);
    return { filter, ...connectionOf(page.items, (f) => findingCursor.encode(f), page.hasNextPage) };
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
