import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { enforceRoles, hasRole, httpRequiredRole, requiredRoles, type Role } from '../../src/api/roles.js';
import { buildSchema } from '../../src/api/schema.js';
import { hashToken, parseRole, tokenKeyId } from '../../src/services/apiKeysService.js';

describe('roles', () => {
  it('has a required role for exactly the root fields of the schema', () => {
    const schema = buildSchema();
    const fields = (type: GraphQLObjectType | null | undefined) => Object.keys(type!.getFields()).sort();
    expect(Object.keys(requiredRoles.Query!).sort()).toEqual(fields(schema.getQueryType()));
    expect(Object.keys(requiredRoles.Mutation!).sort()).toEqual(fields(schema.getMutationType()));
    expect(Object.keys(requiredRoles.Subscription!).sort()).toEqual(fields(schema.getSubscriptionType()));
  });

  it('refuses to build a schema with a root field that has no role', () => {
    const schema = makeExecutableSchema({ typeDefs: 'type Query { findings: Int, secrets: Int }' });
    expect(() => enforceRoles(schema)).toThrow('Query.secrets has no required role: add it to requiredRoles in src/api/roles.ts');
  });

  it('guards a subscription when its stream opens, and refuses one without a role', () => {
    const typeDefs = 'type Query { findings: Int } type Subscription { findingChanged: Int, adminFeed: Int }';
    const stream = { subscribe: () => 'stream' };
    const unguarded = makeExecutableSchema({ typeDefs, resolvers: { Subscription: { findingChanged: stream, adminFeed: stream } } });
    expect(() => enforceRoles(unguarded)).toThrow('Subscription.adminFeed has no required role: add it to requiredRoles in src/api/roles.ts');

    requiredRoles.Subscription!.adminFeed = 'admin';
    try {
      const fields = enforceRoles(makeExecutableSchema({ typeDefs, resolvers: { Subscription: { findingChanged: stream, adminFeed: stream } } })).getSubscriptionType()!.getFields();
      const open = (field: string, role: Role) => fields[field]!.subscribe!(undefined, {}, { caller: { keyId: 'k', name: 'grafana', role } }, {} as GraphQLResolveInfo);
      expect(open('findingChanged', 'viewer')).toBe('stream');
      expect(open('adminFeed', 'admin')).toBe('stream');
      expect(() => open('adminFeed', 'analyst')).toThrow("adminFeed needs the admin role; key 'grafana' has analyst");
    } finally {
      delete requiredRoles.Subscription!.adminFeed;
    }
  });

  it('orders viewer < analyst < admin, and guards HTTP ingest as analyst', () => {
    expect([hasRole('admin', 'analyst'), hasRole('analyst', 'analyst'), hasRole('viewer', 'analyst')]).toEqual([true, true, false]);
    expect([httpRequiredRole('/v1/events'), httpRequiredRole('/v1/submissions/abc')]).toEqual(['analyst', 'viewer']);
    expect(parseRole(' Admin ')).toBe('admin');
    expect(() => parseRole('root')).toThrow("role must be one of viewer, analyst, admin, got 'root'");
  });

  it('finds a key by the id in its token and hashes the whole token', () => {
    const token = `ph_0123456789ab_${'x'.repeat(43)}`;
    expect(tokenKeyId(token)).toBe('0123456789ab');
    expect(tokenKeyId('ph_0123456789ab_short')).toBeUndefined();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
