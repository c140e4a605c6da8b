import { isIP } from 'node:net';
import neo4j, { type Driver, type Integer } from 'neo4j-driver';
import { normalizePath } from '../adapters/identity.js';
import { InputError } from '../errors.js';
import { cypher } from '../graph/cypher.js';
import type { ProcessRun } from './pivotService.js';

/** The most rows any list of a pivot returns. */
export const MAX_PIVOT_ROWS = 500;

type Seen = { firstSeen: number | null; lastSeen: number | null };

export interface PathPivot extends Seen {
  path: string;
  prevalence: number;
  hosts: Array<Seen & { hostId: string; path: string; writes: number; runs: number; loads: number; deletes: number }>;
  contents: Array<Seen & { sha256: string; hosts: number }>;
  writers: Array<Seen & { hostId: string; image: string | null; sha256: string | null; ops: string[]; processes: number; writes: number }>;
}

export interface FileNamePivot extends Seen {
  name: string;
  prevalence: number;
  paths: number;
  contents: number;
  groups: Array<Seen & { path: string; sha256: string | null; hosts: number; hostIds: string[] }>;
}

export interface SignerPivot extends Seen {
  name: string;
  prevalence: number;
  sightings: number;
  teamIds: string[];
  signatures: Array<{ signer: string; status: string | null; signed: boolean | null; count: number }>;
  binaries: Array<Seen & { sha256: string | null; paths: string[]; hosts: number; statuses: string[] }>;
  hosts: Array<Seen & { hostId: string; binaries: number; sightings: number }>;
}

export interface NetworkContact extends Seen {
  hostId: string;
  image: string | null;
  sha256: string | null;
  via: string[];
  processes: number;
  events: number;
  ports: number[];
}

export interface Resolution {
  name: string;
  address: string;
  firstSeen: number | null;
}

export interface DomainPivot extends Seen {
  name: string;
  prevalence: number;
  contactCount: number;
  contacts: NetworkContact[];
  resolutions: Resolution[];
}

export interface IpPivot extends Omit<DomainPivot, 'name'> {
  address: string;
  holders: Array<Seen & { hostId: string }>;
}

/**
 * Owns the hunters' pivots from a path, a file name, a signer, a domain or an address
 * (cypher/pivots): the same questions as the binary pivot, from other starting points.
 */
export class EntityPivotService {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  async path(path: string, limit: number): Promise<PathPivot | undefined> {
    const params = { ...pathLookup(path), limit: rowLimit(limit) };
    const summary = (await this.read('pivots/path-summary', params))[0]!;
    if (summary.prevalence === 0) return undefined;
    const writers = await this.read('pivots/path-writers', params);
    return { path, ...(summary as Omit<PathPivot, 'path' | 'writers'>), writers: writers.map((r) => r.writer as PathPivot['writers'][number]) };
  }

  async pathProcesses(path: string, limit: number): Promise<ProcessRun[]> {
    const rows = await this.read('pivots/path-processes', { ...pathLookup(path), limit: rowLimit(limit) });
    return rows.map((r) => ({
      process: r.process as ProcessRun['process'],
      children: (r.children as ProcessRun['children']).filter((c) => c.uid !== null),
      connections: (r.connections as ProcessRun['connections']).filter((c) => c.ip !== null),
    }));
  }

  async fileName(name: string, limit: number): Promise<FileNamePivot | undefined> {
    const key = fileNameKey(name);
    const row = (await this.read('pivots/file-name', { name: key, limit: rowLimit(limit) }))[0]! as Omit<FileNamePivot, 'name'>;
    if (row.prevalence === 0) return undefined;
    return { name: key, ...row, groups: row.groups.map((g) => ({ ...g, hostIds: g.hostIds.sort() })) };
  }

  async signer(name: string, limit: number): Promise<SignerPivot | undefined> {
    const signer = requireText('name', name);
    const row = (await this.read('pivots/signer', { name: signer, limit: rowLimit(limit) }))[0]! as Omit<SignerPivot, 'name'>;
    if (row.sightings === 0) return undefined;
    const binaries = row.binaries.map((b) => ({ ...b, paths: b.paths.sort(), statuses: b.statuses.sort() }));
    return { name: signer, ...row, teamIds: row.teamIds.sort(), binaries };
  }

  async domain(name: string, limit: number): Promise<DomainPivot | undefined> {
    const domain = requireText('name', name).toLowerCase().replace(/\.$/, '');
    const row = (await this.read('pivots/domain', { name: domain, limit: rowLimit(limit) }))[0] as DomainPivot | undefined;
    return row && { ...row, contacts: row.contacts.map(sortedContact) };
  }

  async ip(address: string, limit: number): Promise<IpPivot | undefined> {
    const ip = requireText('address', address).toLowerCase();
    if (isIP(ip) === 0) throw new InputError(`address must be an IPv4 or IPv6 address, got '${address}'`);
    const row = (await this.read('pivots/ip', { address: ip, limit: rowLimit(limit) }))[0] as IpPivot | undefined;
    return row && { ...row, contacts: row.contacts.map(sortedContact) };
  }

  private async read(name: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    const { records } = await this.driver.executeQuery(cypher(name), params, { database: this.database, routing: 'READ' });
    return records.map((r) => r.toObject());
  }
}

/**
 * How a path given by a hunter finds its File nodes on every host: by the lower-cased keys of the
 * text index, then by identity (a Windows path compares case-insensitively and in any slash or
 * `\\?\` form, a POSIX path exactly), as `fileUid` builds it at ingest.
 */
export function pathLookup(path: string): { keys: string[]; identities: string[] } {
  const given = requireText('path', path);
  const windows = normalizePath(given, 'windows');
  const identities = [...new Set([given, windows])];
  return { keys: [...new Set(identities.map((p) => p.toLowerCase()))], identities };
}

/** File.name is the lower-cased last path component (baseName at ingest). */
export function fileNameKey(name: string): string {
  const key = requireText('name', name).toLowerCase();
  if (/[\\/]/.test(key)) throw new InputError(`name must be a file name without a folder, got '${name}'; use pathPivot for a full path`);
  return key;
}

export function rowLimit(limit: number): Integer {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PIVOT_ROWS) throw new InputError(`first must be between 1 and ${MAX_PIVOT_ROWS}, got ${limit}`);
  return neo4j.int(limit);
}

/** Cypher's collect(DISTINCT) has no order; answers should not change between calls. */
function sortedContact(c: NetworkContact): NetworkContact {
  return { ...c, via: c.via.sort(), ports: c.ports.sort((a, b) => a - b) };
}

function requireText(field: string, value: string): string {
  const text = value.trim();
  if (text.length === 0) throw new InputError(`${field} must not be empty`);
  return text;
}
