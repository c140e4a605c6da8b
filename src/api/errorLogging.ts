import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiContext } from './context.js';

/**
 * Logs a request's GraphQL errors with its logger (so with its requestId), before yoga masks
 * unexpected ones: the client sees "Unexpected error.", the log keeps the cause. Errors of the
 * caller's making (bad input, validation) are debug; a refused role is a warning.
 */
export function graphqlErrorLogging(): Plugin<ApiContext> {
  return {
    onValidate: ({ context }) => ({ result }) => {
      if (result.length > 0) context.log.debug({ errors: result.map((e) => e.message) }, 'graphql validation failed');
    },
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result }) => {
        if (!isResult(result)) return;
        for (const error of result.errors ?? []) logError(args.contextValue as ApiContext, error, args.operationName);
      },
    }),
  };
}

function logError(ctx: ApiContext, error: GraphQLError, operationName?: string | null): void {
  const where = { path: error.path?.join('.'), operation: operationName ?? undefined };
  const cause = error.originalError;
  if (cause && !(cause instanceof GraphQLError)) ctx.log.error({ ...where, err: cause.message }, 'graphql resolver failed');
  else if (error.extensions.code === 'FORBIDDEN') ctx.log.warn({ ...where, err: error.message }, 'graphql operation refused');
  else ctx.log.debug({ ...where, err: error.message }, 'graphql error');
}

const isResult = (result: unknown): result is ExecutionResult => typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
