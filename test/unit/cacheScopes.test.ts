import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../src/api/cacheScopes.js';

const catalog = ['AN0862', 'AN0940'];

describe('response cache scopes: which findings an answer depends on', () => {
  it('puts findings pages of one catalog analytic in its scope, inline or through variables', () => {
    expect(scopeOf('{ findings(filter: { analytic: "AN0862" }) { totalCount } }', null, null, catalog)).toBe('analytic:AN0862');
    expect(scopeOf('query($f: FindingFilter) { findings(filter: $f) { totalCount } }', null, { f: { analytic: 'an0940', severity: 'HIGH' } }, catalog)).toBe('analytic:AN0940');
    expect(scopeOf('query($a: String) { findings(filter: { analytic: $a }) { totalCount } }', null, { a: 'AN0862' }, catalog)).toBe('analytic:AN0862');
    expect(scopeOf('{ __typename a: findings(filter: { analytic: "AN0862" }) { totalCount } b: findings(filter: { analytic: "an0862" }, first: 1) { totalCount } }', null, null, catalog)).toBe('analytic:AN0862');
  });

  it('puts everything else in the scope every finding change empties', () => {
    const all = [
      '{ findings { totalCount } }', // no analytic
      '{ findings(filter: { analytic: "AN9999" }) { totalCount } }', // not in the catalog
      '{ a: findings(filter: { analytic: "AN0862" }) { totalCount } b: findings(filter: { analytic: "AN0940" }) { totalCount } }',
      '{ findings(filter: { analytic: "AN0862" }) { totalCount } suppressions { id } }',
      '{ ...F } fragment F on Query { findings(filter: { analytic: "AN0862" }) { totalCount } }',
      'mutation { setFindingStatus(id: "x", status: NEW) { id } }',
      '{ findings(filter: { analytic: 42 }) { totalCount } }',
      'not graphql at all {',
    ];
    for (const document of all) expect(scopeOf(document, null, null, catalog), document).toBe('all');
    expect(scopeOf('query($f: FindingFilter) { findings(filter: $f) { totalCount } }', null, { f: null }, catalog)).toBe('all');
  });

  it('does not parse a document longer or of more tokens than the API accepts', () => {
    const padded = `{ findings(filter: { analytic: "AN0862" }) { totalCount } } # ${'x'.repeat(10_000)}`;
    expect(scopeOf(padded, null, null, catalog)).toBe('all');
    // 1,500 field tokens in 3,000 characters: valid syntax, over the token limit.
    const manyTokens = `{ findings(filter: { analytic: "AN0862" }) { ${'a '.repeat(1_500)} } }`;
    expect(scopeOf(manyTokens, null, null, catalog)).toBe('all');
    const fewTokens = `{ findings(filter: { analytic: "AN0862" }) { ${'a '.repeat(500)} } }`;
    expect(scopeOf(fewTokens, null, null, catalog)).toBe('analytic:AN0862');
  });

  it('reads the operation asked for by name', () => {
    const doc = 'query A { findings(filter: { analytic: "AN0862" }) { totalCount } } query B { findings { totalCount } }';
    expect(scopeOf(doc, 'A', null, catalog)).toBe('analytic:AN0862');
    expect(scopeOf(doc, 'B', null, catalog)).toBe('all');
  });
});
