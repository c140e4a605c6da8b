import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { cypherDir } from '../config/paths.js';

/** Fields of cypher/analytics/_shared/updaters.yaml that a tunable may draw its default from. */
export const catalogFields = ['updaterImages', 'signers', 'teamIds', 'updateHosts', 'repos', 'taps'] as const;
export type CatalogField = (typeof catalogFields)[number];

const vendorSchema = z.object({
  product: z.string(),
  platforms: z.array(z.enum(['windows', 'linux', 'macos'])).min(1),
  source: z.string(),
  updaterImages: z.array(z.string()).default([]),
  signers: z.array(z.string()).default([]),
  teamIds: z.array(z.string()).default([]),
  updateHosts: z.array(z.string()).default([]),
  repos: z.array(z.string()).default([]),
  taps: z.array(z.string()).default([]),
});

export type Vendor = z.infer<typeof vendorSchema>;

export const vendorCatalogFile = path.join(cypherDir, 'analytics', '_shared', 'updaters.yaml');
let cached: Vendor[] | undefined;

/** The curated vendor updaters (product, updater images, signers, hosts), validated once. */
export function vendorCatalog(): Vendor[] {
  if (cached) return cached;
  const parsed = z.object({ vendors: z.array(vendorSchema) }).safeParse(parseYaml(fs.readFileSync(vendorCatalogFile, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${vendorCatalogFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  cached = parsed.data.vendors;
  return cached;
}

/** Every value of one field across the vendors that ship for any of these platforms. */
export function catalogValues(field: CatalogField, platforms: string[]): string[] {
  const values = vendorCatalog()
    .filter((v) => v.platforms.some((p) => platforms.includes(p)))
    .flatMap((v) => v[field]);
  return [...new Set(values)];
}
