import { FieldError, type ParseOutcome } from '../adapter.js';
import { processUid } from '../identity.js';
import type { ProcessRef } from '../../model/event.js';
import { baseOf, noActorReason, pidOf, processUidOf, type Context } from './context.js';
import { hashesAt, keywords, lookup, requireText, text, textAt, type Obj } from './fields.js';
import { signatureOf } from './signature.js';

const START_ACTIONS = new Set(['start', 'exec', 'fork', 'process_started', 'created-process', 'executed']);
const END_ACTIONS = new Set(['end', 'exit', 'process_stopped', 'terminated-process', 'exited-process']);

/** Process start and end; snapshots of running processes (existing_process, already_running) and changes are skipped. */
export function processEvents(ctx: Context): ParseOutcome {
  const types = keywords(ctx.record, 'event.type');
  const actions = keywords(ctx.record, 'event.action');
  if (types.includes('start') || actions.some((a) => START_ACTIONS.has(a))) return processStart(ctx);
  if (types.includes('end') || actions.some((a) => END_ACTIONS.has(a))) return processEnd(ctx);
  return { outcome: 'skipped', reason: `ecs process event '${actions[0] ?? types[0] ?? 'unknown'}' is not modelled` };
}

function processStart(ctx: Context): ParseOutcome {
  const r = ctx.record;
  const uid = processUidOf(ctx, 'process', ctx.ts);
  if (!uid) throw new FieldError('process.entity_id', 'is missing, and there is no process.pid to stand in for it');
  const event = {
    ...baseOf(ctx, 'process.start'),
    kind: 'process.start' as const,
    process: {
      uid,
      pid: pidOf(r, 'process'),
      image: requireText(r, 'process.executable'),
      commandLine: commandLineOf(r),
      user: userOf(r),
      hashes: hashesAt(r, 'process.hash'),
      signature: signatureOf(r, 'process'),
    },
    parent: parentOf(ctx),
  };
  return { outcome: 'events', events: [event] };
}

function processEnd(ctx: Context): ParseOutcome {
  const uid = processUidOf(ctx, 'process');
  if (!uid) return { outcome: 'skipped', reason: noActorReason(ctx, 'process end') };
  const process: ProcessRef = { uid, pid: pidOf(ctx.record, 'process'), image: textAt(ctx.record, 'process.executable') };
  return { outcome: 'events', events: [{ ...baseOf(ctx, 'process.end'), kind: 'process.end', process }] };
}

/** Auditbeat writes args but no command line; joining them loses only the original quoting. */
function commandLineOf(r: Obj): string | undefined {
  const commandLine = textAt(r, 'process.command_line');
  if (commandLine) return commandLine;
  const args = lookup(r, 'process.args');
  const parts = Array.isArray(args) ? args.map(text).filter((a): a is string => a !== undefined) : [];
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** DOMAIN\user as Windows (and Sysmon) write it; the bare name elsewhere. */
function userOf(r: Obj): string | undefined {
  const name = textAt(r, 'user.name');
  const domain = textAt(r, 'user.domain');
  return name && domain ? `${domain}\\${name}` : name;
}

function parentOf(ctx: Context): ProcessRef | undefined {
  const preExec = preExecImage(ctx);
  if (preExec) return preExec;
  const uid = processUidOf(ctx, 'process.parent');
  return uid ? { uid, pid: pidOf(ctx.record, 'process.parent'), image: textAt(ctx.record, 'process.parent.executable') } : undefined;
}

/**
 * Elastic Endpoint 7.x on macOS gives a process a new entity_id at exec, and its exec event names
 * the pre-exec image of the SAME pid as parent.entity_id, while parent.pid / parent.executable
 * describe the real parent (the ppid), whose entity_id is second in process.Ext.ancestry. Linking
 * the new image to the real parent keeps installer → script → child one SPAWNED hop apart, as
 * Sysmon's ParentProcessGuid does. Endpoint entity ids there are base64 of "<agent.id>-<pid>-<start>".
 */
function preExecImage(ctx: Context): ProcessRef | undefined {
  const r = ctx.record;
  const agentId = textAt(r, 'agent.id');
  const parentEntity = textAt(r, 'process.parent.entity_id');
  const pid = pidOf(r, 'process');
  if (!agentId || !parentEntity || pid === undefined || entityPid(parentEntity, agentId) !== pid) return undefined;
  const ancestry = lookup(r, 'process.Ext.ancestry');
  const realParent = Array.isArray(ancestry) && text(ancestry[0]) === parentEntity ? text(ancestry[1]) : undefined;
  const parentPid = pidOf(r, 'process.parent');
  if (realParent && parentPid !== undefined && entityPid(realParent, agentId) === parentPid) {
    return { uid: processUid(ctx.host.id, realParent), pid: parentPid, image: textAt(r, 'process.parent.executable') };
  }
  // The real parent is unknown: keep the pre-exec image, without the parent's pid and path that are not its own.
  return { uid: processUid(ctx.host.id, parentEntity), pid };
}

function entityPid(entityId: string, agentId: string): number | undefined {
  const decoded = Buffer.from(entityId, 'base64').toString('utf8');
  if (!decoded.startsWith(`${agentId}-`)) return undefined;
  const m = /^(\d+)-\d+(?:\.\d+)?$/.exec(decoded.slice(agentId.length + 1));
  return m ? Number(m[1]) : undefined;
}
