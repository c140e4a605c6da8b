import { GraphQLError } from 'graphql';

/**
 * Opaque Relay cursors of one kind: `<kind>:<value>` in base64url. A cursor of another kind, or
 * not from this API, is refused with the argument it came in.
 */
export function cursorOf(kind: string) {
  const prefix = `${kind}:`;
  return {
    encode: (value: string | number) => Buffer.from(prefix + String(value)).toString('base64url'),
    decode(cursor: string): string {
      const text = Buffer.from(cursor, 'base64url').toString();
      if (!text.startsWith(prefix) || text.length === prefix.length) throw new GraphQLError(`after: '${cursor}' is not a cursor returned by this API`);
      return text.slice(prefix.length);
    },
  };
}

/** A cursor of findings pages: the last finding's `<lastSeen>|<id>`, where the next page starts. */
export function findingKeyCursor(kind: string) {
  const cursor = cursorOf(kind);
  return {
    encode: (f: { lastSeen: number; id: string }) => cursor.encode(`${f.lastSeen}|${f.id}`),
    decode(text: string): { lastSeen: number; id: string } {
      const key = cursor.decode(text);
      const bar = key.indexOf('|');
      const lastSeen = Number(key.slice(0, bar));
      if (bar < 1 || !Number.isSafeInteger(lastSeen)) throw new GraphQLError(`after: '${text}' is not a cursor returned by this API`);
      return { lastSeen, id: key.slice(bar + 1) };
    },
  };
}

const LEGACY_ORDER = 'LAST_SEEN DESC';

/**
 * A cursor of findings pages in an order: `<order>|<value>|<id>` (the order's name, the last
 * finding's value of its field, its id). A cursor continues only the order it was made in.
 */
export function findingPositionCursor(kind: string) {
  const cursor = cursorOf(kind);
  const invalid = (text: string) => new GraphQLError(`after: '${text}' is not a cursor returned by this API`);
  return {
    encode: (order: string, value: number, id: string) => cursor.encode(`${order}|${value}|${id}`),
    decode(text: string, order: string): { value: number; id: string } {
      const parts = cursor.decode(text).split('|');
      // Cursors made before orders existed (`<lastSeen>|<id>`) continue the default order.
      if (/^\d+$/.test(parts[0]!)) parts.unshift(LEGACY_ORDER);
      const [madeIn, value, ...id] = parts;
      if (id.length === 0 || !Number.isSafeInteger(Number(value)) || value === '') throw invalid(text);
      if (madeIn !== order) throw new GraphQLError(`after: the cursor continues the order ${madeIn}, but orderBy asks for ${order}`);
      return { value: Number(value), id: id.join('|') };
    },
  };
}

export function checkPageSize(first: number, max: number): number {
  if (first < 1 || first > max) throw new GraphQLError(`first must be between 1 and ${max}, got ${first}`);
  return first;
}

/** A Relay connection's edges and pageInfo for a page of nodes in order. */
export function connectionOf<T>(nodes: T[], cursor: (node: T, index: number) => string, hasNextPage: boolean) {
  const edges = nodes.map((node, i) => ({ cursor: cursor(node, i), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
