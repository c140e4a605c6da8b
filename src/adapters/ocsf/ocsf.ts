import { guard, type ParseOutcome, type SourceAdapter } from '../adapter.js';
import { contextOf, type Context } from './context.js';
import { isObj, requireInteger, textAt, type Obj } from './fields.js';
import { connection, dnsQuery } from './network.js';
import { fileEvents, moduleLoad, processEnd, processStart } from './system.js';

/**
 * Open Cybersecurity Schema Framework 1.x events: File System, Module and Process Activity
 * (System Activity category) and Network and DNS Activity (Network Activity category).
 */
export const ocsfAdapter: SourceAdapter = {
  format: 'ocsf',
  recognizes: looksLikeOcsf,
  parse: (record) => guard(() => parseOcsf(record)),
};

type Build = (ctx: Context) => ParseOutcome;

interface OcsfClass {
  name: string;
  /** Network classes may lack `device` (sensors, cloud logs): the traffic is then attributed by address. */
  deviceOptional: boolean;
  /** Modelled activity_id values; any other is skipped with a reason. */
  activities: Record<number, Build>;
}

const CLASSES: Record<number, OcsfClass> = {
  1001: {
    name: 'File System Activity',
    deviceOptional: false,
    // 1 Create, 3 Update, 4 Delete, 5 Rename, 6 Set Attributes, 7 Set Security; Encrypt and Decrypt
    // (10, 11) rewrite the content. Read, Get Attributes / Security, Mount, Unmount, Open change nothing.
    activities: {
      1: fileEvents('create'),
      3: fileEvents('modify'),
      4: fileEvents('delete'),
      5: fileEvents('rename'),
      6: fileEvents('metadata'),
      7: fileEvents('metadata'),
      10: fileEvents('modify'),
      11: fileEvents('modify'),
    },
  },
  1005: { name: 'Module Activity', deviceOptional: false, activities: { 1: moduleLoad } },
  1007: { name: 'Process Activity', deviceOptional: false, activities: { 1: processStart, 2: processEnd } },
  4001: { name: 'Network Activity', deviceOptional: true, activities: { 1: connection, 6: connection } },
  // 1 Query, 2 Response, 6 Traffic (a query and its response in one event).
  4003: { name: 'DNS Activity', deviceOptional: true, activities: { 1: dnsQuery, 2: dnsQuery, 6: dnsQuery } },
};

/** Class and activity first: an unmodelled record is skipped whether or not it has what a modelled one needs. */
function parseOcsf(record: Obj): ParseOutcome {
  const classUid = requireInteger(record, 'class_uid');
  const cls = CLASSES[classUid];
  if (!cls) return { outcome: 'skipped', reason: `ocsf class_uid ${classUid} is not modelled` };
  const activityId = requireInteger(record, 'activity_id');
  const build = cls.activities[activityId];
  if (!build) {
    const name = textAt(record, 'activity_name');
    return { outcome: 'skipped', reason: `ocsf ${cls.name} activity_id ${activityId}${name ? ` (${name})` : ''} is not modelled` };
  }
  return build(contextOf(record, cls.deviceOptional));
}

/**
 * Cheap and specific: a numeric class_uid plus the metadata object every OCSF event carries (with
 * its schema version or product). Records that other adapters own are never claimed.
 */
export function looksLikeOcsf(record: Obj): boolean {
  const classUid = record.class_uid;
  const numeric = (typeof classUid === 'number' && Number.isInteger(classUid)) || (typeof classUid === 'string' && /^\d+$/.test(classUid.trim()));
  if (!numeric || !isObj(record.metadata)) return false;
  if (record.metadata.version === undefined && record.metadata.product === undefined) return false;
  return !isOtherFormat(record);
}

function isOtherFormat(r: Obj): boolean {
  if (r['@timestamp'] !== undefined && isObj(r.event)) return true; // ECS
  if ('winlog' in r || 'EventID' in r || (isObj(r.Event) && 'System' in r.Event)) return true; // Windows event renderings (Sysmon)
  return 'event_type' in r && isObj(r.process) && 'audit_token' in r.process; // Apple eslogger
}
