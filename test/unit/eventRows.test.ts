import { describe, expect, it } from 'vitest';
import { fileUid } from '../../src/adapters/identity.js';
import { touchedBy } from '../../src/analytics/candidates.js';
import { planWrites } from '../../src/graph/eventRows.js';
import { EVENT_MODEL_VERSION, type FileEvent, type HostRef, type ModuleLoadEvent, type PackageEvent } from '../../src/model/event.js';

const build12: HostRef = { id: 'build-12', name: 'build-12', os: 'linux' };
const sha256 = '589cf90f877633f56cf3a18e84c7d12c69cca8fadb29c3060cb8ac89ca4b3802';

const fileEvent = (id: string, op: FileEvent['op'], path: string, extra: Partial<FileEvent> = {}): FileEvent => ({
  v: EVENT_MODEL_VERSION,
  id,
  ts: 1_709_647_335_410,
  host: build12,
  source: { format: 'ecs', recordId: id },
  kind: 'file',
  op,
  path,
  ...extra,
});

describe('write plan of file events without an acting process (Auditbeat file_integrity)', () => {
  const plan = planWrites([
    fileEvent('w1', 'create', '/usr/sbin/example-agentd', { hashes: { sha256 } }),
    fileEvent('d1', 'delete', '/usr/sbin/example-agentd;65e7271f'),
    fileEvent('p1', 'modify', '/usr/bin/curl', { actor: { uid: 'build-12|rpm', pid: 4120, image: '/usr/bin/rpm' } }),
  ]);

  it('puts them in the host rows, apart from the process rows that analytics follow', () => {
    expect(plan.hostFileWrites.map((r) => [r.eventId, r.op, r.path, r.sha256, r.actorUid])).toEqual([['w1', 'create', '/usr/sbin/example-agentd', sha256, null]]);
    expect(plan.hostFileDeletes.map((r) => [r.eventId, r.path])).toEqual([['d1', '/usr/sbin/example-agentd;65e7271f']]);
    expect(plan.fileWrites.map((r) => r.eventId)).toEqual(['p1']);
    expect(plan.fileDeletes).toEqual([]);
  });

  it('plans the host, both files, and the written content as a Binary linked to its file, but no process', () => {
    expect(plan.hosts.map((h) => h.hostId)).toEqual(['build-12']);
    expect(plan.fileNodes.map((f) => f.path)).toEqual(['/usr/bin/curl', '/usr/sbin/example-agentd', '/usr/sbin/example-agentd;65e7271f']);
    expect(plan.binaryNodes.map((b) => b.sha256)).toEqual([sha256]);
    expect(plan.contentLinks).toEqual([{ fileUid: fileUid('build-12', '/usr/sbin/example-agentd', 'linux'), sha256 }]);
    expect(plan.processNodes.map((p) => p.uid)).toEqual(['build-12|rpm']);
  });

  it('gives detection no process or file to re-evaluate from them', () => {
    const touched = touchedBy(plan);
    expect(touched.processUids).toEqual(['build-12|rpm']);
    expect(touched.fileUids).toEqual([fileUid('build-12', '/usr/bin/curl', 'linux')]);
  });
});

describe('write plan of package changes', () => {
  const change = (id: string, name: string, ts: number): PackageEvent => ({
    v: EVENT_MODEL_VERSION, id, ts, host: build12, source: { format: 'dnf-rpm-log', recordId: id }, kind: 'package', op: 'install', manager: 'dnf', name,
  });

  it('orders them by package, each package\'s changes in their order: concurrent batches lock packages in one order', () => {
    const plan = planWrites([change('a1', 'openssl', 3), change('b1', 'curl', 2), change('a2', 'openssl', 1), change('c1', 'bash', 9)]);
    expect(plan.packages.map((r) => r.eventId)).toEqual(['c1', 'b1', 'a1', 'a2']);
  });
});

describe('signature states of module loads', () => {
  const load = (id: string, signature: { signed?: boolean; status: string; signer: string }): ModuleLoadEvent => ({
    v: EVENT_MODEL_VERSION,
    id,
    ts: 1_709_647_335_410,
    host: build12,
    source: { format: 'ecs', recordId: id },
    kind: 'module.load',
    actor: { uid: 'build-12|proc', pid: 7, image: '/usr/bin/app' },
    path: '/usr/lib/libexample.so',
    hashes: { sha256 },
    signature,
  });

  it('are one row per state as the statement keys it, even when facts contain its separator', () => {
    // Both join to the state 'x|true||y': the statement would link it twice.
    const plan = planWrites([load('l1', { signed: true, status: 'x', signer: '|y' }), load('l2', { status: 'x|true', signer: 'y' }), load('l3', { signed: true, status: 'valid', signer: 'Vendor' })]);
    expect(plan.loadSignatures.map((r) => [r.signatureStatus, r.signer])).toEqual([
      ['x', '|y'],
      ['valid', 'Vendor'],
    ]);
  });
});
