import { describe, expect, it } from 'vitest';
import { tokensOf } from '../../src/analytics/warmup.js';

describe('graph tokens named by Cypher (created before detection queries are planned)', () => {
  it('finds labels, relationship types and property keys, and no keywords', () => {
    const tokens = tokensOf(`
      // a comment naming :Nothing and e.g. more
      MATCH (p:Process {uid: $uid})-[w:WROTE|:DELETED]->(f:File)
      MATCH (ip:IP)<-[:CONNECTED*1..2]-(p)
      WHERE f.path STARTS WITH $root AND p:Host
      RETURN CASE WHEN w.op = 'x' THEN p {.image, started: p.startTs} END AS row`);
    expect(tokens.labels).toEqual(['File', 'Host', 'IP', 'Process']);
    expect(tokens.relationshipTypes).toEqual(['CONNECTED', 'DELETED', 'WROTE']);
    expect(tokens.propertyKeys).toEqual(['image', 'op', 'path', 'startTs', 'started', 'uid']);
  });
});
