import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, visit, type ASTVisitor, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_PAGE } from './resolvers/findings.js';
import { MAX_HOSTS_PAGE } from './resolvers/pivots.js';

/**
 * Armor's validation rules throw by default, which aborts validation with a "Syntax Error: ..."
 * message. Reported instead, the limit is listed like any other validation error (all at once,
 * with code GRAPHQL_VALIDATION_FAILED) and says exactly which limit and by how much.
 */
const report = (ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
const reported = { propagateOnRejection: false, onReject: [report] };

/**
 * Limits sized on this schema, which has no cycles: the deepest real selection is 5 levels
 * (findings.edges.node.evidence.stage), and the largest page of findings with every field,
 * evidence and history costs about 69,000 by armor's formula (a literal `first` multiplies).
 * The introspection query GraphiQL sends is under 200 tokens.
 */
export const armorConfig = {
  maxDepth: { n: 7, ...reported },
  costLimit: { maxCost: 100_000, ...reported },
  maxAliases: { n: 10, ...reported },
  maxDirectives: { n: 20, ...reported },
  // Counted while parsing, before there is a validation context, so this one throws.
  maxTokens: { n: 1_000 },
  // Every key holder may introspect the schema, so "Did you mean ...?" hides nothing; it helps.
  blockFieldSuggestion: { enabled: false },
};

/** Largest `first` by field name, as the resolvers enforce it. */
const pageLimits: Record<string, number> = { findings: MAX_PAGE, hosts: MAX_HOSTS_PAGE };

/**
 * A literal page size out of range is reported before armor's cost rule, whose message would
 * otherwise hide the simple fix (first: 100000 costs 350,000). Variables are checked by the resolver.
 */
export function pageSizeRule(context: ValidationContext): ASTVisitor {
  return {
    Document(document) {
      visit(document, {
        Field(field) {
          const max = pageLimits[field.name.value];
          const arg = field.arguments?.find((a) => a.name.value === 'first');
          if (max === undefined || arg?.value.kind !== Kind.INT) return;
          const first = Number(arg.value.value);
          if (first < 1 || first > max) context.reportError(new GraphQLError(`first must be between 1 and ${max}, got ${first}`, { nodes: arg }));
        },
      });
    },
  };
}

export function protectionPlugins(): Plugin[] {
  return [{ onValidate: ({ addValidationRule }) => addValidationRule(pageSizeRule) }, EnvelopArmorPlugin(armorConfig) as Plugin];
}
