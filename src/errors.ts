/**
 * A mistake in what a caller asked for (an unknown analytic or tunable, a value that does not
 * convert, a suppression scope the finding cannot support). The API shows these messages to the
 * client; every other error stays masked.
 */
export class InputError extends Error {
  override name = 'InputError';
}
