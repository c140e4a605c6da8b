import { FieldError, type ParseOutcome, type Skipped } from '../adapter.js';
import type { FileOp, NormalizedEvent, ProcessRef } from '../../model/event.js';
import { baseOf, processRefAt, processUidAt, type Context } from './context.js';
import { integerAt, objectAt, requireObject, requireText, textAt, type Obj } from './fields.js';
import { hashesAt, signatureAt } from './fileFacts.js';

/**
 * The acting process of a file or module event. OCSF requires `actor` there; an actor that is only
 * a user, or a process without uid and without pid + created_time, is a known shape the model
 * cannot take (its events need an acting process), so it is skipped rather than rejected.
 */
function actingProcess(ctx: Context, className: string): ProcessRef | Skipped {
  requireObject(ctx.record, 'actor');
  const actor = processRefAt(ctx, 'actor.process');
  if (actor) return actor;
  return { outcome: 'skipped', reason: `ocsf ${className} event names no actor.process with a uid, or a pid and created_time: the event model needs an acting process` };
}

const isSkipped = (value: ProcessRef | Skipped): value is Skipped => 'outcome' in value;

/**
 * File System Activity. For a rename, `file` is the file as it was and `file_result` the file
 * after; hashes and signature are taken from the result when there is one (the content now on disk).
 * A file that carries its signature also yields a file.signature event, as the ECS adapter does.
 */
export function fileEvents(op: FileOp) {
  return (ctx: Context): ParseOutcome => {
    const r = ctx.record;
    requireObject(r, 'file');
    const actor = actingProcess(ctx, 'File System Activity');
    if (isSkipped(actor)) return actor;
    const renamedTo = op === 'rename' ? objectAt(r, 'file_result') : undefined;
    const path = requireText(r, renamedTo ? 'file_result.path' : 'file.path');
    const previousPath = renamedTo ? textAt(r, 'file.path') : undefined;
    const hashes = hashesAt(r, 'file_result.hashes') ?? hashesAt(r, 'file.hashes');
    const events: NormalizedEvent[] = [{ ...baseOf(ctx, 'file'), kind: 'file', op, actor, path, previousPath, hashes }];
    const signature = signatureAt(r, 'file_result.signature') ?? signatureAt(r, 'file.signature');
    if (signature) events.push({ ...baseOf(ctx, 'file.signature'), kind: 'file.signature', path, hashes, signature, actor });
    return { outcome: 'events', events };
  };
}

/** Module Activity: Load. The module's file is `module.file`. */
export function moduleLoad(ctx: Context): ParseOutcome {
  const r = ctx.record;
  requireObject(r, 'module');
  const actor = actingProcess(ctx, 'Module Activity');
  if (isSkipped(actor)) return actor;
  const event: NormalizedEvent = {
    ...baseOf(ctx, 'module.load'),
    kind: 'module.load',
    actor,
    path: requireText(r, 'module.file.path'),
    hashes: hashesAt(r, 'module.file.hashes'),
    signature: signatureAt(r, 'module.file.signature'),
  };
  return { outcome: 'events', events: [event] };
}

/**
 * Process Activity: Launch. The parent is `process.parent_process`; OCSF producers that know only
 * the creator put it in `actor.process`, which is the parent on all but deliberate Windows
 * parent spoofing, so it stands in when the parent is absent.
 */
export function processStart(ctx: Context): ParseOutcome {
  const r = ctx.record;
  requireObject(r, 'process');
  const uid = processUidAt(ctx, 'process', ctx.ts);
  if (!uid) throw new FieldError('process.uid', 'is missing, and there is no process.pid to stand in for it');
  const event: NormalizedEvent = {
    ...baseOf(ctx, 'process.start'),
    kind: 'process.start',
    process: {
      uid,
      pid: integerAt(r, 'process.pid'),
      image: requireText(r, 'process.file.path'),
      commandLine: textAt(r, 'process.cmd_line'),
      user: userAt(r, 'process.user'),
      hashes: hashesAt(r, 'process.file.hashes'),
      signature: signatureAt(r, 'process.file.signature'),
    },
    parent: processRefAt(ctx, 'process.parent_process') ?? processRefAt(ctx, 'actor.process'),
  };
  return { outcome: 'events', events: [event] };
}

/** Process Activity: Terminate. The event time is the end, so it cannot stand in for the start. */
export function processEnd(ctx: Context): ParseOutcome {
  requireObject(ctx.record, 'process');
  const process = processRefAt(ctx, 'process');
  if (!process) return { outcome: 'skipped', reason: 'ocsf Process Activity Terminate names no process.uid, nor process.pid with process.created_time: the process cannot be identified' };
  return { outcome: 'events', events: [{ ...baseOf(ctx, 'process.end'), kind: 'process.end', process }] };
}

/** DOMAIN\user as Windows (and Sysmon) write it; the bare name elsewhere. */
function userAt(r: Obj, path: string): string | undefined {
  const name = textAt(r, `${path}.name`);
  const domain = textAt(r, `${path}.domain`);
  return name && domain ? `${domain}\\${name}` : name;
}
