import type { Row } from './eventRows.js';

/**
 * Distinct nodes and structural links a batch touches, collected once per batch. Writing each
 * distinct node once (sorted by key, so concurrent workers lock in the same order) instead of
 * MERGE-ing it on every event row is most of what makes batch writes fast.
 */
export class NodeSet {
  private readonly processes = new Map<string, Row>();
  private readonly files = new Map<string, Row>();
  private readonly binaries = new Map<string, Row>();
  private readonly ips = new Set<string>();
  private readonly domains = new Set<string>();
  private readonly contents = new Map<string, Row>();
  private readonly resolutions = new Map<string, Row>();

  /** A process as a placeholder: the first reference's facts, until its own start fills it in. */
  process(uid: string | null | undefined, hostId: string, pid: unknown, image: unknown, imageName: unknown): void {
    if (uid && !this.processes.has(uid)) this.processes.set(uid, { uid, hostId, pid: pid ?? null, image: image ?? null, imageName: imageName ?? null });
  }

  file(uid: string, hostId: string, path: string, name: string): void {
    if (!this.files.has(uid)) this.files.set(uid, { uid, hostId, path, name });
  }

  binary(sha256: string | null | undefined, signature: Row = {}): void {
    if (sha256 && !this.binaries.has(sha256)) this.binaries.set(sha256, { sha256, signed: signature.signed ?? null, signatureStatus: signature.signatureStatus ?? null, signer: signature.signer ?? null, teamId: signature.teamId ?? null });
  }

  /** Content seen at a path: file node and binary node, linked. */
  content(fileUid: string, sha256: string | null | undefined, signature?: Row): void {
    if (!sha256) return;
    this.binary(sha256, signature);
    const key = `${fileUid}|${sha256}`;
    if (!this.contents.has(key)) this.contents.set(key, { fileUid, sha256 });
  }

  ip(address: string): void {
    this.ips.add(address);
  }

  domain(name: string): void {
    this.domains.add(name);
  }

  resolution(domain: string, ip: string, ts: number): void {
    this.domain(domain);
    this.ip(ip);
    const key = `${domain}|${ip}`;
    const seen = this.resolutions.get(key);
    if (!seen || (seen.firstSeen as number) > ts) this.resolutions.set(key, { domain, ip, firstSeen: ts });
  }

  rows() {
    const byKey = <T extends Row>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    return {
      processNodes: byKey(this.processes),
      fileNodes: byKey(this.files),
      binaryNodes: byKey(this.binaries),
      ipNodes: [...this.ips].sort().map((address) => ({ address })),
      domainNodes: [...this.domains].sort().map((name) => ({ name })),
      contentLinks: byKey(this.contents),
      resolutionLinks: byKey(this.resolutions),
    };
  }
}
