import { GraphQLError } from 'graphql';
import { analyticById, loadCatalog, type Analytic } from '../../analytics/catalog.js';
import { resolvedTunables } from '../../analytics/evaluate.js';
import { TuningService } from '../../services/tuningService.js';
import type { ApiContext } from '../context.js';
import { showingInputErrors } from '../inputErrors.js';

interface TunableView {
  analytic: string;
  name: string;
  type: string;
  description: string;
  defaultJson: string;
  valueJson: string;
  source: string;
}

function tunablesOf(analytic: Analytic): TunableView[] {
  const resolved = resolvedTunables(analytic);
  return Object.entries(analytic.tunables).map(([name, t]) => ({
    analytic: analytic.id,
    name,
    type: t.type,
    description: t.description,
    defaultJson: JSON.stringify(t.default),
    valueJson: JSON.stringify(resolved[name]!.value),
    source: resolved[name]!.source,
  }));
}

export const analyticsQuery = {
  async analytics(_: unknown, __: unknown, ctx: ApiContext) {
    await new TuningService(ctx.driver, ctx.database).refresh(true);
    return loadCatalog().map((a) => ({ ...a, tunables: tunablesOf(a) }));
  },
};

export const tunableFields = {
  history: (t: TunableView, _: unknown, ctx: ApiContext) => new TuningService(ctx.driver, ctx.database).history(t.analytic, t.name),
};

async function change(ctx: ApiContext, args: { analytic: string; name: string; note?: string | null }, value: unknown): Promise<TunableView> {
  await showingInputErrors(() => new TuningService(ctx.driver, ctx.database).set(args.analytic, args.name, value, ctx.actor, args.note ?? undefined));
  return tunablesOf(analyticById(args.analytic)).find((t) => t.name === args.name)!;
}

export const tuningMutation = {
  setTunable(_: unknown, args: { analytic: string; name: string; valueJson: string; note?: string | null }, ctx: ApiContext) {
    let value: unknown;
    try {
      value = JSON.parse(args.valueJson);
    } catch {
      throw new GraphQLError(`valueJson must be JSON, e.g. "\\"2h\\"" or "[\\"updates.corp.example\\"]"`);
    }
    return change(ctx, args, value);
  },
  resetTunable: (_: unknown, args: { analytic: string; name: string; note?: string | null }, ctx: ApiContext) => change(ctx, args, null),
};
