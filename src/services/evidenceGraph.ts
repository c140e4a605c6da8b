import type { EvidenceStep } from '../analytics/findings.js';

/** A finding's evidence as a graph to draw (schema/investigation.graphql: EvidenceGraph). */
export interface EvidenceGraph {
  nodes: EvidenceNode[];
  edges: EvidenceEdge[];
}

export interface EvidenceNode {
  id: string;
  kind: string;
  key: string;
  name: string;
  label: string | null;
  roles: string[];
  stage: number | null;
  ts: number | null;
  inGraph: boolean;
  properties: Array<{ name: string; value: string }>;
}

export interface EvidenceEdge {
  from: string;
  to: string;
  type: string;
  ts: number | null;
  lastTs: number | null;
  count: number;
  label: string | null;
}

/** What cypher/investigation/evidence-graph.cypher returns. */
export interface GraphRows {
  nodes: Array<{ kind: string; key: string; properties: Record<string, unknown> }>;
  linkUids: string[];
  edges: Array<{ fromKind: string; fromKey: string; toKind: string; toKey: string; type: string; ts: number | null; lastTs: number | null; count: number; labels: string[] }>;
}

/** Properties worth a tooltip, by kind; times are shown as ISO strings. */
const shownProperties: Record<string, string[]> = {
  Process: ['image', 'commandLine', 'user', 'pid', 'startTs', 'endTs', 'sha256', 'signer', 'signatureStatus'],
  File: ['path'],
  Package: ['manager', 'name'],
  Host: ['name', 'os'],
  IP: [],
};
const timeProperties = new Set(['startTs', 'endTs']);

export const nodeId = (kind: string, key: string) => `${kind}:${key}`;

const baseName = (path: string) => path.split(/[\\/]/).pop() || path;

function nameOf(kind: string, key: string, props: Record<string, unknown>): string {
  if (kind === 'Process' && typeof props.image === 'string') return baseName(props.image);
  if (kind === 'File' && typeof props.path === 'string') return baseName(props.path);
  if ((kind === 'Package' || kind === 'Host') && typeof props.name === 'string') return props.name;
  return key;
}

function propertiesOf(kind: string, props: Record<string, unknown>): EvidenceNode['properties'] {
  return (shownProperties[kind] ?? [])
    .filter((name) => props[name] !== null && props[name] !== undefined)
    .map((name) => ({ name, value: timeProperties.has(name) ? new Date(props[name] as number).toISOString() : String(props[name]) }));
}

/** One node per evidence entity (even one gone from the graph), plus the linking processes and the host of packages. */
export function assembleEvidenceGraph(evidence: EvidenceStep[], rows: GraphRows): EvidenceGraph {
  const links = new Set(rows.linkUids);
  const nodes = new Map(rows.nodes.map((row) => [nodeId(row.kind, row.key), graphNode(row, links.has(row.key))]));
  for (const [id, steps] of stepsByNode(evidence)) nodes.set(id, withSteps(nodes.get(id) ?? goneNode(steps[0]!), steps));
  const edges = rows.edges.map((e) => ({
    from: nodeId(e.fromKind, e.fromKey), to: nodeId(e.toKind, e.toKey), type: e.type, ts: e.ts, lastTs: e.lastTs, count: e.count,
    label: e.labels.length > 0 ? e.labels.join(', ') : null,
  }));
  return { nodes: [...nodes.values()].sort(byStageThenTime), edges: edges.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0)) };
}

function graphNode(row: GraphRows['nodes'][number], isLink: boolean): EvidenceNode {
  return {
    id: nodeId(row.kind, row.key), kind: row.kind, key: row.key, name: nameOf(row.kind, row.key, row.properties), label: null,
    roles: isLink && row.kind === 'Process' ? ['link'] : [], stage: null,
    ts: typeof row.properties.startTs === 'number' ? row.properties.startTs : null, inGraph: true, properties: propertiesOf(row.kind, row.properties),
  };
}

/** An evidence entity no longer in the graph (retention): only what the evidence says. */
function goneNode(step: EvidenceStep): EvidenceNode {
  return { id: nodeId(step.kind, step.key), kind: step.kind, key: step.key, name: step.key, label: null, roles: [], stage: null, ts: null, inGraph: false, properties: [] };
}

function stepsByNode(evidence: EvidenceStep[]): Map<string, EvidenceStep[]> {
  const steps = new Map<string, EvidenceStep[]>();
  for (const step of evidence) steps.set(nodeId(step.kind, step.key), [...(steps.get(nodeId(step.kind, step.key)) ?? []), step]);
  return steps;
}

/** First label, every role, lowest stage, earliest evidence time (else the entity's start). */
function withSteps(node: EvidenceNode, steps: EvidenceStep[]): EvidenceNode {
  const times = steps.map((s) => s.ts).filter((t): t is number => t !== null);
  return {
    ...node,
    label: steps[0]!.label,
    roles: [...new Set(steps.map((s) => s.role))],
    stage: Math.min(...steps.map((s) => s.stage)),
    ts: times.length > 0 ? Math.min(...times) : node.ts,
  };
}

function byStageThenTime(a: EvidenceNode, b: EvidenceNode): number {
  return (a.stage ?? 99) - (b.stage ?? 99) || (a.ts ?? 0) - (b.ts ?? 0) || a.id.localeCompare(b.id);
}

/** The keys of each kind the evidence names, for the graph query. */
export function evidenceKeys(evidence: EvidenceStep[]): Record<'Process' | 'File' | 'IP' | 'Package', string[]> {
  const keys = (kind: string) => [...new Set(evidence.filter((e) => e.kind === kind).map((e) => e.key))];
  return { Process: keys('Process'), File: keys('File'), IP: keys('IP'), Package: keys('Package') };
}
