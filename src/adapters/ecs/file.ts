import type { ParseOutcome } from '../adapter.js';
import type { FileOp, NormalizedEvent } from '../../model/event.js';
import { actorOf, baseOf, noActorReason, type Context } from './context.js';
import { hashesAt, keywords, lookup, requireText, textAt, type Obj } from './fields.js';
import { signatureOf } from './signature.js';

/**
 * event.action words per file op, first match wins (Auditbeat may list several, e.g. created +
 * updated). Elastic Endpoint: creation, modification, overwrite, rename, deletion,
 * extended_attributes_delete; Auditbeat file_integrity: created, updated, deleted, moved,
 * attributes_modified (Auditbeat's `moved` is decided by movedOp).
 */
const DELETED = /^(deletion|deleted|delete)$/;
const OPS_BY_ACTION: [FileOp, RegExp][] = [
  ['delete', DELETED],
  ['rename', /^(rename|renamed)$/],
  ['overwrite', /^overwrite$/],
  ['create', /^(creation|created|create)$/],
  ['modify', /^(modification|modified|updated|write)$/],
  ['metadata', /attribute|permission|owner|xattr|chmod|chown/],
];

/** event.type when the action says nothing known (ECS: creation, change, deletion). */
const OPS_BY_TYPE: Record<string, FileOp> = { creation: 'create', deletion: 'delete', change: 'modify' };

/** Auditbeat actions about Auditbeat itself, not the file: a hash type newly configured, the first scan's baseline. */
const NOT_FILE_CHANGES = new Set(['config_change', 'initial_scan']);

/** The record's actions that describe a change of the file. */
const changeActionsOf = (r: Obj): string[] => keywords(r, 'event.action').filter((a) => !NOT_FILE_CHANGES.has(a));

/** Why a record is not a file change the model can hold, if it is not. */
function notAFileChange(r: Obj): string | undefined {
  if (textAt(r, 'file.type')?.toLowerCase() === 'dir') return 'ecs file event on a directory is not modelled (only files are)';
  const actions = keywords(r, 'event.action');
  if (actions.length > 0 && changeActionsOf(r).length === 0) return `ecs file event '${actions.join(',')}' reports Auditbeat's own state (baseline scan, configuration), not a change of the file`;
  return undefined;
}

export function fileEvents(ctx: Context): ParseOutcome {
  const r = ctx.record;
  const notAChange = notAFileChange(r);
  if (notAChange) return { outcome: 'skipped', reason: notAChange };
  const op = fileOpOf(r);
  if (!op) return { outcome: 'skipped', reason: `ecs file event '${keywords(r, 'event.action')[0] ?? keywords(r, 'event.type')[0] ?? 'unknown'}' is not modelled` };
  // No actor when the sensor did not see the writer (Auditbeat file_integrity): the event still lands, on its host.
  const actor = actorOf(ctx);
  const path = requireText(r, 'file.path');
  const hashes = hashesAt(r, 'file.hash') ?? hashesAt(r, 'hash'); // Auditbeat 6.x put hashes at the top level
  const events: NormalizedEvent[] = [
    { ...baseOf(ctx, 'file'), kind: 'file', op, actor, path, previousPath: op === 'rename' ? previousPathOf(r) : undefined, hashes },
  ];
  // A file event that carries the file's signature (Elastic Endpoint on macOS and Windows) also says who signed it.
  const signature = signatureOf(r, 'file');
  if (signature) events.push({ ...baseOf(ctx, 'file.signature'), kind: 'file.signature', path, hashes, signature, actor });
  return { outcome: 'events', events };
}

function fileOpOf(r: Obj): FileOp | undefined {
  const actions = changeActionsOf(r);
  // A deletion among the actions wins; otherwise `moved` says which end of a move this path is.
  if (actions.includes('moved') && !actions.some((a) => DELETED.test(a))) return movedOp(r);
  for (const [op, pattern] of OPS_BY_ACTION) if (actions.some((a) => pattern.test(a))) return op;
  const types = keywords(r, 'event.type');
  // Elastic Endpoint 7.x macOS renames are type "change" with the old path in file.Ext.original.
  if (types.includes('change') && previousPathOf(r)) return 'rename';
  for (const type of ['deletion', 'creation', 'change']) if (types.includes(type)) return OPS_BY_TYPE[type];
  return undefined;
}

/**
 * Auditbeat's `moved` names one end of a move. Its inotify and FSEvents backends report it on the
 * path the file left (the new path comes as `created`), with no file metadata since nothing is
 * there any more: for that path it is a deletion. Its eBPF and kprobes backends report it on the
 * path the file arrived at, with the file's metadata: a rename whose old path is not given.
 */
function movedOp(r: Obj): FileOp {
  const fileIsThere = lookup(r, 'file.inode') !== undefined || lookup(r, 'file.mtime') !== undefined;
  return fileIsThere ? 'rename' : 'delete';
}

function previousPathOf(r: Obj): string | undefined {
  return textAt(r, 'file.Ext.original.path');
}

/** A DLL / dylib / shared-object load: Elastic's `library` events describe the module in `dll.*` (some exports in `file.*`). */
export function libraryEvents(ctx: Context): ParseOutcome {
  const r = ctx.record;
  const action = keywords(r, 'event.action')[0];
  if (action && action !== 'load') return { outcome: 'skipped', reason: `ecs library event '${action}' is not modelled` };
  const actor = actorOf(ctx);
  if (!actor) return { outcome: 'skipped', reason: noActorReason(ctx, 'library') };
  const owner = lookup(r, 'dll.path') === undefined && lookup(r, 'file.path') !== undefined ? 'file' : 'dll';
  const event: NormalizedEvent = {
    ...baseOf(ctx, 'module.load'),
    kind: 'module.load',
    actor,
    path: requireText(r, `${owner}.path`),
    hashes: hashesAt(r, `${owner}.hash`),
    signature: signatureOf(r, owner),
  };
  return { outcome: 'events', events: [event] };
}
