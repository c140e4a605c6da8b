import type { FileOp, NormalizedEvent } from '../../model/event.js';
import { baseOf, type Context } from './envelope.js';
import { requireBoolean } from './fields.js';
import { destinationPath, filePathAt } from './paths.js';
import { processRef } from './process.js';

function fileEvent(ctx: Context, op: FileOp, path: string, previousPath?: string): NormalizedEvent {
  return { ...baseOf(ctx, `file.${op}`), kind: 'file', op, actor: processRef(ctx, ctx.process, 'process'), path, previousPath };
}

export const createEvent = (ctx: Context) => fileEvent(ctx, 'create', destinationPath(ctx.body, 'event.create'));

/** write is one write(2); eslogger repeats it for every call, each a modify of the same file. */
export const writeEvent = (ctx: Context) => fileEvent(ctx, 'modify', filePathAt(ctx.body, 'target', 'event.write'));

export const unlinkEvent = (ctx: Context) => fileEvent(ctx, 'delete', filePathAt(ctx.body, 'target', 'event.unlink'));

export function renameEvent(ctx: Context): NormalizedEvent {
  const from = filePathAt(ctx.body, 'source', 'event.rename');
  return fileEvent(ctx, 'rename', destinationPath(ctx.body, 'event.rename'), from);
}

/** close only matters when the file was written through this descriptor (`modified`). */
export function closeEvent(ctx: Context): NormalizedEvent | undefined {
  if (!requireBoolean(ctx.body, 'modified', 'event.close')) return undefined;
  return fileEvent(ctx, 'modify', filePathAt(ctx.body, 'target', 'event.close'));
}
