import { publishOnce } from './publishOnce.js';

/** The pub/sub topic announcing a revoked API key; its Redis channel is `<queue prefix>:apikeys:revoked`. */
export const KEY_REVOKED = 'apikeys:revoked';

export interface KeyRevocation {
  keyId: string;
  /** When it was revoked (epoch ms). */
  at: number;
}

/**
 * Tells every API process that a key was revoked: they end its open subscriptions and stop
 * trusting their cached verification of it at once, instead of within the 30 s cache period.
 * One short-lived connection (the CLI runs it once); throws when Redis cannot be reached.
 */
export async function announceKeyRevocation(redisUrl: string, prefix: string, revocation: KeyRevocation): Promise<void> {
  await publishOnce(redisUrl, prefix, KEY_REVOKED, revocation);
}
