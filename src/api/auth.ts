import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../log.js';
import { BOOTSTRAP_NAME, type ApiKeysService, type VerifiedKey } from '../services/apiKeysService.js';

/** How long a verified (or refused) token is trusted without asking Neo4j: the revocation delay. */
export const DEFAULT_KEY_CACHE_MS = 30_000;
/** Bounds the cache's memory when clients send many different tokens. */
const MAX_CACHED = 10_000;

export interface AuthenticatorOptions {
  /** PROVHUNT_API_KEY or the generated secrets/api-key: always an admin key named bootstrap. */
  bootstrapKey: string;
  keys: ApiKeysService;
  cacheMs?: number;
  log: Logger;
}

/**
 * Turns a request's Bearer token (or X-API-Key) into the key it stands for. The bootstrap key is
 * compared in memory; stored keys are verified against Neo4j and the answer cached per token
 * digest for cacheMs, so a revoked key stops working within that time in every API process.
 */
export class Authenticator {
  private readonly bootstrapDigest: Buffer;
  private readonly cache = new Map<string, { key: VerifiedKey | undefined; until: number }>();
  private readonly cacheMs: number;

  constructor(private readonly opts: AuthenticatorOptions) {
    this.bootstrapDigest = digest(opts.bootstrapKey);
    this.cacheMs = opts.cacheMs ?? DEFAULT_KEY_CACHE_MS;
  }

  /** undefined: no or no valid key. Throws when Neo4j cannot be asked. */
  async authenticate(req: IncomingMessage): Promise<VerifiedKey | undefined> {
    const token = bearerToken(req);
    if (!token) return undefined;
    const tokenDigest = digest(token);
    // Digests have equal length, so the comparison leaks neither the key nor its length.
    if (crypto.timingSafeEqual(tokenDigest, this.bootstrapDigest)) return { keyId: BOOTSTRAP_NAME, name: BOOTSTRAP_NAME, role: 'admin' };
    const cacheKey = tokenDigest.toString('hex');
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.key;
    const key = await this.opts.keys.verify(token);
    this.remember(cacheKey, key);
    if (key) this.opts.keys.touch(key.keyId).catch((err: Error) => this.opts.log.warn({ err: err.message, key: key.name }, 'could not record API key use'));
    return key;
  }

  /** Drops what the cache holds for a key (it was revoked): its next request is verified again. */
  forget(keyId: string): void {
    for (const [cacheKey, entry] of this.cache) if (entry.key?.keyId === keyId) this.cache.delete(cacheKey);
  }

  private remember(cacheKey: string, key: VerifiedKey | undefined): void {
    if (this.cacheMs <= 0) return;
    this.cache.delete(cacheKey);
    // Map keeps insertion order: the first entry is the oldest.
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(cacheKey, { key, until: Date.now() + this.cacheMs });
  }
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const apiKey = req.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() || undefined : undefined;
}

const digest = (text: string) => crypto.createHash('sha256').update(text).digest();
