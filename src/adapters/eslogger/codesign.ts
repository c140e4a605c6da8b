import type { Signature } from '../../model/event.js';
import { optionalBoolean, optionalString, optionalUnsigned, type Obj } from './fields.js';

/**
 * Code-signing flags from xnu's `kern/cs_blobs.h`, as Endpoint Security reports them per process
 * (`codesigning_flags`). CS_VALID is the kernel's running verdict: it is cleared when a page whose
 * hash does not match is paged in, so a tampered binary shows as signed but not valid.
 */
export const CS_VALID = 0x1;
export const CS_ADHOC = 0x2;
export const CS_RUNTIME = 0x10000;
export const CS_PLATFORM_BINARY = 0x4000000;
export const CS_SIGNED = 0x20000000;

/**
 * Signature facts of an `es_process_t`. Status is "valid" only for a valid signature with an
 * identity; an ad hoc signature (no certificate, e.g. a locally re-signed app) is "adhoc", and a
 * signature the kernel no longer trusts is "invalid", so analytics comparing with "valid" flag both.
 * The cdhash has no place in the normalized model and is not kept.
 */
export function processSignature(proc: Obj, base: string): Signature | undefined {
  const flags = optionalUnsigned(proc, 'codesigning_flags', base);
  const signature: Signature = {
    ...verdictOfFlags(flags),
    teamId: optionalString(proc, 'team_id', base),
    signingId: optionalString(proc, 'signing_id', base),
    platformBinary: optionalBoolean(proc, 'is_platform_binary', base),
  };
  return compact(signature);
}

export function verdictOfFlags(flags: number | undefined): Pick<Signature, 'signed' | 'status'> {
  if (flags === undefined) return {};
  const has = (bit: number) => (flags & bit) !== 0;
  if (!has(CS_SIGNED) && !has(CS_VALID)) return { signed: false };
  if (!has(CS_VALID)) return { signed: true, status: 'invalid' };
  return { signed: true, status: has(CS_ADHOC) ? 'adhoc' : 'valid' };
}

/** Drops undefined members; undefined when nothing is left. */
export function compact(signature: Signature): Signature | undefined {
  const present = Object.entries(signature).filter(([, v]) => v !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as Signature) : undefined;
}
