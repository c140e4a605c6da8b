import { GraphQLError } from 'graphql';
import { hostKey } from '../../adapters/identity.js';
import { hunt } from '../../analytics/hunt.js';
import { findingStatuses, type FindingStatus, type StoredFinding } from '../../services/findingsService.js';
import { SuppressionsService } from '../../services/suppressionsService.js';
import type { ApiContext } from '../context.js';
import { showingInputErrors } from '../inputErrors.js';

interface HuntArgs {
  analytic: string;
  since?: number | null;
  until?: number | null;
  hosts?: string[] | null;
  set?: Array<{ name: string; valueJson: string }> | null;
  store: boolean;
}

export const triageQuery = {
  suppressions: (_: unknown, __: unknown, ctx: ApiContext) => new SuppressionsService(ctx.driver, ctx.database).list(),

  finding: (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.findings.get(args.id),

  async hunt(_: unknown, args: HuntArgs, ctx: ApiContext) {
    const analytics = args.analytic.toLowerCase() === 'all' ? 'all' : [args.analytic.toUpperCase()];
    const overrides = Object.fromEntries((args.set ?? []).map((s) => [s.name, parseJson(s.valueJson, `set ${s.name}`)]));
    const findings = await showingInputErrors(() =>
      hunt(ctx.driver, { analytics, since: args.since ?? undefined, until: args.until ?? undefined, hostIds: args.hosts?.map(hostKey), overrides, store: args.store }, ctx.database),
    );
    return { analytics: analytics === 'all' ? ['all'] : analytics, stored: args.store, findings: findings.map((f) => ({ ...f, status: 'new' })) };
  },
};

export const triageMutation = {
  async setFindingStatus(_: unknown, args: { id: string; status: string; note?: string | null }, ctx: ApiContext) {
    const status = args.status.toLowerCase() as FindingStatus;
    if (!findingStatuses.includes(status)) throw new GraphQLError(`status must be one of ${findingStatuses.join(', ').toUpperCase()}`);
    const finding = await ctx.findings.setStatus(args.id, status, ctx.actor, args.note ?? undefined);
    if (!finding) throw new GraphQLError(`no finding with id '${args.id}'`);
    return finding;
  },

  async suppressFromFinding(_: unknown, args: { id: string; installer: boolean; signer: boolean; destination?: string | null; host: boolean; note?: string | null }, ctx: ApiContext) {
    const finding = await ctx.findings.get(args.id);
    if (!finding) throw new GraphQLError(`no finding with id '${args.id}'`);
    const scope = { installer: args.installer, signer: args.signer, destination: args.destination ?? undefined, host: args.host };
    return showingInputErrors(() => new SuppressionsService(ctx.driver, ctx.database).createFromFinding(finding, scope, ctx.actor, args.note ?? undefined));
  },

  async removeSuppression(_: unknown, args: { id: string }, ctx: ApiContext) {
    const result = await new SuppressionsService(ctx.driver, ctx.database).remove(args.id, ctx.actor);
    if (!result.removed) throw new GraphQLError(`no suppression with id '${args.id}'`);
    return result.reopened;
  },
};

export const findingHistory = {
  history: (f: StoredFinding, _: unknown, ctx: ApiContext) => ctx.findings.history(f.id),
};

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphQLError(`${what}: valueJson must be JSON, e.g. "\\"14d\\"" or "[\\"a.com\\"]"`);
  }
}
