import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Epoch milliseconds inside, ISO 8601 strings on the wire. */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => new Date(value as number).toISOString(),
  parseValue: (value) => parseIso(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseIso(ast.value) : invalid(ast.kind)),
});

function parseIso(value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new GraphQLError(`DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}`);
  return ms;
}

function invalid(kind: string): never {
  throw new GraphQLError(`DateTime must be a string literal, got ${kind}`);
}
