import { EntityPivotService, type PathPivot } from '../../services/entityPivotService.js';
import type { ApiContext } from '../context.js';
import { showingInputErrors } from '../inputErrors.js';

const pivots = (ctx: ApiContext) => new EntityPivotService(ctx.driver, ctx.database);
type Limited = { first: number };

export const entityPivotQuery = {
  pathPivot: (_: unknown, args: Limited & { path: string }, ctx: ApiContext) => showingInputErrors(() => pivots(ctx).path(args.path, args.first)),
  fileName: (_: unknown, args: Limited & { name: string }, ctx: ApiContext) => showingInputErrors(() => pivots(ctx).fileName(args.name, args.first)),
  signer: (_: unknown, args: Limited & { name: string }, ctx: ApiContext) => showingInputErrors(() => pivots(ctx).signer(args.name, args.first)),
  domain: (_: unknown, args: Limited & { name: string }, ctx: ApiContext) => showingInputErrors(() => pivots(ctx).domain(args.name, args.first)),
  ip: (_: unknown, args: Limited & { address: string }, ctx: ApiContext) => showingInputErrors(() => pivots(ctx).ip(args.address, args.first)),
};

export const pathPivotFields = {
  processes: (p: PathPivot, args: Limited, ctx: ApiContext) => showingInputErrors(() => pivots(ctx).pathProcesses(p.path, args.first)),
};
