/**
 * The normalized event model, version 1. Every source adapter produces these; nothing downstream
 * of an adapter knows which telemetry format an event came from. Documented in docs/event-model.md.
 *
 * Times are epoch milliseconds in UTC. Identities (`uid`) are stable strings built by the adapter
 * from the source's own identities (Sysmon ProcessGuid, ...) so replays merge instead of duplicating.
 */
export const EVENT_MODEL_VERSION = 1;

export type Os = 'windows' | 'linux' | 'macos' | 'unknown';

export interface HostRef {
  /** Stable host key: the source's host id, else its lower-cased name. */
  id: string;
  name: string;
  os: Os;
}

export interface SourceRef {
  /** Adapter format, e.g. "sysmon". */
  format: string;
  /** The source's own record id when it has one, else a content hash of the record. */
  recordId: string;
}

export interface Hashes {
  sha256?: string;
  sha1?: string;
  md5?: string;
}

export interface Signature {
  signed?: boolean;
  /** e.g. "valid", "expired", "failed: invalid hash" (lower-cased source text). */
  status?: string;
  signer?: string;
}

export interface ProcessRef {
  uid: string;
  pid?: number;
  image?: string;
}

export interface ProcessInfo extends ProcessRef {
  image: string;
  commandLine?: string;
  user?: string;
  hashes?: Hashes;
  signature?: Signature;
}

interface EventBase {
  v: typeof EVENT_MODEL_VERSION;
  /** Idempotency key: the same source record always yields the same id. */
  id: string;
  ts: number;
  host: HostRef;
  source: SourceRef;
}

export interface ProcessStartEvent extends EventBase {
  kind: 'process.start';
  process: ProcessInfo;
  parent?: ProcessRef;
}

export interface ProcessEndEvent extends EventBase {
  kind: 'process.end';
  process: ProcessRef;
}

export type FileOp = 'create' | 'modify' | 'overwrite' | 'rename' | 'delete' | 'metadata';

export interface FileEvent extends EventBase {
  kind: 'file';
  op: FileOp;
  actor: ProcessRef;
  path: string;
  previousPath?: string;
  hashes?: Hashes;
}

export interface ModuleLoadEvent extends EventBase {
  kind: 'module.load';
  actor: ProcessRef;
  path: string;
  hashes?: Hashes;
  signature?: Signature;
}

export interface NetworkEvent extends EventBase {
  kind: 'network.connect';
  actor?: ProcessRef;
  direction: 'outbound' | 'inbound' | 'unknown';
  protocol?: string;
  srcIp?: string;
  srcPort?: number;
  dstIp: string;
  dstPort?: number;
  dstHostname?: string;
}

export interface DnsEvent extends EventBase {
  kind: 'dns.query';
  actor?: ProcessRef;
  query: string;
  answers: string[];
}

export type NormalizedEvent = ProcessStartEvent | ProcessEndEvent | FileEvent | ModuleLoadEvent | NetworkEvent | DnsEvent;
export type EventKind = NormalizedEvent['kind'];
