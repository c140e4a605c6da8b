import os from 'node:os';
import type { Command } from 'commander';
import { DEFAULT_KEY_CACHE_MS } from '../../api/auth.js';
import { announceKeyRevocation } from '../../events/keyRevocations.js';
import { ApiKeysService, BOOTSTRAP_NAME, parseRole, type ApiKeyInfo } from '../../services/apiKeysService.js';
import { withClient } from '../runtime.js';

const actor = () => `cli:${os.userInfo().username}`;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** API keys live in the graph; these commands talk to it directly, like findings and triage. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('create, list or revoke API keys (roles: viewer, analyst, admin)');

  keys
    .command('create')
    .description('make a key; its token is printed once, on stdout, and never stored')
    .requiredOption('--name <name>', 'who or what uses it; audit trails show api:<name>')
    .requiredOption('--role <role>', 'viewer (queries), analyst (+ hunt, triage, ingest) or admin (+ tunables)')
    .action((opts: { name: string; role: string }) =>
      withClient(async ({ driver, connections }) => {
        const role = parseRole(opts.role);
        const { key, token } = await new ApiKeysService(driver, connections.neo4j.database).create(opts.name, role, actor());
        process.stderr.write(`created key ${key.id} '${key.name}' (${key.role}); the token below is shown only now: store it\n`);
        process.stdout.write(`${token}\n`);
      }),
    );

  keys
    .command('list')
    .description('every key with its role, creation, last use and revocation; never a token or hash')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }) =>
      withClient(async ({ driver, connections }) => {
        for (const key of await new ApiKeysService(driver, connections.neo4j.database).list()) {
          process.stdout.write(opts.json ? `${JSON.stringify(keyJson(key))}\n` : formatKey(key));
        }
      }),
    );

  keys
    .command('revoke')
    .argument('<id-or-name>', 'as printed by keys list')
    .description(`revoke a key; running APIs refuse it and end its subscriptions at once (told through Redis), within ${DEFAULT_KEY_CACHE_MS / 1000} s at worst`)
    .action((ref: string) =>
      withClient(async ({ config, driver, connections }) => {
        if (ref === BOOTSTRAP_NAME) throw new Error('the bootstrap key is not stored in the graph: change PROVHUNT_API_KEY (or delete secrets/api-key) and restart');
        const key = await new ApiKeysService(driver, connections.neo4j.database).revoke(ref, actor());
        if (!key) throw new Error(`no key with id or name '${ref}' (provhunt keys list shows them)`);
        process.stdout.write(`revoked ${key.id} '${key.name}' at ${iso(key.revokedAt)}; APIs refuse it within ${DEFAULT_KEY_CACHE_MS / 1000} s\n`);
        try {
          await announceKeyRevocation(connections.redis.url, config.queuePrefix, { keyId: key.id, at: key.revokedAt! });
          process.stderr.write('running APIs were told: they refuse it and end its open subscriptions now\n');
        } catch (err) {
          process.stderr.write(`could not tell the running APIs through Redis (${(err as Error).message}); they refuse it and end its open subscriptions within ${DEFAULT_KEY_CACHE_MS / 1000} s\n`);
        }
      }),
    );
}

function keyJson(key: ApiKeyInfo) {
  return { ...key, createdAt: iso(key.createdAt), revokedAt: iso(key.revokedAt), lastUsedAt: iso(key.lastUsedAt) };
}

function formatKey(key: ApiKeyInfo): string {
  const state = key.revokedAt === null ? 'active' : `revoked ${iso(key.revokedAt)} by ${key.revokedBy}`;
  return `${key.id} ${key.name} ${key.role} created ${iso(key.createdAt)} by ${key.createdBy}, last used ${iso(key.lastUsedAt) ?? 'never'}, ${state}\n`;
}
