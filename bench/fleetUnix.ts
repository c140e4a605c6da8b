/**
 * Linux and macOS hosts of the generated fleet, as Elastic Defend (ECS) events: routine activity
 * plus benign vendor update chains (package manager or vendor updater writes the product binary,
 * the new binary runs, loads vendor-signed code and calls its vendor's update host). Without them
 * the Linux and macOS analytics would be measured against no benign events at all.
 */
export type UnixOs = 'linux' | 'macos';

interface UnixUpdate {
  updater: string;
  /** The installer's parent, when the platform runs one (apt-get above dpkg). */
  parent?: string;
  product: string;
  teamId?: string;
  signer: string;
  host: string;
}

const updates: Record<UnixOs, UnixUpdate[]> = {
  linux: [
    { parent: '/usr/bin/apt-get', updater: '/usr/bin/dpkg', product: '/opt/google/chrome/chrome', signer: 'Google LLC', host: 'dl.google.com' },
    { parent: '/usr/bin/unattended-upgrade', updater: '/usr/bin/dpkg', product: '/usr/bin/openssl', signer: 'Debian', host: 'deb.debian.org' },
  ],
  macos: [
    { updater: '/Library/Google/GoogleSoftwareUpdate/GoogleSoftwareUpdate.bundle/Contents/Helpers/GoogleSoftwareUpdateAgent.app/Contents/MacOS/GoogleSoftwareUpdateAgent', product: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', teamId: 'EQHXZ8M8AV', signer: 'Developer ID Application: Google LLC (EQHXZ8M8AV)', host: 'update.googleapis.com' },
    { updater: '/System/Library/PrivateFrameworks/PackageKit.framework/Versions/A/Resources/installd', product: '/Applications/zoom.us.app/Contents/MacOS/zoom.us', teamId: 'BJ4HAAB9B3', signer: 'Developer ID Application: Zoom Video Communications, Inc. (BJ4HAAB9B3)', host: 'zoom.us' },
  ],
};

const routineImages: Record<UnixOs, string[]> = {
  linux: ['/usr/bin/bash', '/usr/bin/python3', '/usr/sbin/sshd', '/usr/sbin/cron', '/usr/bin/git', '/usr/lib/systemd/systemd-journald'],
  macos: ['/bin/zsh', '/usr/bin/git', '/System/Applications/Utilities/Terminal.app/Contents/MacOS/Terminal', '/Applications/Slack.app/Contents/MacOS/Slack', '/usr/libexec/trustd'],
};
const routineLibraries: Record<UnixOs, string[]> = {
  linux: ['/usr/lib/x86_64-linux-gnu/libc.so.6', '/usr/lib/x86_64-linux-gnu/libssl.so.3', '/usr/lib/x86_64-linux-gnu/libz.so.1'],
  macos: ['/usr/lib/libSystem.B.dylib', '/System/Library/Frameworks/Security.framework/Versions/A/Security', '/System/Library/Frameworks/AppKit.framework/Versions/C/AppKit'],
};

export interface UnixHost {
  os: UnixOs;
  name: string;
  ip: string;
}

const appleSigned = { exists: true, status: 'trusted', trusted: true, subject_name: 'Software Signing', signing_id: 'com.apple.system' };

function envelope(host: UnixHost, ts: number, id: string, category: string, type: string, action: string): Record<string, unknown> {
  return {
    '@timestamp': new Date(ts).toISOString(),
    agent: { id: `agent-${host.name}`, type: 'endpoint' },
    event: { id, kind: 'event', module: 'endpoint', dataset: `endpoint.events.${category}`, category: [category], type: [type], action },
    host: { name: host.name, hostname: host.name, ip: [host.ip], os: { type: host.os, name: host.os === 'macos' ? 'macOS' : 'Linux' } },
  };
}

const processRef = (entityId: string, executable: string, pid: number) => ({ entity_id: entityId, executable, name: executable.split('/').pop(), pid });

export function processStart(host: UnixHost, ts: number, id: string, proc: { entityId: string; executable: string; pid: number; parent?: { entityId: string; executable: string } }, signature?: Record<string, unknown>): Record<string, unknown> {
  return {
    ...envelope(host, ts, id, 'process', 'start', 'exec'),
    process: {
      ...processRef(proc.entityId, proc.executable, proc.pid),
      command_line: proc.executable,
      args: [proc.executable],
      start: new Date(ts).toISOString(),
      ...(signature ? { code_signature: signature } : {}),
      ...(proc.parent ? { parent: processRef(proc.parent.entityId, proc.parent.executable, proc.pid - 1) } : {}),
    },
    user: { name: host.os === 'macos' ? 'sam' : 'maria' },
  };
}

export function fileCreation(host: UnixHost, ts: number, id: string, actor: { entityId: string; executable: string; pid: number }, filePath: string): Record<string, unknown> {
  return { ...envelope(host, ts, id, 'file', 'creation', 'creation'), file: { path: filePath, name: filePath.split('/').pop() }, process: processRef(actor.entityId, actor.executable, actor.pid) };
}

export function libraryLoad(host: UnixHost, ts: number, id: string, actor: { entityId: string; executable: string; pid: number }, library: string, signature: Record<string, unknown>): Record<string, unknown> {
  return { ...envelope(host, ts, id, 'library', 'start', 'load'), dll: { path: library, name: library.split('/').pop(), code_signature: signature }, process: processRef(actor.entityId, actor.executable, actor.pid) };
}

export function connection(host: UnixHost, ts: number, id: string, actor: { entityId: string; executable: string; pid: number }, ip: string, port: number): Record<string, unknown> {
  return {
    ...envelope(host, ts, id, 'network', 'start', 'connection_attempted'),
    source: { ip: host.ip, port: 50000 + (port % 10000) },
    destination: { ip, port },
    network: { direction: 'egress', transport: 'tcp' },
    process: processRef(actor.entityId, actor.executable, actor.pid),
  };
}

export function dnsLookup(host: UnixHost, ts: number, id: string, actor: { entityId: string; executable: string; pid: number }, name: string, ip: string): Record<string, unknown> {
  return {
    ...envelope(host, ts, id, 'network', 'protocol', 'lookup_result'),
    dns: { question: { name, type: 'A' }, resolved_ip: [ip] },
    network: { protocol: 'dns' },
    process: processRef(actor.entityId, actor.executable, actor.pid),
  };
}

/** One routine event on a Unix host: a process start, a temp write, a library load or a connection. */
export function routineUnixEvent(host: UnixHost, ts: number, i: number, roll: number, live: string[], pick: <T>(list: T[]) => T): Record<string, unknown> {
  const id = `bg-${i}`;
  const executable = pick(routineImages[host.os]);
  if (roll < 0.1 || live.length === 0) {
    const entityId = `${host.name}-p${i}`;
    live.push(entityId);
    if (live.length > 50) live.shift();
    return processStart(host, ts, id, { entityId, executable, pid: 2000 + (i % 30000), parent: { entityId: `${host.name}-init`, executable: host.os === 'macos' ? '/sbin/launchd' : '/usr/lib/systemd/systemd' } }, host.os === 'macos' ? appleSigned : undefined);
  }
  const actor = { entityId: pick(live), executable, pid: 2000 + (i % 30000) };
  if (roll < 0.4) return fileCreation(host, ts, id, actor, host.os === 'macos' ? `/Users/sam/Library/Caches/cache_${i % 5000}.db` : `/tmp/cache_${i % 5000}.tmp`);
  if (roll < 0.75) return libraryLoad(host, ts, id, actor, pick(routineLibraries[host.os]), host.os === 'macos' ? appleSigned : { exists: false });
  return connection(host, ts, id, actor, `203.0.113.${i % 200}`, 443);
}

/** A benign update chain: (parent →) updater → writes the product → the product runs, loads signed code, resolves and calls its vendor host. */
export function unixUpdateChain(host: UnixHost, hostIndex: number, t: number, i: number, pick: <T>(list: T[]) => T): Record<string, unknown>[] {
  const u = pick(updates[host.os]);
  const id = (n: number) => `upd-${i}-${n}`;
  const updater = { entityId: `${host.name}-u${i}`, executable: u.updater, pid: 4100 };
  const product = { entityId: `${host.name}-r${i}`, executable: u.product, pid: 4200 };
  const signature = u.teamId ? { exists: true, status: 'trusted', trusted: true, team_id: u.teamId, subject_name: u.signer } : { exists: false };
  const ip = `198.18.${hostIndex & 255}.${i % 250}`;
  const parent = u.parent ? { entityId: `${host.name}-a${i}`, executable: u.parent } : { entityId: `${host.name}-init`, executable: host.os === 'macos' ? '/sbin/launchd' : '/usr/lib/systemd/systemd' };
  const events: Record<string, unknown>[] = [];
  if (u.parent) events.push(processStart(host, t - 1_000, id(0), { entityId: parent.entityId, executable: u.parent, pid: 4000, parent: { entityId: `${host.name}-init`, executable: '/usr/lib/systemd/systemd' } }));
  events.push(
    processStart(host, t, id(1), { ...updater, parent }, u.teamId ? signature : undefined),
    fileCreation(host, t + 20_000, id(2), updater, u.product),
    processStart(host, t + 60_000, id(3), { ...product, parent: { entityId: `${host.name}-init`, executable: host.os === 'macos' ? '/sbin/launchd' : '/usr/lib/systemd/systemd' } }, u.teamId ? signature : undefined),
    libraryLoad(host, t + 60_100, id(4), product, pick(routineLibraries[host.os]), host.os === 'macos' ? appleSigned : { exists: false }),
    dnsLookup(host, t + 61_000, id(5), product, u.host, ip),
    connection(host, t + 61_100, id(6), product, ip, 443),
  );
  return events;
}
