import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { buildSchema } from '../../src/api/schema.js';

/** Every ```graphql block of a Markdown file, with the line it starts on. */
function graphqlBlocks(file: string): Array<[string, string]> {
  const lines = fs.readFileSync(path.join(projectRoot, file), 'utf8').split('\n');
  const blocks: Array<[string, string]> = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```graphql') continue;
    const start = i + 1;
    while (++i < lines.length && lines[i]!.trim() !== '```');
    blocks.push([`${file}:${start}`, lines.slice(start, i).join('\n')]);
  }
  return blocks;
}

// The operations a reader copies from the docs: each must still be valid when the schema changes.
describe('GraphQL examples in the README and docs/api.md', () => {
  const blocks = [...graphqlBlocks('README.md'), ...graphqlBlocks('docs/api.md')];

  it('finds the examples', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  // A block may list several anonymous operations, each one an example: each is checked alone.
  it.each(blocks)('%s is valid against the schema', (_where, text) => {
    const schema = buildSchema();
    const { definitions } = parse(text);
    const messages = definitions.flatMap((d) => validate(schema, { kind: Kind.DOCUMENT, definitions: [d] }).map((e) => e.message));
    expect(messages).toEqual([]);
  });
});
