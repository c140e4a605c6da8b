import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleOperations, graphiqlPage } from '../../src/api/graphiql.js';
import { buildSchema } from '../../src/api/schema.js';

describe('GraphiQL example operations (schema/examples)', () => {
  const examples = exampleOperations();

  it('has a tab for each kind of user', () => {
    expect(examples.map((e) => e.name)).toEqual(['analyst', 'dashboard', 'hunter']);
  });

  it.each(examples.map((e) => [e.name, e.query]))('%s operations are valid against the schema', (_name, query) => {
    expect(validate(buildSchema(), parse(query)).map((e) => e.message)).toEqual([]);
  });

  it('puts them in the page, with a key placeholder that the browser does not persist', () => {
    const page = graphiqlPage();
    expect(page).toContain('OpenFindings');
    expect(page).toContain('BinaryAcrossFleet');
    expect(page).toContain('findingChanged');
    expect(page).toMatch(/shouldPersistHeaders["']?\s*:\s*false/);
  });
});
