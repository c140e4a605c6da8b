import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { cypherDir } from '../config/paths.js';
import { InputError } from '../errors.js';
import { catalogFields } from './vendorCatalog.js';

/**
 * An analytic is data plus queries: cypher/analytics/<ID>/analytic.yaml beside its .cypher files.
 * Adding one means adding a folder; this module finds and validates them all.
 */
const tunableSchema = z.object({
  param: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  as: z.enum(['ms', 'lower', 'globRegex', 'raw']),
  type: z.enum(['duration', 'list', 'number', 'string']),
  default: z.unknown(),
  /** Also draw the default from this field of the vendor updater catalog (updaters.yaml). */
  catalog: z.enum(catalogFields).optional(),
  description: z.string(),
});

const analyticSchema = z.object({
  id: z.string().regex(/^AN\d{4}$/),
  name: z.string(),
  strategy: z.string().optional(),
  technique: z.string().optional(),
  platforms: z.array(z.enum(['windows', 'linux', 'macos'])).min(1),
  description: z.string(),
  /**
   * What a finding hangs on: a written file (the DET0309 chains) or a process (msiexec runs).
   * Continuous evaluation seeds anchors from what a batch touched; a retro-hunt scans a window.
   */
  anchor: z
    .object({ kind: z.enum(['file', 'process']), imageNames: z.array(z.string()).default([]) })
    .default({ kind: 'file', imageNames: [] }),
  queries: z.object({ chain: z.string() }),
  falsePositives: z.array(z.string()).default([]),
  tunables: z.record(z.string(), tunableSchema),
  scoring: z.object({
    base: z.number().min(0).max(100),
    signals: z.record(z.string(), z.number().min(0).max(100)),
    /** Points a piece of context takes off (an approved signer): lowers, never hides. */
    mitigations: z.record(z.string(), z.number().min(0).max(100)).default({}),
  }),
});

export type Analytic = z.infer<typeof analyticSchema> & { dir: string };
export type Tunable = z.infer<typeof tunableSchema>;

let cached: Analytic[] | undefined;

/** PROVHUNT_ANALYTICS (comma-separated ids) runs only those analytics; unset runs all. */
function enabledIds(): Set<string> | undefined {
  const list = process.env.PROVHUNT_ANALYTICS?.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  return list && list.length > 0 ? new Set(list) : undefined;
}

export function loadCatalog(): Analytic[] {
  if (cached) return cached;
  const root = path.join(cypherDir, 'analytics');
  const enabled = enabledIds();
  cached = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_')) // _shared holds queries common to all
    .filter((d) => !enabled || enabled.has(d.name))
    .map((d) => loadAnalytic(path.join(root, d.name)))
    .sort((a, b) => a.id.localeCompare(b.id));
  const unknown = [...(enabled ?? [])].filter((id) => !cached!.some((a) => a.id === id));
  if (unknown.length > 0) throw new Error(`PROVHUNT_ANALYTICS names unknown analytics: ${unknown.join(', ')}`);
  return cached;
}

function loadAnalytic(dir: string): Analytic {
  const file = path.join(dir, 'analytic.yaml');
  const parsed = analyticSchema.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file}: invalid analytic: ${problems}`);
  }
  if (path.basename(dir) !== parsed.data.id) throw new Error(`${file}: id ${parsed.data.id} does not match its folder`);
  return { ...parsed.data, dir: path.basename(dir) };
}

/** One of an analytic's tunables by the seeds' name; an unknown name is the caller's mistake. */
export function tunableOf(analytic: Analytic, name: string): Tunable {
  const tunable = analytic.tunables[name];
  if (!tunable) throw new InputError(`${analytic.id} has no tunable '${name}' (has: ${Object.keys(analytic.tunables).join(', ')})`);
  return tunable;
}

export function analyticById(id: string): Analytic {
  const analytic = loadCatalog().find((a) => a.id === id.toUpperCase());
  if (!analytic) throw new InputError(`unknown analytic '${id}' (known: ${loadCatalog().map((a) => a.id).join(', ')})`);
  return analytic;
}
