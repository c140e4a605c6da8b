import crypto from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher.js';

/** Each role may do everything the roles before it may (src/api/roles.ts says what). */
export const roles = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof roles)[number];

/** A key as listed: never its hash, never its token. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
  revokedBy: string | null;
  lastUsedAt: number | null;
}

/** What a valid, unrevoked token stands for. */
export interface VerifiedKey {
  keyId: string;
  name: string;
  role: Role;
}

/** The key made in code from PROVHUNT_API_KEY or PROVHUNT_HOME/secrets/api-key; not stored in the graph. */
export const BOOTSTRAP_NAME = 'bootstrap';

// ph_<12 hex id>_<32 random bytes, base64url>: the id finds the key, the whole token is hashed.
const TOKEN = /^ph_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function parseRole(text: string): Role {
  const role = text.trim().toLowerCase();
  if (!(roles as readonly string[]).includes(role)) throw new Error(`role must be one of ${roles.join(', ')}, got '${text}'`);
  return role as Role;
}

/**
 * SHA-256, not bcrypt or scrypt: a token carries 256 random bits, so there is nothing to guess
 * and a slow hash would only slow every cache miss; slow hashes exist for low-entropy passwords.
 */
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function tokenKeyId(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

function checkName(name: string): void {
  if (!NAME.test(name)) throw new Error(`key name '${name}': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  if (/^[0-9a-f]{12}$/.test(name)) throw new Error(`key name '${name}' looks like a key id; choose another (revoke takes an id or a name)`);
  if (name === BOOTSTRAP_NAME) throw new Error(`key name '${BOOTSTRAP_NAME}' is reserved for PROVHUNT_API_KEY / secrets/api-key`);
}

/** API keys in the graph, stored as hashes. The token exists only in create()'s return value. */
export class ApiKeysService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  async create(name: string, role: Role, actor: string): Promise<{ key: ApiKeyInfo; token: string }> {
    checkName(name);
    const id = crypto.randomBytes(6).toString('hex');
    const token = `ph_${id}_${crypto.randomBytes(32).toString('base64url')}`;
    try {
      const { records } = await this.driver.executeQuery(cypher('apikeys/create'), { id, name, role, hash: hashToken(token), actor }, { database: this.database });
      return { key: records[0]!.get('key') as ApiKeyInfo, token };
    } catch (err) {
      if ((err as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        throw new Error(`a key named '${name}' already exists (names stay taken after revocation, so audit trails stay unambiguous)`);
      }
      throw err;
    }
  }

  async list(): Promise<ApiKeyInfo[]> {
    const { records } = await this.driver.executeQuery(cypher('apikeys/list'), {}, { database: this.database, routing: 'READ' });
    return records.map((r) => r.get('key') as ApiKeyInfo);
  }

  /** Revokes by id or name; undefined when there is no such key. */
  async revoke(ref: string, actor: string): Promise<ApiKeyInfo | undefined> {
    const { records } = await this.driver.executeQuery(cypher('apikeys/revoke'), { ref, actor }, { database: this.database });
    return records[0]?.get('key') as ApiKeyInfo | undefined;
  }

  /** The key a token stands for, or undefined when it is malformed, unknown, revoked or wrong. */
  async verify(token: string): Promise<VerifiedKey | undefined> {
    const id = tokenKeyId(token);
    if (!id) return undefined;
    const { records } = await this.driver.executeQuery(cypher('apikeys/get-for-verify'), { id }, { database: this.database, routing: 'READ' });
    const stored = records[0];
    if (!stored || stored.get('revokedAt') !== null) return undefined;
    const presented = Buffer.from(hashToken(token), 'hex');
    const expected = Buffer.from(stored.get('hash') as string, 'hex');
    const matches = presented.length === expected.length && crypto.timingSafeEqual(presented, expected);
    return matches ? { keyId: id, name: stored.get('name') as string, role: stored.get('role') as Role } : undefined;
  }

  /** The ids among `ids` of keys that are revoked (unknown ids are not). */
  async revokedAmong(ids: string[]): Promise<string[]> {
    const { records } = await this.driver.executeQuery(cypher('apikeys/revoked-among'), { ids }, { database: this.database, routing: 'READ' });
    return records.map((r) => r.get('id') as string);
  }

  async touch(id: string): Promise<void> {
    await this.driver.executeQuery(cypher('apikeys/touch'), { id }, { database: this.database });
  }
}
