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
  /** Apple Developer Team ID (macOS). */
  teamId?: string;
  /** Apple signing identifier, e.g. com.3cx.desktop. */
  signingId?: string;
  /** Apple platform binary (shipped with the OS). */
  platformBinary?: boolean;
  /** Notarized by Apple, where the source says. */
  notarized?: boolean;
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
  /**
   * Absent when the sensor saw the change but not the process that made it (Auditbeat
   * file_integrity on inotify / FSEvents): the writer is unknown, and the graph says so.
   */
  actor?: ProcessRef;
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
  /** Set by sensors that see traffic but not processes (Zeek): resolve the host from this IP at `ts`. */
  hostByIp?: string;
}

export interface DnsEvent extends EventBase {
  kind: 'dns.query';
  actor?: ProcessRef;
  query: string;
  answers: string[];
  /** Set by sensors that see traffic but not processes (Zeek): resolve the host from this IP at `ts`. */
  hostByIp?: string;
}

export type PackageManager = 'dpkg' | 'apt' | 'rpm' | 'yum' | 'dnf' | 'zypper' | 'brew' | 'snap' | 'flatpak' | 'msi' | 'pkg' | 'other';

/** A package installed, upgraded or removed by a package manager. */
export interface PackageEvent extends EventBase {
  kind: 'package';
  op: 'install' | 'upgrade' | 'remove';
  manager: PackageManager;
  name: string;
  version?: string;
  previousVersion?: string;
  arch?: string;
  /** Repository, mirror or Homebrew tap the package came from, where the log says. */
  repository?: string;
  signingKey?: string;
  actor?: ProcessRef;
  /** The command that did it, e.g. "apt-get install -y curl". */
  commandLine?: string;
}

/** Code-signing facts about a file, from a verifier (Gatekeeper, XProtect, codesign, AMFI). */
export interface FileSignatureEvent extends EventBase {
  kind: 'file.signature';
  path: string;
  hashes?: Hashes;
  signature: Signature;
  /** Verdict of the verifier, e.g. "allowed", "blocked", "malware". */
  verdict?: string;
  actor?: ProcessRef;
}

/** What a sensor reports about its host: addresses (with the time, for network attribution). */
export interface HostInfoEvent extends EventBase {
  kind: 'host.info';
  ips: string[];
  osVersion?: string;
}

export type NormalizedEvent =
  | ProcessStartEvent
  | ProcessEndEvent
  | FileEvent
  | ModuleLoadEvent
  | NetworkEvent
  | DnsEvent
  | PackageEvent
  | FileSignatureEvent
  | HostInfoEvent;
export type EventKind = NormalizedEvent['kind'];
