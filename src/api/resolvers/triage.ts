import { GraphQLError } from 'graphql';
import { hostKey } from '../../adapters/identity.js';
import { hunt } from '../../analytics/hunt.js';
import { findingStatuses, type FindingStatus, type StoredFinding } from '../../services/findingsService.js';
import { SuppressionsService } from '../../services/suppressionsService.js';
import type { ApiContext } from '../context.js';
import type { MutationRemoveSuppressionArgs, MutationSetFindingStatusArgs, MutationSuppressFromFindingArgs, QueryFindingArgs, QueryHuntArgs } from '../generated/graphql.js';
import { showingInputErrors } from '../inputErrors.js';


export const triageQuery = {
  suppressions: (_: unknown, __: unknown, ctx: ApiContext) => new SuppressionsService(ctx.driver, ctx.database).list(),

  finding: (_: unknown, args: QueryFindingArgs, ctx: ApiContext) => ctx.findings.get(args.id),

  async hunt(_: unknown, args: QueryHuntArgs, ctx: ApiContext) {
    const analytics = args.analytic.toLowerCase() === 'all' ? 'all' : [args.analytic.toUpperCase()];
    const overrides = Object.fromEntries((args.set ?? []).map((s) => [s.name, parseJson(s.valueJson, `set ${s.name}`)]));
    const findings = await showingInputErrors(() =>
      hunt(ctx.driver, { analytics, since: args.since ?? undefined, until: args.until ?? undefined, hostIds: args.hosts?.map(hostKey), overrides, store: args.store ?? false }, ctx.database),
    );
    return { analytics: analytics === 'all' ? ['all'] : analytics, stored: args.store ?? false, findings: findings.map((f) => ({ ...f, status: 'new' })) };
  },
};

export const triageMutation = {
  async setFindingStatus(_: unknown, args: MutationSetFindingStatusArgs, ctx: ApiContext) {
    const status = args.status.toLowerCase() as FindingStatus;
    if (!findingStatuses.includes(status)) throw new GraphQLError(`status must be one of ${findingStatuses.join(', ').toUpperCase()}`);
    const finding = await ctx.findings.setStatus(args.id, status, ctx.actor, args.note ?? undefined);
    if (!finding) throw new GraphQLError(`no finding with id '${args.id}'`);
    return finding;
  },

  async suppressFromFinding(_: unknown, args: MutationSuppressFromFindingArgs, ctx: ApiContext) {
    const finding = await ctx.findings.get(args.id);
    if (!finding) throw new GraphQLError(`no finding with id '${args.id}'`);
    const scope = { installer: args.installer ?? false, signer: args.signer ?? false, destination: args.destination ?? undefined, host: args.host ?? false };
    return showingInputErrors(() => new SuppressionsService(ctx.driver, ctx.database).createFromFinding(finding, scope, ctx.actor, args.note ?? undefined));
  },

  async removeSuppression(_: unknown, args: MutationRemoveSuppressionArgs, ctx: ApiContext) {
    const result = await new SuppressionsService(ctx.driver, ctx.database).remove(args.id, ctx.actor);
    if (!result.removed) throw new GraphQLError(`no suppression with id '${args.id}'`);
    return result.reopened;
  },
};

export const findingHistory = {
  history: (f: StoredFinding, _: unknown, ctx: ApiContext) => ctx.loaders.findingHistory.load(f.id),
};

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphQLError(`${what}: valueJson must be JSON, e.g. "\\"14d\\"" or "[\\"a.com\\"]"`);
  }
}
