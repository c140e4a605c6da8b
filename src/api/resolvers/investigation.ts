import { GraphQLError } from 'graphql';
import { hostKey } from '../../adapters/identity.js';
import type { EvidenceStep } from '../../analytics/findings.js';
import type { FindingStatus, StoredFinding } from '../../services/findingsService.js';
import { InvestigationService, type HostEvent, type HostEventKind, type HostFacts, type ProcessFacts } from '../../services/investigationService.js';
import type { ApiContext } from '../context.js';
import { decodePosition, depth, encodePosition, eventKinds, inRange, length, limits, page, patternRange, timeRange } from './investigationArgs.js';

const investigation = (ctx: ApiContext) => new InvestigationService(ctx.driver, ctx.database);
const baseName = (path: string) => path.split(/[\\/]/).pop() || path;

interface SpawnedAfterWriteArgs {
  pathFragment: string;
  image: string;
  withinMinutes: number;
  since?: number | null;
  until?: number | null;
  hostId?: string | null;
  writerChildrenOnly: boolean;
  first: number;
}

export const investigationQuery = {
  process: (_: unknown, args: { uid: string }, ctx: ApiContext) => investigation(ctx).process(length('process', 'uid', args.uid, { min: 1, max: 1_000 })),

  host(_: unknown, args: { id?: string | null; name?: string | null }, ctx: ApiContext) {
    const given = [args.id, args.name].filter((v) => v !== null && v !== undefined);
    if (given.length !== 1) throw new GraphQLError(`host: give exactly one of id or name, got ${given.length === 0 ? 'neither' : 'both'}`);
    if (args.id != null) return investigation(ctx).hostById(hostKey(length('host', 'id', args.id, limits.hostKey)));
    return hostByName(ctx, length('host', 'name', args.name!, limits.hostKey));
  },

  spawnedAfterWrite(_: unknown, args: SpawnedAfterWriteArgs, ctx: ApiContext) {
    const field = 'spawnedAfterWrite';
    const image = length(field, 'image', args.image, limits.image);
    if (/[\\/]$/.test(image)) throw new GraphQLError(`${field}: image must name a file (msiexec.exe, or a full path to one), got '${image}'`);
    return investigation(ctx).spawnedAfterWrite({
      pathFragment: length(field, 'pathFragment', args.pathFragment, limits.pathFragment),
      image,
      withinMs: inRange(field, 'withinMinutes', args.withinMinutes, 1, limits.withinMinutes) * 60_000,
      ...patternRange(field, args.since, args.until),
      hostId: args.hostId == null ? undefined : hostKey(length(field, 'hostId', args.hostId, limits.hostKey)),
      writerChildrenOnly: args.writerChildrenOnly,
      first: page(field, args.first),
    });
  },
};

/** A name is the host's as reported (any case falls back to the id, a lower-cased name); several hosts of one name need an id. */
async function hostByName(ctx: ApiContext, name: string): Promise<HostFacts | undefined> {
  const hosts = await investigation(ctx).hostsByName(name);
  if (hosts.length > 1) throw new GraphQLError(`host: name '${name}' matches ${hosts.length} hosts (${hosts.map((h) => h.id).join(', ')}); ask by id`);
  return hosts[0] ?? investigation(ctx).hostById(hostKey(name));
}

const started = (p: { startTs: number | null }) => p.startTs;
const time = (x: { ts: number | null }) => x.ts;

export const processViewFields = {
  started,
  ended: (p: ProcessFacts) => p.endTs,
  ancestors: (p: ProcessFacts, args: { depth: number }, ctx: ApiContext) => investigation(ctx).ancestors(p.uid, depth('ancestors', args.depth)),
  descendants: (p: ProcessFacts, args: { depth: number; first: number }, ctx: ApiContext) =>
    investigation(ctx).descendants(p.uid, depth('descendants', args.depth), page('descendants', args.first)),
  writes: (p: ProcessFacts, args: { first: number }, ctx: ApiContext) => investigation(ctx).writes(p.uid, page('writes', args.first)),
  loads: (p: ProcessFacts, args: { first: number }, ctx: ApiContext) => investigation(ctx).loads(p.uid, page('loads', args.first)),
  connections: (p: ProcessFacts, args: { first: number }, ctx: ApiContext) => investigation(ctx).connections(p.uid, page('connections', args.first)),
  dnsQueries: (p: ProcessFacts, args: { first: number }, ctx: ApiContext) => investigation(ctx).dnsQueries(p.uid, page('dnsQueries', args.first)),
  findings: (p: ProcessFacts, _: unknown, ctx: ApiContext) => investigation(ctx).processFindings(p.uid),
};

interface RangeArgs {
  since?: number | null;
  until?: number | null;
  first: number;
}

export const hostViewFields = {
  ips: (h: HostFacts, _: unknown, ctx: ApiContext) => investigation(ctx).hostIps(h.id),

  async timeline(h: HostFacts, args: RangeArgs & { kinds?: HostEventKind[] | null; after?: string | null }, ctx: ApiContext) {
    const q = { ...timeRange('timeline', args.since, args.until), kinds: eventKinds('timeline', args.kinds), first: page('timeline', args.first) };
    const result = await investigation(ctx).timeline(h.id, { ...q, after: args.after ? decodePosition('timeline', args.after) : undefined });
    const last = result.events.at(-1);
    return { events: result.events, pageInfo: { hasNextPage: result.hasNextPage, endCursor: last ? encodePosition(last) : null } };
  },

  async installs(h: HostFacts, args: RangeArgs, ctx: ApiContext) {
    const q = { ...timeRange('installs', args.since, args.until), kinds: ['packageInstall'] as const, first: page('installs', args.first) };
    return (await investigation(ctx).timeline(h.id, q)).events;
  },

  /** This host's findings, by its id: a namesake host's never crowd a page. */
  async findings(h: HostFacts, args: { status?: string | null; first: number }, ctx: ApiContext) {
    const status = args.status?.toLowerCase() as FindingStatus | undefined;
    return (await ctx.findings.list({ hostId: h.id, status }, page('findings', args.first))).items;
  },
};

const actor = (e: HostEvent) => (e.image ? baseName(e.image) : e.processUid ? e.processUid : 'the host');
const destination = (e: HostEvent) => (e.hostname ? `${e.hostname as string} (${e.target})` : e.target) + (e.port ? `:${e.port as number}` : '');

/** One line per event, for a timeline view. */
const summaries: Record<HostEventKind, (e: HostEvent) => string> = {
  processStart: (e) => `started ${(e.commandLine as string | null) ?? e.image ?? e.processUid}`,
  fileWrite: (e) => `${actor(e)} wrote ${e.target} (${(e.op as string | null) ?? 'write'})`,
  moduleLoad: (e) => `${actor(e)} loaded ${e.target}${e.signed === false ? ' (unsigned)' : e.signer ? ` (signed by ${e.signer as string})` : ''}`,
  network: (e) => `${actor(e)} connected to ${destination(e)}`,
  dns: (e) => `${actor(e)} queried ${e.target}`,
  packageInstall: (e) => `${(e.op as string | null) ?? 'changed'} ${e.target}${e.version ? ` ${e.version as string}` : ''}${e.repository ? ` from ${e.repository as string}` : ''}`,
};

export const hostEventFields = { time, summary: (e: HostEvent) => summaries[e.kind](e) };
export const packageChangeFields = { time, name: (e: HostEvent) => e.target };

/** Context of a finding: each part is read only when selected. */
interface FindingContext {
  finding: StoredFinding;
}

const stepOf = (f: StoredFinding, roles: string[]) => f.evidence.find((e) => e.kind === 'Process' && roles.includes(e.role));
const installerStep = (f: StoredFinding) => stepOf(f, ['installer']);
const firstRunStep = (f: StoredFinding) => stepOf(f, ['first-run', 'first-loader']);

/** The process as the graph knows it, else as the evidence described it (retention may have removed it). */
async function processSummary(ctx: ApiContext, step: EvidenceStep | undefined) {
  if (!step) return null;
  const known = await investigation(ctx).process(step.key);
  return known ?? { uid: step.key, parentUid: null, image: null, commandLine: step.label, user: null, startTs: step.ts };
}

export const findingInvestigationFields = {
  evidenceGraph: (f: StoredFinding, _: unknown, ctx: ApiContext) => ctx.loaders.evidenceGraph.load(f),
  context: (f: StoredFinding): FindingContext => ({ finding: f }),
};

export const findingContextFields = {
  installer: (c: FindingContext, _: unknown, ctx: ApiContext) => processSummary(ctx, installerStep(c.finding)),
  installerAncestors(c: FindingContext, args: { depth: number }, ctx: ApiContext) {
    const step = installerStep(c.finding);
    return step ? investigation(ctx).ancestors(step.key, depth('installerAncestors', args.depth)) : [];
  },
  firstRun: (c: FindingContext, _: unknown, ctx: ApiContext) => processSummary(ctx, firstRunStep(c.finding)),
  firstRunChildren(c: FindingContext, args: { first: number }, ctx: ApiContext) {
    const step = firstRunStep(c.finding);
    return step ? investigation(ctx).children([step.key], page('firstRunChildren', args.first)) : [];
  },
  otherConnections(c: FindingContext, args: { marginMinutes: number; first: number }, ctx: ApiContext) {
    const margin = inRange('otherConnections', 'marginMinutes', args.marginMinutes, 0, limits.marginMinutes);
    return investigation(ctx).otherConnections(c.finding, margin * 60_000, page('otherConnections', args.first));
  },
};

export const investigationTypes = {
  ProcessView: processViewFields,
  HostView: hostViewFields,
  HostEvent: hostEventFields,
  PackageChange: packageChangeFields,
  FindingContext: findingContextFields,
  RelatedProcess: { started },
  ProcessSummary: { started },
  FileWrite: { time },
  ModuleLoad: { time },
  NetworkConnection: { time },
  DnsQuery: { time },
  EvidenceNode: { time },
  EvidenceEdge: { time, lastTime: (e: { lastTs: number | null }) => e.lastTs },
  WriteEvent: { time },
  SpawnAfterWrite: { delayMs: (m: { write: { ts: number }; spawned: { startTs: number } }) => m.spawned.startTs - m.write.ts },
};
