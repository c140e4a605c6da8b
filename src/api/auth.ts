import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Bootstrap API-key check: one key from PROVHUNT_API_KEY or generated once into PROVHUNT_HOME.
 * Compared in constant time on SHA-256 digests so key length does not leak.
 */
export function apiKeyChecker(expectedKey: string): (req: IncomingMessage) => boolean {
  const expected = digest(expectedKey);
  return (req) => {
    const presented = bearerToken(req);
    return presented !== undefined && crypto.timingSafeEqual(digest(presented), expected);
  };
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const apiKey = req.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

const digest = (text: string) => crypto.createHash('sha256').update(text).digest();
