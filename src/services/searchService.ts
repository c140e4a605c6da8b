import neo4j, { type Driver } from 'neo4j-driver';
import { InputError } from '../errors.js';
import { cypher } from '../graph/cypher.js';

/** What a search looks in, most specific first: the order hits come back in. */
export const searchKinds = ['HASH', 'DOMAIN', 'PATH', 'COMMAND_LINE'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const MIN_FRAGMENT_LENGTH = 3;
export const MAX_TEXT_LENGTH = 1000;
export const MAX_SEARCH_HITS = 100;

const queryOf: Record<SearchKind, string> = {
  HASH: 'search/hash',
  DOMAIN: 'search/domain',
  PATH: 'search/path',
  COMMAND_LINE: 'search/command-line',
};

export interface SearchHit {
  kind: SearchKind;
  key: string;
  label: string;
  hostId: string | null;
  ts: number | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** More matched than `first`: narrow the text or the kinds. */
  truncated: boolean;
}

export interface SearchRequest {
  fragment: string;
  kinds: SearchKind[];
  first: number;
}

/**
 * Owns search (cypher/search): a SHA-256 finds its content; a fragment finds paths, command lines
 * and domains through TEXT indexes on lower-cased copies, so matching ignores case.
 */
export class SearchService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  async search(text: string, kinds: readonly SearchKind[] | null | undefined, first: number): Promise<SearchResult> {
    const request = searchRequest(text, kinds ?? searchKinds, first);
    const found = await Promise.all(request.kinds.map((kind) => this.find(kind, request)));
    const hits = found.flat();
    return { hits: hits.slice(0, request.first), truncated: hits.length > request.first };
  }

  private async find(kind: SearchKind, request: SearchRequest): Promise<SearchHit[]> {
    // One more than asked, to tell whether there were more.
    const params = { fragment: request.fragment, sha256: request.fragment, limit: neo4j.int(request.first + 1) };
    const { records } = await this.driver.executeQuery(cypher(queryOf[kind]), params, { database: this.database, routing: 'READ' });
    const hits = records.map((r) => ({ kind, key: r.get('key') as string, label: r.get('label') as string, hostId: r.get('hostId') as string | null, ts: r.get('ts') as number | null }));
    return hits.sort((a, b) => byCodePoint(a.label, b.label) || byCodePoint(a.key, b.key));
  }
}

/** Checks a search and decides which kinds apply: HASH only to a SHA-256. */
export function searchRequest(text: string, kinds: readonly SearchKind[], first: number): SearchRequest {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_HITS) throw new InputError(`first must be between 1 and ${MAX_SEARCH_HITS}, got ${first}`);
  if (kinds.length === 0) throw new InputError(`kinds must name at least one of ${searchKinds.join(', ')}`);
  const fragment = text.trim().toLowerCase();
  if (fragment.length < MIN_FRAGMENT_LENGTH) throw new InputError(`text must be at least ${MIN_FRAGMENT_LENGTH} characters (spaces at either end do not count), got '${text}'`);
  if (fragment.length > MAX_TEXT_LENGTH) throw new InputError(`text must be at most ${MAX_TEXT_LENGTH} characters, got ${fragment.length}`);
  const isSha256 = /^[0-9a-f]{64}$/.test(fragment);
  const applicable = searchKinds.filter((k) => kinds.includes(k) && (k !== 'HASH' || isSha256));
  if (applicable.length === 0) throw new InputError(hashMismatch(fragment));
  return { fragment, kinds: applicable, first };
}

// Not localeCompare: the order must not depend on the server's locale.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function hashMismatch(fragment: string): string {
  const stored = /^([0-9a-f]{32}|[0-9a-f]{40})$/.test(fragment) ? '; MD5 and SHA-1 digests are not stored in the graph' : '';
  return `HASH search takes a SHA-256 (64 hexadecimal characters), got '${fragment}'${stored}`;
}
