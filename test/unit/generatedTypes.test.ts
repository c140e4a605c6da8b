import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFile, generatedTypes } from '../../scripts/codegen.js';

describe('generated TypeScript types', () => {
  it('are in sync with schema/*.graphql (run npm run codegen after changing the SDL)', async () => {
    const expected = await generatedTypes();
    expect(expected).toContain('export type Query = {');
    expect(fs.readFileSync(generatedFile, 'utf8') === expected, 'src/api/generated/graphql.ts is stale: run npm run codegen').toBe(true);
  });
});
