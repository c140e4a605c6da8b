import { GraphQLError } from 'graphql';
import { hostKey } from '../../adapters/identity.js';
import { hunt } from '../../analytics/hunt.js';
import type { FindingStatus, StoredFinding } from '../../services/findingsService.js';
import type { ApiContext } from '../context.js';

interface HuntArgs {
  analytic: string;
  since?: number | null;
  until?: number | null;
  hosts?: string[] | null;
  set?: Array<{ name: string; valueJson: string }> | null;
  store: boolean;
}

export const triageQuery = {
  finding: (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.findings.get(args.id),

  async hunt(_: unknown, args: HuntArgs, ctx: ApiContext) {
    const analytics = args.analytic.toLowerCase() === 'all' ? 'all' : [args.analytic.toUpperCase()];
    const overrides = Object.fromEntries((args.set ?? []).map((s) => [s.name, parseJson(s.valueJson, `set ${s.name}`)]));
    const findings = await guard(() =>
      hunt(ctx.driver, { analytics, since: args.since ?? undefined, until: args.until ?? undefined, hostIds: args.hosts?.map(hostKey), overrides, store: args.store }, ctx.database),
    );
    return { analytics: analytics === 'all' ? ['all'] : analytics, stored: args.store, findings: findings.map((f) => ({ ...f, status: 'new' })) };
  },
};

export const triageMutation = {
  async setFindingStatus(_: unknown, args: { id: string; status: string; note?: string | null }, ctx: ApiContext) {
    const finding = await ctx.findings.setStatus(args.id, args.status.toLowerCase() as FindingStatus, ctx.actor, args.note ?? undefined);
    if (!finding) throw new GraphQLError(`no finding with id '${args.id}'`);
    return finding;
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

/** Unknown analytics and tunables are the client's mistake: say so instead of masking. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const message = (err as Error).message;
    if (/unknown analytic|has no tunable|must be|not a duration/.test(message)) throw new GraphQLError(message);
    throw err;
  }
}
