import type { Driver } from 'neo4j-driver';
import { send, type Request, type Target } from './apiLoad.js';

/** The API's hot paths under load (issue #5), with what a correct answer must contain. */
const FINDINGS_PAGE = `query FindingsPage($filter: FindingFilter) {
  findings(first: 50, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id analytic host severity score } } }
}`;

/** A findings search (text filter, highest score first): reads and sorts the matches (findings/list-ordered). */
const FINDINGS_SEARCH = `query FindingsSearch($filter: FindingFilter) {
  findings(first: 50, filter: $filter, orderBy: { field: SCORE, direction: DESC }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id analytic host severity score } } }
}`;

/** The pivot of docs/api.md. */
const BINARY_PIVOT = `query BinaryPivot($sha256: String!) {
  binary(sha256: $sha256) {
    prevalence runCount firstSeen lastSeen
    hosts(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { node { hostId paths firstSeen lastSeen } } }
    signatures { signer status signed files }
    processes(first: 20) { hostId image commandLine started children { image commandLine time } connections { ip hostname port time } }
    findings(first: 20) { totalCount edges { node { id analytic host severity } } }
  }
}`;

const EVIDENCE_GRAPH = `query FindingEvidence($id: ID!) {
  finding(id: $id) {
    id analytic severity
    evidence { stage role kind key label time source }
    evidenceGraph {
      nodes { id kind key name label roles stage time inGraph properties { name value } }
      edges { from to type time lastTime count label }
    }
  }
}`;

/** A findings page of 50 with nested fields, for counting Cypher statements per request. */
const NESTED_PAGES: Record<string, string> = {
  'findings(50) { node { scalars evidence } }': `{ findings(first: 50) { totalCount edges { cursor node { id analytic host hostId severity score status reasons signals firstSeen lastSeen evidence { stage role kind key label time source } } } } }`,
  'findings(50) { node { ... history } }': `{ findings(first: 50) { totalCount edges { node { id severity history { at actor action from to } } } } }`,
  'findings(50) { node { ... evidenceGraph } }': `{ findings(first: 50) { totalCount edges { node { id evidenceGraph { nodes { id } edges { from to } } } } } }`,
};

// Answers are checked loosely: a missing field is a failed check, not a type error.
type Data = Record<string, any>;

/** What the requests draw from: hashes by prevalence class, finding ids, filters that match. */
export interface Samples {
  hashes: Record<'popular' | 'common' | 'rare', string[]>;
  findingIds: string[];
  filters: Array<{ analytic: string; severity: string }>;
  /** Texts that match findings: host-name fragments (a few findings each) and a Temp path fragment (most). */
  texts: string[];
}

export async function readSamples(driver: Driver, database?: string): Promise<Samples> {
  // Prevalence ~ files holding the content (one per host and path); runs break ties.
  const binaries = await driver.executeQuery(
    `MATCH (b:Binary)
     WITH b.sha256 AS sha256, COUNT { (b)<-[:HAS_CONTENT]-() } AS files, COUNT { (b)<-[:INSTANCE_OF]-() } AS runs
     WHERE files > 0 RETURN sha256, files ORDER BY files DESC, runs DESC`,
    {}, { database, routing: 'READ' },
  );
  const rows = binaries.records.map((r) => ({ sha256: r.get('sha256') as string, files: r.get('files') as number }));
  const findings = await driver.executeQuery('MATCH (f:Finding) RETURN f.id AS id, f.analytic AS analytic, f.severity AS severity, f.hostName AS hostName', {}, { database, routing: 'READ' });
  const filters = new Map<string, { analytic: string; severity: string }>();
  for (const r of findings.records) filters.set(`${r.get('analytic')}|${r.get('severity')}`, { analytic: r.get('analytic'), severity: (r.get('severity') as string).toUpperCase() });
  return {
    hashes: {
      popular: rows.slice(0, 20).map((r) => r.sha256),
      common: rows.slice(20).filter((r) => r.files > 2).map((r) => r.sha256),
      rare: rows.filter((r) => r.files <= 2).map((r) => r.sha256),
    },
    findingIds: findings.records.map((r) => r.get('id') as string),
    filters: [...filters.values()],
    texts: [...new Set(findings.records.map((r) => (r.get('hostName') as string).slice(0, 7)))].slice(0, 200).concat('\\appdata\\local\\temp\\'),
  };
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

const nonEmptyPage = (d: Data) => (d.findings?.edges?.length > 0 && d.findings.totalCount > 0 ? undefined : 'empty findings page');

/** Request generators by kind, in the order they run. */
export function queryKinds(s: Samples): Record<string, () => Request> {
  const hashClasses = (['popular', 'common', 'rare'] as const).filter((c) => s.hashes[c].length > 0);
  return {
    findingsPage: () => ({ query: FINDINGS_PAGE, variables: {}, check: nonEmptyPage }),
    findingsFiltered: () => ({ query: FINDINGS_PAGE, variables: { filter: pick(s.filters) }, check: nonEmptyPage }),
    findingsSearch: () => {
      // Half the searches match a few findings, half match most (every drop is under a Temp folder).
      const broad = Math.random() < 0.5;
      const text = broad ? s.texts.at(-1)! : pick(s.texts.slice(0, -1));
      return { query: FINDINGS_SEARCH, variables: { filter: { text } }, tag: broad ? 'broad' : 'narrow', check: nonEmptyPage };
    },
    binaryPivot: () => {
      const tag = pick(hashClasses);
      return {
        query: BINARY_PIVOT,
        variables: { sha256: pick(s.hashes[tag]) },
        tag,
        check: (d: Data) => (d.binary && d.binary.prevalence >= 1 && d.binary.hosts.edges.length >= 1 ? undefined : 'binary missing or never seen'),
      };
    },
    evidenceGraph: () => ({
      query: EVIDENCE_GRAPH,
      variables: { id: pick(s.findingIds) },
      check: (d: Data) => (d.finding && d.finding.evidenceGraph.nodes.length >= 4 && d.finding.evidenceGraph.edges.length >= 3 ? undefined : 'finding or its evidence graph missing'),
    }),
  };
}

/**
 * Cypher statements the API ran for one request, per cypher/ file: the difference of the API's
 * own counter (provhunt_cypher_duration_seconds_count, every executeQuery) around the request.
 */
export async function cypherPerRequest(target: Target, metricsUrl: string, s: Samples): Promise<Record<string, { statements: number; byFile: Record<string, number>; error?: string }>> {
  const cases: Record<string, { query: string; variables: Record<string, unknown> }> = {
    'findings(50) { node { id analytic host severity score } }': { query: FINDINGS_PAGE, variables: {} },
    ...Object.fromEntries(Object.entries(NESTED_PAGES).map(([name, query]) => [name, { query, variables: {} }])),
    'binary(sha256) popular, as docs/api.md': { query: BINARY_PIVOT, variables: { sha256: s.hashes.popular[0] } },
    'finding(id) { evidence evidenceGraph }': { query: EVIDENCE_GRAPH, variables: { id: s.findingIds[0] } },
  };
  const out: Awaited<ReturnType<typeof cypherPerRequest>> = {};
  for (const [name, req] of Object.entries(cases)) {
    const before = await cypherCounts(target, metricsUrl);
    const { body, error } = await send(target, req);
    const after = await cypherCounts(target, metricsUrl);
    const byFile: Record<string, number> = {};
    for (const [file, count] of after) if (count > (before.get(file) ?? 0)) byFile[file] = count - (before.get(file) ?? 0);
    const failed = error ?? body?.errors?.map((e) => e.message).join('; ');
    out[name] = { statements: Object.values(byFile).reduce((a, b) => a + b, 0), byFile, ...(failed ? { error: failed.slice(0, 300) } : {}) };
  }
  return out;
}

async function cypherCounts(target: Target, metricsUrl: string): Promise<Map<string, number>> {
  const res = await fetch(metricsUrl, { headers: { authorization: `Bearer ${target.token}` } });
  const counts = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    const m = /^provhunt_cypher_duration_seconds_count\{(.*)\} (\d+)/.exec(line);
    const file = m && /query="([^"]+)"/.exec(m[1]!)?.[1];
    if (file) counts.set(file, (counts.get(file) ?? 0) + Number(m[2]));
  }
  return counts;
}
