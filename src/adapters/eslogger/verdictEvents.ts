import { FieldError } from '../adapter.js';
import type { FileSignatureEvent, Hashes, Signature } from '../../model/event.js';
import { compact, processSignature } from './codesign.js';
import { baseOf, type Context } from './envelope.js';
import { isObj, optionalString, requireBoolean, requireString, shown, type Obj } from './fields.js';
import { filePath } from './paths.js';
import { processRef } from './process.js';

/**
 * Verdicts of macOS's own verifiers, as `file.signature` events: Gatekeeper overrides (macOS 15+),
 * XProtect detections and remediations (macOS 13+), and a process whose code signature the kernel
 * invalidated at run time (`cs_invalidated`: a page did not match its signed hash).
 */
function verdictEvent(ctx: Context, path: string, verdict: string, signature: Signature, hashes?: Hashes): FileSignatureEvent {
  return { ...baseOf(ctx, 'file.signature'), kind: 'file.signature', path, hashes, signature, verdict, actor: processRef(ctx, ctx.process, 'process') };
}

/** The user allowed a file Gatekeeper had blocked. `file` is a path string or an `es_file_t`, or null. */
export function gatekeeperOverrideEvent(ctx: Context): FileSignatureEvent | undefined {
  const base = 'event.gatekeeper_user_override';
  const path = overriddenPath(ctx.body, base);
  if (path === undefined) return undefined;
  return verdictEvent(ctx, path, 'user override', signingInfo(ctx.body, base) ?? {}, sha256Of(ctx.body, base));
}

function overriddenPath(body: Obj, base: string): string | undefined {
  const file = body.file;
  if (file === undefined || file === null || file === '') return undefined;
  if (typeof file === 'string') return file;
  if (isObj(file)) return filePath(file, `${base}.file`);
  throw new FieldError(`${base}.file`, `must be a path or a file object, got ${shown(file)}`);
}

/** `signing_info` is null when Gatekeeper had none; its cdhash has no place in the model. */
function signingInfo(body: Obj, base: string): Signature | undefined {
  const info = body.signing_info;
  if (info === undefined || info === null) return undefined;
  if (!isObj(info)) throw new FieldError(`${base}.signing_info`, `must be an object, got ${shown(info)}`);
  const where = `${base}.signing_info`;
  return compact({ signed: true, signingId: optionalString(info, 'signing_id', where), teamId: optionalString(info, 'team_id', where) });
}

function sha256Of(body: Obj, base: string): Hashes | undefined {
  const sha256 = optionalString(body, 'sha256', base);
  if (sha256 === undefined) return undefined;
  if (!/^[0-9a-f]{64}$/i.test(sha256)) throw new FieldError(`${base}.sha256`, `must be 64 hex digits, got ${shown(sha256)}`);
  return { sha256: sha256.toLowerCase() };
}

/** `detected_executable` (message version 10+) is the binary inside a detected app bundle. */
export function malwareDetectedEvent(ctx: Context): FileSignatureEvent {
  const base = 'event.xp_malware_detected';
  const path = optionalString(ctx.body, 'detected_executable', base) ?? requireString(ctx.body, 'detected_path', base);
  return verdictEvent(ctx, path, 'malware', {});
}

export function malwareRemediatedEvent(ctx: Context): FileSignatureEvent | undefined {
  const base = 'event.xp_malware_remediated';
  const success = requireBoolean(ctx.body, 'success', base);
  const path = optionalString(ctx.body, 'remediated_path', base);
  if (path === undefined) return undefined;
  return verdictEvent(ctx, path, success ? 'remediated' : 'remediation failed', {});
}

/** The acting process's own executable lost its valid signature while running. */
export function codeSigningInvalidatedEvent(ctx: Context): FileSignatureEvent {
  const actor = processRef(ctx, ctx.process, 'process');
  const signature = { ...processSignature(ctx.process, 'process'), signed: true, status: 'invalid' };
  return verdictEvent(ctx, actor.image, 'cs invalidated', signature);
}
