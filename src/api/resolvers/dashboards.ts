import { GraphQLError } from 'graphql';
import { filter, pipe } from 'graphql-yoga';
import type { Severity } from '../../analytics/findings.js';
import { FINDING_CHANGED, type FindingChange } from '../../events/findingsBus.js';
import { RATE_KEEP_MINUTES } from '../../ingest/ingestStats.js';
import { bucketMs, type BinaryOrder, type TimeBucket, type TimeRange } from '../../services/dashboardService.js';
import type { ApiContext } from '../context.js';
import { checkPageSize } from './cursors.js';

const MAX_TOP = 100;
const MAX_BUCKETS = 1_000;
const severityRank: Severity[] = ['low', 'medium', 'high', 'critical'];

const checkFirst = (first: number) => checkPageSize(first, MAX_TOP);

const lower = <T extends string>(value: string) => value.toLowerCase() as T;
const upper = (value: string) => value.toUpperCase();

export const dashboardQuery = {
  dashboard(_: unknown, args: { since: number; until?: number | null }): TimeRange {
    const until = args.until ?? Date.now();
    if (until <= args.since) throw new GraphQLError(`until must be after since (${new Date(args.since).toISOString()})`);
    return { since: args.since, until };
  },
  ingestRate(_: unknown, args: { minutes: number }, ctx: ApiContext) {
    if (args.minutes < 1 || args.minutes > RATE_KEEP_MINUTES) throw new GraphQLError(`minutes must be between 1 and ${RATE_KEEP_MINUTES}, got ${args.minutes}`);
    return ctx.operations.ingestRate(args.minutes);
  },
  queueDepths: (_: unknown, __: unknown, ctx: ApiContext) => ctx.operations.queueDepths(),
};

export const dashboardFields = {
  findingsOverTime(range: TimeRange, args: { bucket: string }, ctx: ApiContext) {
    const bucket = lower<TimeBucket>(args.bucket);
    const buckets = Math.ceil((range.until - range.since) / bucketMs[bucket]);
    if (buckets > MAX_BUCKETS) throw new GraphQLError(`the range spans ${buckets} ${bucket}s; at most ${MAX_BUCKETS} buckets (use a larger bucket or a shorter range)`);
    return ctx.dashboards.findingsOverTime(range, bucket);
  },
  topHosts: (range: TimeRange, args: { first: number }, ctx: ApiContext) => ctx.dashboards.topHosts(range, checkFirst(args.first)),
  topBinaries: (range: TimeRange, args: { first: number; orderBy: string }, ctx: ApiContext) =>
    ctx.dashboards.topBinaries(range, checkFirst(args.first), lower<BinaryOrder>(args.orderBy)),
  topDestinations: (range: TimeRange, args: { first: number }, ctx: ApiContext) => ctx.dashboards.topDestinations(range, checkFirst(args.first)),
};

export const findingsBucketFields = { severity: (b: { severity: string }) => upper(b.severity) };

interface ChangeFilter {
  analytic?: string | null;
  minSeverity?: string | null;
}

/** Suppressed findings are kept and countable, not alerted on: they are not pushed either. */
function matches(args: ChangeFilter) {
  const analytic = args.analytic?.toUpperCase();
  const minRank = args.minSeverity ? severityRank.indexOf(lower<Severity>(args.minSeverity)) : 0;
  return (change: FindingChange) =>
    change.status !== 'suppressed' && (!analytic || change.analytic === analytic) && severityRank.indexOf(change.severity) >= minRank;
}

export const findingsSubscription = {
  findingChanged: {
    subscribe: (_: unknown, args: ChangeFilter, ctx: ApiContext) => pipe(ctx.findingChanges.subscribe(FINDING_CHANGED), filter(matches(args))),
    resolve: (change: FindingChange) => change,
  },
};

export const findingChangeFields = {
  kind: (c: FindingChange) => upper(c.kind),
  severity: (c: FindingChange) => upper(c.severity),
  finding: (c: FindingChange, _: unknown, ctx: ApiContext) => ctx.findings.get(c.id),
};
