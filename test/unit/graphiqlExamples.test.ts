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
    const page = graphiqlPage().html.toString('utf8');
    expect(page).toContain('OpenFindings');
    expect(page).toContain('BinaryAcrossFleet');
    expect(page).toContain('findingChanged');
    expect(page).toMatch(/shouldPersistHeaders["']?\s*:\s*false/);
  });

  it('loads no script or stylesheet from the network (an air-gapped SOC has no CDN)', () => {
    const page = graphiqlPage().html.toString('utf8');
    const external = [...page.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(https?:)?\/\/[^"' >]*/gi)].map((m) => m[0].slice(0, 120));
    expect(external).toEqual([]);
    expect(page).not.toMatch(/unpkg\.com|cdn\.jsdelivr\.net/);
  });
});
