import { defaultFieldResolver, GraphQLError, type GraphQLSchema } from 'graphql';
import { roles, type Role, type VerifiedKey } from '../services/apiKeysService.js';

export type { Role };

/** Who is calling: the verified API key. */
export type ApiCaller = VerifiedKey;

/**
 * The minimum role of every root field: the one place access is decided. A root field missing
 * here stops the API from starting (deny by default), so a new operation cannot ship unguarded.
 */
export const requiredRoles: Record<string, Record<string, Role>> = {
  Query: {
    analytics: 'viewer',
    findings: 'viewer',
    finding: 'viewer',
    suppressions: 'viewer',
    binary: 'viewer',
    pathPivot: 'viewer',
    fileName: 'viewer',
    signer: 'viewer',
    domain: 'viewer',
    ip: 'viewer',
    search: 'viewer',
    dashboard: 'viewer',
    ingestRate: 'viewer',
    queueDepths: 'viewer',
    // A hunt runs analytics over history (expensive) and can store findings.
    hunt: 'analyst',
    process: 'viewer',
    host: 'viewer',
    // A pattern query searches the fleet's history like a hunt (up to 90 days).
    spawnedAfterWrite: 'analyst',
  },
  Mutation: {
    setFindingStatus: 'analyst',
    suppressFromFinding: 'analyst',
    removeSuppression: 'analyst',
    // Tunables change detection for everyone.
    setTunable: 'admin',
    resetTunable: 'admin',
  },
  // Checked when the stream opens (subscribe) and on each event.
  Subscription: {
    findingChanged: 'viewer',
  },
};

/** HTTP routes outside GraphQL: the first match wins; any other route needs a valid key (viewer). */
export const httpRoles: Array<{ path: RegExp; role: Role }> = [{ path: /^\/v1\/events$/, role: 'analyst' }];

export const hasRole = (have: Role, need: Role) => roles.indexOf(have) >= roles.indexOf(need);

export function httpRequiredRole(path: string): Role {
  return httpRoles.find((r) => r.path.test(path))?.role ?? 'viewer';
}

export function forbiddenMessage(what: string, need: Role, caller: ApiCaller): string {
  return `${what} needs the ${need} role; key '${caller.name}' has ${caller.role}`;
}

/**
 * Wraps every root field's resolver with its role check, once, when the schema is built. Fields
 * below the root need no check: they are reachable only through a root field.
 */
export function enforceRoles(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const need = requiredRoles[type.name]?.[field.name];
      if (!need) throw new Error(`${type.name}.${field.name} has no required role: add it to requiredRoles in src/api/roles.ts`);
      const guard = (ctx: { caller: ApiCaller }) => {
        if (!hasRole(ctx.caller.role, need)) {
          throw new GraphQLError(forbiddenMessage(field.name, need, ctx.caller), { extensions: { code: 'FORBIDDEN', requiredRole: need } });
        }
      };
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx: { caller: ApiCaller }, info) => {
        guard(ctx);
        return resolve(source, args, ctx, info);
      };
      // A subscription's stream is opened by subscribe, before any resolve runs.
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args, ctx: { caller: ApiCaller }, info) => {
          guard(ctx);
          return subscribe(source, args, ctx, info);
        };
      }
    }
  }
  return schema;
}
