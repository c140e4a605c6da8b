import { GraphQLError } from 'graphql';
import { PivotService, type BinaryPivot, type ProcessRun } from '../../services/pivotService.js';
import type { ApiContext } from '../context.js';

const MAX_RUNS = 200;
const pivots = (ctx: ApiContext) => new PivotService(ctx.driver, ctx.database);

export const pivotQuery = {
  binary(_: unknown, args: { sha256: string }, ctx: ApiContext) {
    if (!/^[0-9a-fA-F]{64}$/.test(args.sha256)) throw new GraphQLError(`sha256 must be 64 hexadecimal characters, got '${args.sha256}'`);
    return pivots(ctx).binary(args.sha256);
  },
};

export const binaryPivotFields = {
  processes(b: BinaryPivot, args: { first: number }, ctx: ApiContext) {
    if (args.first < 1 || args.first > MAX_RUNS) throw new GraphQLError(`first must be between 1 and ${MAX_RUNS}, got ${args.first}`);
    return pivots(ctx).processes(b.sha256, args.first);
  },
  findings: (b: BinaryPivot, _: unknown, ctx: ApiContext) => pivots(ctx).findings(b.sha256),
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
