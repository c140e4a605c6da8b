import { field, isObj, text, type Obj } from './fields.js';

/**
 * Cheap and specific: every Zeek log about a connection carries the connection's `uid` and its
 * `id` 4-tuple. Records that other adapters own are never claimed.
 */
export function looksLikeZeek(record: Obj): boolean {
  if (typeof record.uid !== 'string') return false;
  if (field(record, 'id.orig_h') === undefined) return false;
  return !isOtherFormat(record);
}

function isOtherFormat(r: Obj): boolean {
  if (r['@timestamp'] !== undefined && isObj(r.event)) return true; // ECS (Filebeat's Zeek module included)
  if ('winlog' in r || 'EventID' in r || (isObj(r.Event) && 'System' in r.Event)) return true; // Windows event renderings (Sysmon)
  return 'event_type' in r && isObj(r.process) && 'audit_token' in r.process; // Apple eslogger
}

export type LogType = 'conn' | 'dns';

/** Fields only conn.log / dns.log write, for Zeek JSON files, which do not name their log in each line. */
const DNS_FIELDS = ['query', 'qtype_name', 'rcode_name', 'trans_id', 'qtype'];
const CONN_FIELDS = ['conn_state', 'history', 'orig_pkts', 'orig_ip_bytes'];

/**
 * Which log a record comes from: `_path` when the writer adds it (Kafka and other stream writers,
 * Corelight), else the fields only that log writes. Another log's name is returned as it is, to be
 * skipped; undefined when nothing tells.
 */
export function logTypeOf(r: Obj): LogType | string | undefined {
  const path = text(r._path)?.toLowerCase();
  if (path) return path;
  if (DNS_FIELDS.some((name) => name in r)) return 'dns';
  if (CONN_FIELDS.some((name) => name in r)) return 'conn';
  return undefined;
}
