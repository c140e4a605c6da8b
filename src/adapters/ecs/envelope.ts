import { isObj, keywords, lookup, text, textAt, type Obj } from './fields.js';

/** An Elasticsearch hit (`{"_index": ..., "_source": {...}}`) carries the ECS document in `_source`. */
export function unwrapHit(record: Obj): Obj {
  return isObj(record._source) ? record._source : record;
}

/** Records of formats that other adapters own, checked before anything ECS-like. */
function isOtherFormat(r: Obj): boolean {
  if ('class_uid' in r) return true; // OCSF
  if ('id.orig_h' in r || (isObj(r.id) && 'orig_h' in r.id)) return true; // Zeek
  if ('event_type' in r) return true; // Apple eslogger (event_type + process.audit_token); ECS has no such field
  const channel = textAt(r, 'winlog.channel') ?? textAt(r, 'winlog.provider_name');
  return channel !== undefined && /sysmon/i.test(channel); // Sysmon through Winlogbeat: the sysmon adapter's
}

const EVENT_MARKERS = ['event.category', 'event.kind', 'event.module', 'event.dataset'];

/**
 * Cheap and specific: an ECS document declares `ecs.version`, or has `@timestamp` plus the `event`
 * categorization fields every ECS shipper sets.
 */
export function looksLikeEcs(record: Obj): boolean {
  const r = unwrapHit(record);
  if (isOtherFormat(r)) return false;
  if (lookup(r, 'ecs.version') !== undefined) return true;
  return r['@timestamp'] !== undefined && EVENT_MARKERS.some((path) => lookup(r, path) !== undefined);
}

export type Category = 'process' | 'library' | 'file' | 'network' | 'dns';

/** Older Auditbeat and some Elastic Endpoint builds leave event.category out: the dataset names it. */
const CATEGORY_OF_DATASET: Record<string, Category> = {
  process: 'process',
  socket: 'network',
  flow: 'network',
  'endpoint.events.process': 'process',
  'endpoint.events.file': 'file',
  'endpoint.events.library': 'library',
  'endpoint.events.network': 'network',
};

/** The categories of an event: event.category, else inferred from its dataset or module. */
export function categoriesOf(r: Obj): string[] {
  const declared = keywords(r, 'event.category');
  if (declared.length > 0) return declared;
  const dataset = (textAt(r, 'event.dataset') ?? textAt(r, 'data_stream.dataset'))?.toLowerCase();
  const inferred = dataset ? CATEGORY_OF_DATASET[dataset] : undefined;
  if (inferred) return [inferred];
  return textAt(r, 'event.module')?.toLowerCase() === 'file_integrity' ? ['file'] : [];
}

/**
 * The one normalized family a record belongs to. A DNS lookup is an ECS `network` event with
 * `dns.*` fields; a library load may also be tagged `process`, so library wins.
 */
export function familyOf(r: Obj, categories: string[]): Category | undefined {
  const has = (c: string) => categories.includes(c);
  if (has('library') || (lookup(r, 'dll.path') !== undefined && keywords(r, 'event.action').includes('load'))) return 'library';
  if (has('process')) return 'process';
  if (has('file')) return 'file';
  if (has('dns') || ((has('network') || has('network_traffic')) && lookup(r, 'dns.question.name') !== undefined)) return 'dns';
  if (has('network') || has('network_traffic')) return 'network';
  return undefined;
}

/** Skip reason for events that are not observations (alerts repeat the events they are about; metrics and state are snapshots). */
export function notAnObservation(r: Obj): string | undefined {
  const kind = text(lookup(r, 'event.kind'))?.toLowerCase();
  return kind && kind !== 'event' ? `ecs event.kind '${kind}' is not modelled` : undefined;
}
