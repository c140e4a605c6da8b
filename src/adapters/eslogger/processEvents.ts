import type { NormalizedEvent } from '../../model/event.js';
import { baseOf, type Context } from './envelope.js';
import { requireObject } from './fields.js';
import { commandLineOf, processInfo, processRef } from './process.js';

/** exec: the new image (`event.exec.target`) starts; its parent is the image that called exec. */
export function execEvent(ctx: Context): NormalizedEvent {
  const target = requireObject(ctx.body, 'target', 'event.exec');
  return {
    ...baseOf(ctx, 'process.start'),
    kind: 'process.start',
    process: processInfo(ctx, target, 'event.exec.target', commandLineOf(ctx.body.args, 'event.exec.args')),
    parent: processRef(ctx, ctx.process, 'process'),
  };
}

/** fork: the child starts running its parent's image, under an audit token of its own. */
export function forkEvent(ctx: Context): NormalizedEvent {
  const child = requireObject(ctx.body, 'child', 'event.fork');
  return {
    ...baseOf(ctx, 'process.start'),
    kind: 'process.start',
    process: processInfo(ctx, child, 'event.fork.child', undefined),
    parent: processRef(ctx, ctx.process, 'process'),
  };
}

export function exitEvent(ctx: Context): NormalizedEvent {
  return { ...baseOf(ctx, 'process.end'), kind: 'process.end', process: processRef(ctx, ctx.process, 'process') };
}
