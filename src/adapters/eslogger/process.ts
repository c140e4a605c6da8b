import { FieldError } from '../adapter.js';
import { processUid } from '../identity.js';
import type { ProcessInfo, ProcessRef } from '../../model/event.js';
import { processSignature } from './codesign.js';
import type { Context } from './envelope.js';
import { optionalUnsigned, pathOf, requireObject, requireUnsigned, shown, type Obj } from './fields.js';
import { filePath } from './paths.js';

/**
 * A process execution is (pid, pidversion) from its audit token: pidversion changes with every
 * exec, so the image before and after an exec are two processes, the first the parent of the second.
 */
export function auditTokenUid(ctx: Context, token: Obj, base: string): { uid: string; pid: number } {
  const pid = requireUnsigned(token, 'pid', base);
  const pidversion = requireUnsigned(token, 'pidversion', base);
  return { uid: processUid(ctx.host.id, `at:${pid}:${pidversion}`), pid };
}

/** An `es_process_t` as a reference: identity, pid and executable. */
export function processRef(ctx: Context, proc: Obj, base: string): ProcessRef & { image: string } {
  const { uid, pid } = auditTokenUid(ctx, requireObject(proc, 'audit_token', base), pathOf(base, 'audit_token'));
  return { uid, pid, image: filePath(requireObject(proc, 'executable', base), pathOf(base, 'executable')) };
}

/** An `es_process_t` that starts: with its command line, effective uid and code signature. */
export function processInfo(ctx: Context, proc: Obj, base: string, commandLine: string | undefined): ProcessInfo {
  const ref = processRef(ctx, proc, base);
  // eslogger gives numeric ids only; the effective uid is kept as its decimal text.
  const euid = optionalUnsigned(proc.audit_token as Obj, 'euid', pathOf(base, 'audit_token'));
  return { ...ref, commandLine, user: euid === undefined ? undefined : String(euid), signature: processSignature(proc, base) };
}

/** exec's `args` (argv, argv[0] included) as one POSIX-shell-quoted line, so `sh -c 'curl … | sh'` reads as run. */
export function commandLineOf(args: unknown, field: string): string | undefined {
  if (args === undefined || args === null) return undefined;
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw new FieldError(field, `must be an array of strings, got ${shown(args)}`);
  return args.length > 0 ? (args as string[]).map(shellQuoted).join(' ') : undefined;
}

function shellQuoted(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
