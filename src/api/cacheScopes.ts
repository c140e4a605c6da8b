import { getOperationAST, Kind, parse, type DocumentNode, type ValueNode } from 'graphql';

/** The scope of answers any finding change makes stale. */
export const ALL = 'all';

/** Parsed documents by text: dashboards repeat a few documents (bounded: cleared when full). */
const parsed = new Map<string, DocumentNode | null>();
const MAX_PARSED = 1_000;
/**
 * Keys are made before yoga parses (and limits) the document, so this parse has limits of its own:
 * a document longer than this, or of more tokens than the API accepts (src/api/protection.ts), is
 * in the shared scope unparsed.
 */
const MAX_DOCUMENT_CHARS = 10_000;
const MAX_TOKENS = 1_000;

/**
 * Which findings an answer depends on, for the response cache: `analytic:<id>` when every root
 * field of the query is `findings` filtered by that one analytic (a change to another analytic's
 * finding cannot change such a page), else `all`. Only the catalog's analytics get a scope of
 * their own, so a client cannot make scopes without bound.
 */
export function scopeOf(document: string, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, analytics: readonly string[]): string {
  const doc = parsedDocument(document);
  const operation = doc && getOperationAST(doc, operationName);
  if (!operation || operation.operation !== 'query') return ALL;
  let analytic: string | undefined;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return ALL;
    if (selection.name.value === '__typename') continue;
    if (selection.name.value !== 'findings') return ALL;
    const filter = selection.arguments?.find((a) => a.name.value === 'filter')?.value;
    const value = filter && analyticOf(filter, variables ?? {});
    if (typeof value !== 'string' || (analytic !== undefined && value.toUpperCase() !== analytic)) return ALL;
    analytic = value.toUpperCase();
  }
  return analytic !== undefined && analytics.includes(analytic) ? `analytic:${analytic}` : ALL;
}

/** The filter's analytic, written inline or passed in a variable (the filter's or its own). */
function analyticOf(filter: ValueNode, variables: Record<string, unknown>): unknown {
  if (filter.kind === Kind.VARIABLE) return (variables[filter.name.value] as { analytic?: unknown } | null | undefined)?.analytic;
  if (filter.kind !== Kind.OBJECT) return undefined;
  const field = filter.fields.find((f) => f.name.value === 'analytic')?.value;
  if (field?.kind === Kind.STRING) return field.value;
  return field?.kind === Kind.VARIABLE ? variables[field.name.value] : undefined;
}

function parsedDocument(document: string): DocumentNode | null {
  // Only a findings query can have a scope of its own: anything else is not parsed at all.
  if (document.length > MAX_DOCUMENT_CHARS || !document.includes('findings')) return null;
  let doc = parsed.get(document);
  if (doc === undefined) {
    try {
      doc = parse(document, { maxTokens: MAX_TOKENS, noLocation: true });
    } catch {
      doc = null; // yoga answers the syntax error; the cache never stores it
    }
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(document, doc);
  }
  return doc;
}
