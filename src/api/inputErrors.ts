import { GraphQLError } from 'graphql';
import { InputError } from '../errors.js';

/**
 * Runs a service call; a mistake in the caller's input becomes a GraphQL error the client sees,
 * anything else stays masked by yoga.
 */
export async function showingInputErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InputError) throw new GraphQLError(err.message);
    throw err;
  }
}
