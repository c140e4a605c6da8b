/**
 * Generates TypeScript types from the SDL in schema/ into src/api/generated/graphql.ts, so
 * resolvers and clients type-check against the contract. `--check` fails (exit 1) when the
 * checked-in file differs from what the SDL gives: CI runs it, so the two never drift.
 *
 *   npm run codegen            # rewrite the file
 *   npm run codegen -- --check # verify only
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as resolversPlugin from '@graphql-codegen/typescript-resolvers';
import { parse, printSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';

import { loadTypeDefs } from '../src/api/schema.js';
import { projectRoot as root } from '../src/config/paths.js';

export const generatedFile = path.join(root, 'src', 'api', 'generated', 'graphql.ts');

export async function generatedTypes(): Promise<string> {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
  const body = await codegen({
    filename: generatedFile,
    schema: parse(printSchema(schema)),
    documents: [],
    config: {
      // DateTime is epoch milliseconds inside provhunt (src/api/resolvers/scalars.ts parses and serializes).
      scalars: { DateTime: { input: 'number', output: 'number' } },
      useTypeImports: true,
      enumsAsTypes: true,
      contextType: '../context.js#ApiContext',
    },
    plugins: [{ typescript: {} }, { typescriptResolvers: {} }],
    pluginMap: { typescript: typescriptPlugin, typescriptResolvers: resolversPlugin },
  });
  return `// Generated from schema/*.graphql by scripts/codegen.ts (npm run codegen). Do not edit.\n/* eslint-disable */\n${body}`;
}

async function main(): Promise<void> {
  const text = await generatedTypes();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(generatedFile) ? fs.readFileSync(generatedFile, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`${path.relative(root, generatedFile)} is out of date with schema/*.graphql: run npm run codegen\n`);
      process.exit(1);
    }
    process.stdout.write(`${path.relative(root, generatedFile)} matches schema/*.graphql\n`);
    return;
  }
  fs.mkdirSync(path.dirname(generatedFile), { recursive: true });
  fs.writeFileSync(generatedFile, text);
  process.stdout.write(`wrote ${path.relative(root, generatedFile)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
