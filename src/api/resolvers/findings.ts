import { GraphQLError } from 'graphql';
import type { Severity } from '../../analytics/findings.js';
import type { FindingStatus, StoredFinding } from '../../services/findingsService.js';
import type { ApiContext } from '../context.js';

export const MAX_PAGE = 500;

interface FindingsArgs {
  filter?: { analytic?: string; host?: string; severity?: string; status?: string } | null;
  first: number;
  after?: string | null;
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new GraphQLError(`after: '${cursor}' is not a cursor returned by this API`);
  return Number(match[1]) + 1;
}

export const findingsQuery = {
  async findings(_: unknown, args: FindingsArgs, ctx: ApiContext) {
    if (args.first < 1 || args.first > MAX_PAGE) throw new GraphQLError(`first must be between 1 and ${MAX_PAGE}, got ${args.first}`);
    const offset = args.after ? decodeCursor(args.after) : 0;
    const filter = args.filter ?? {};
    const page = await ctx.findings.list(
      { analytic: filter.analytic?.toUpperCase(), hostName: filter.host, severity: filter.severity?.toLowerCase() as Severity | undefined, status: filter.status?.toLowerCase() as FindingStatus | undefined },
      args.first,
      offset,
    );
    const edges = page.items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
    return { edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  },
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
