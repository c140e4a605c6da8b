import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { schemaDir } from '../config/paths.js';
import { resolvers } from './resolvers/index.js';
import { enforceRoles } from './roles.js';

/** Schema-first: the SDL files in schema/ are the contract; resolvers only wire them to services. */
export function loadTypeDefs(): string[] {
  return fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(schemaDir, f), 'utf8'));
}

/** Every root field gets its role check here (src/api/roles.ts), not in the resolvers. */
export function buildSchema() {
  return enforceRoles(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
