import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { loadCatalog } from './catalog.js';
import { cypher, cypherNamesUnder } from '../graph/cypher.js';
import { analyticParams, anchorsQuery } from './evaluate.js';
import { currentPlanGeneration, detectionCypher } from './planGenerations.js';

/** A key no node has: the queries run with parameters of their real types and match nothing. */
const NO_SUCH_UID = 'provhunt:warmup:none';

export interface GraphTokens {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

/**
 * The labels, relationship types and property keys a Cypher text names (by the house style:
 * Labels in PascalCase, RELATIONSHIPS in upper case, properties in camelCase). Generous on
 * purpose: a token that is not one costs nothing, a missing one costs a re-plan.
 */
export function tokensOf(text: string): GraphTokens {
  const code = text.replace(/\/\/.*$/gm, '');
  const all = (pattern: RegExp) => [...new Set([...code.matchAll(pattern)].map((m) => m[1]!))].sort();
  const split = (groups: string[]) => [...new Set(groups.flatMap((g) => g.split(/[:|]/).map((t) => t.trim()).filter(Boolean)))].sort();
  return {
    // In node patterns, (n:Label:Other), and in predicates, n:Label.
    labels: split([...all(/\(\s*\w*\s*((?::\s*[A-Z]\w*\s*)+)/g), ...all(/\w:([A-Z][a-z]\w*)\b/g)]),
    // In relationship patterns, [r:TYPE|OTHER*1..4].
    relationshipTypes: split(all(/\[\s*\w*\s*:\s*([A-Z][A-Z0-9_]*(?:\s*\|\s*:?\s*[A-Z][A-Z0-9_]*)*)/g)),
    propertyKeys: [...new Set([...all(/\.([a-z][A-Za-z0-9_]*)\b/g), ...all(/[{,]\s*([a-z][A-Za-z0-9_]*)\s*:/g)])].sort(),
  };
}

/** Every Cypher file provhunt runs, as one text. */
const allCypher = (): string => cypherNamesUnder().map(cypher).join('\n');

/**
 * Creates every token the queries name before anything is planned. A plan made while a label or
 * property did not exist yet is thrown away when it appears: on a graph that has only seen
 * Windows hosts, the first macOS batch would otherwise re-plan every macOS query inside itself.
 */
export async function ensureGraphTokens(driver: Driver, database?: string): Promise<GraphTokens> {
  const tokens = tokensOf(allCypher());
  await driver.executeQuery('UNWIND $names AS name CALL db.createLabel(name)', { names: tokens.labels }, { database });
  await driver.executeQuery('UNWIND $names AS name CALL db.createRelationshipType(name)', { names: tokens.relationshipTypes }, { database });
  await driver.executeQuery('UNWIND $names AS name CALL db.createProperty(name)', { names: tokens.propertyKeys }, { database });
  return tokens;
}

/**
 * Plans every detection query once, before the first batch needs it. Planning a chain query
 * costs about 1.5 s on this class of machine (they are long), which a worker would otherwise pay
 * inside the first batch of every platform: the difference between a finding in a second and a
 * finding in twenty. Parameters keep their real types, because Neo4j's plan cache is keyed by them.
 */
export async function warmDetectionQueries(driver: Driver, database?: string, generation = currentPlanGeneration()): Promise<number> {
  const started = Date.now();
  await ensureGraphTokens(driver, database);
  const none = [NO_SUCH_UID];
  const plan = async (name: string, text: string, params: Record<string, unknown>) => {
    const { summary } = await driver.executeQuery(text, params, { database, routing: 'READ' });
    refuseMissedHint(`detection query ${name}`, summary.notifications);
  };
  await plan('neighbourhood', detectionCypher('analytics/_shared/neighbourhood', generation), { touched: { processUids: none, startedUids: none, fileUids: none, hostIps: none } });
  for (const analytic of loadCatalog()) {
    const anchors = anchorsQuery(analytic, { since: 0, until: 0, hostIds: none }, generation);
    await plan(`${analytic.id} anchors`, anchors.text, anchors.params);
    // One plan serves every number of anchors: they travel inside a map (src/analytics/evaluate.ts).
    const params = { ...analyticParams(analytic), since: neo4j.int(0), until: neo4j.int(0), anchors: { uids: none } };
    await plan(`${analytic.id} chain`, detectionCypher(`analytics/${analytic.dir}/${analytic.queries.chain}`, generation), params);
  }
  // The findings upsert (a write): with no rows it changes nothing, and the first finding does not plan it.
  await driver.executeQuery(cypher('findings/upsert'), { batch: { rows: [] } }, { database });
  // The ingest statements, explained (planned, not run): the per-event ones seek their eventId index.
  for (const name of cypherNamesUnder('ingest')) {
    const { summary } = await driver.executeQuery(`EXPLAIN ${cypher(name)}`, { batch: { rows: [] } }, { database });
    refuseMissedHint(`write statement ${name}`, summary.notifications);
  }
  return Date.now() - started;
}

/**
 * A hint Neo4j cannot seek with fails the query; one whose index is missing only warns, and the
 * query would then read without it (a migration not applied): refuse to start on such a plan.
 */
function refuseMissedHint(what: string, notifications: Array<{ code: string; description: string }>): void {
  const hint = notifications.find((n) => /Hint/.test(n.code));
  if (hint) throw new Error(`${what} cannot use its index hint (${hint.code}: ${hint.description}); are the migrations applied?`);
}
