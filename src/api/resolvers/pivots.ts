import { GraphQLError } from 'graphql';
import { PivotService, type BinaryPivot, type ProcessRun } from '../../services/pivotService.js';
import type { ApiContext } from '../context.js';
import type { BinaryPivotFindingsArgs, BinaryPivotHostsArgs, RequireFields } from '../generated/graphql.js';
import { MAX_PAGE } from './findings.js';
import { checkPageSize, connectionOf, cursorOf, findingKeyCursor } from './cursors.js';

const MAX_RUNS = 200;
export const MAX_HOSTS_PAGE = 500;
const hostCursor = cursorOf('host');
const binaryFindingCursor = findingKeyCursor('binary-finding');
const pivots = (ctx: ApiContext) => new PivotService(ctx.driver, ctx.database, ctx.telemetry);

export const pivotQuery = {
  binary(_: unknown, args: { sha256: string }, ctx: ApiContext) {
    if (!/^[0-9a-fA-F]{64}$/.test(args.sha256)) throw new GraphQLError(`sha256 must be 64 hexadecimal characters, got '${args.sha256}'`);
    return pivots(ctx).binary(args.sha256);
  },
};

export const binaryPivotFields = {
  async hosts(b: BinaryPivot, args: RequireFields<BinaryPivotHostsArgs, 'first'>, ctx: ApiContext) {
    const page = await pivots(ctx).hosts(b.sha256, checkPageSize(args.first, MAX_HOSTS_PAGE), args.after ? hostCursor.decode(args.after) : undefined);
    return { ...connectionOf(page.hosts, (h) => hostCursor.encode(h.hostId), page.hasNextPage), totalCount: b.prevalence };
  },
  processes: (b: BinaryPivot, args: { first: number }, ctx: ApiContext) => pivots(ctx).processes(b.sha256, checkPageSize(args.first, MAX_RUNS)),
  async findings(b: BinaryPivot, args: RequireFields<BinaryPivotFindingsArgs, 'first'>, ctx: ApiContext) {
    const page = await pivots(ctx).findings(b.sha256, checkPageSize(args.first, MAX_PAGE), args.after ? binaryFindingCursor.decode(args.after) : undefined);
    const connection = connectionOf(page.items, (f) => binaryFindingCursor.encode(f), page.hasNextPage);
    return { ...connection, count: () => pivots(ctx).findingsCount(b.sha256) };
  },
};

export const processRunFields = {
  uid: (r: ProcessRun) => r.process.uid,
  hostId: (r: ProcessRun) => r.process.hostId,
  image: (r: ProcessRun) => r.process.image,
  commandLine: (r: ProcessRun) => r.process.commandLine,
  user: (r: ProcessRun) => r.process.user,
  started: (r: ProcessRun) => r.process.startTs,
  signer: (r: ProcessRun) => r.process.signer,
};

export const timeField = { time: (x: { ts: number | null }) => x.ts };
