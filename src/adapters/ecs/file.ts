import type { ParseOutcome } from '../adapter.js';
import type { FileOp, NormalizedEvent } from '../../model/event.js';
import { actorOf, baseOf, noActorReason, type Context } from './context.js';
import { hashesAt, keywords, lookup, requireText, textAt, type Obj } from './fields.js';
import { signatureOf } from './signature.js';

/**
 * event.action words per file op, first match wins (Auditbeat may list several, e.g. created +
 * updated). Elastic Endpoint: creation, modification, overwrite, rename, deletion,
 * extended_attributes_delete; Auditbeat file_integrity: created, updated, deleted, moved,
 * attributes_modified. Auditbeat's `moved` is reported on the path the file left (the new path
 * comes as `created`), so for that path it is a deletion.
 */
const OPS_BY_ACTION: [FileOp, RegExp][] = [
  ['delete', /^(deletion|deleted|delete|moved)$/],
  ['rename', /^(rename|renamed)$/],
  ['overwrite', /^overwrite$/],
  ['create', /^(creation|created|create)$/],
  ['modify', /^(modification|modified|updated|write)$/],
  ['metadata', /attribute|permission|owner|xattr|chmod|chown/],
];

/** event.type when the action says nothing known (ECS: creation, change, deletion). */
const OPS_BY_TYPE: Record<string, FileOp> = { creation: 'create', deletion: 'delete', change: 'modify' };

export function fileEvents(ctx: Context): ParseOutcome {
  const r = ctx.record;
  const op = fileOpOf(r);
  if (!op) return { outcome: 'skipped', reason: `ecs file event '${keywords(r, 'event.action')[0] ?? keywords(r, 'event.type')[0] ?? 'unknown'}' is not modelled` };
  const actor = actorOf(ctx);
  if (!actor) return { outcome: 'skipped', reason: noActorReason(ctx, 'file') };
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
  const actions = keywords(r, 'event.action');
  for (const [op, pattern] of OPS_BY_ACTION) if (actions.some((a) => pattern.test(a))) return op;
  const types = keywords(r, 'event.type');
  // Elastic Endpoint 7.x macOS renames are type "change" with the old path in file.Ext.original.
  if (types.includes('change') && previousPathOf(r)) return 'rename';
  for (const type of ['deletion', 'creation', 'change']) if (types.includes(type)) return OPS_BY_TYPE[type];
  return undefined;
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
