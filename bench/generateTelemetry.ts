import fs from 'node:fs';
import { once } from 'node:events';
import { routineUnixEvent, unixUpdateChain, type UnixHost } from './fleetUnix.js';

/**
 * Writes realistic Sysmon telemetry (flat NXLog rendering, one JSON object per line) for benchmarks:
 * a fleet of hosts whose processes start, write files, load modules, resolve names and connect out,
 * in the proportions a workstation fleet shows. Deterministic for a given size and seed.
 */
export interface GenerateOptions {
  events: number;
  hosts: number;
  file: string;
  seed?: number;
  /**
   * Also weave in benign update chains (about one per 500 events): a vendor updater writes its
   * product's binary in Program Files, the new binary runs, loads vendor-signed code and talks to
   * the vendor's update host. What the detection benchmark counts false positives against.
   */
  benignUpdates?: boolean;
  /** Share of the hosts that run Linux and macOS (half each), as Elastic Defend events; the rest are Windows (Sysmon). */
  unixShare?: number;
  /** Time the events spread over (default: 7 ms per event, a busy burst); e.g. 3 days for a fleet's background. */
  spanMs?: number;
}

const benignUpdaters = [
  { updater: 'C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe', product: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', signer: 'Google LLC', host: 'update.googleapis.com' },
  { updater: 'C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe', product: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', signer: 'Microsoft Corporation', host: 'edge.microsoft.com' },
  { updater: 'C:\\Program Files (x86)\\Common Files\\Adobe\\ARM\\1.0\\AdobeARM.exe', product: 'C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe', signer: 'Adobe Inc.', host: 'armmf.adobe.com' },
  { updater: 'C:\\Program Files\\Mozilla Firefox\\updater.exe', product: 'C:\\Program Files\\Mozilla Firefox\\firefox.exe', signer: 'Mozilla Corporation', host: 'aus5.mozilla.org' },
];

const images = ['C:\\Windows\\System32\\svchost.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Windows\\explorer.exe', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', 'C:\\Program Files\\Slack\\slack.exe', 'C:\\Windows\\System32\\cmd.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'];
/** Installs are rare on a workstation: about 1 process start in 100 is msiexec, and it parents nothing here. */
const msiexec = 'C:\\Windows\\System32\\msiexec.exe';
const MSIEXEC_SHARE = 0.01;
const modules = ['C:\\Windows\\System32\\ntdll.dll', 'C:\\Windows\\System32\\kernel32.dll', 'C:\\Windows\\System32\\user32.dll', 'C:\\Windows\\System32\\crypt32.dll', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome_elf.dll', 'C:\\Windows\\System32\\wininet.dll'];
const domains = ['update.googleapis.com', 'login.microsoftonline.com', 'outlook.office365.com', 'slack.com', 'cdn.example-cdn.net', 'telemetry.vendor.example'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export async function generateTelemetry(opts: GenerateOptions): Promise<void> {
  const random = rng(opts.seed ?? 42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const out = fs.createWriteStream(opts.file);
  const start = Date.parse('2024-06-01T08:00:00Z');
  const step = opts.spanMs ? opts.spanMs / opts.events : 7;
  // Live processes per host, so later events reference processes that started earlier.
  const live: string[][] = Array.from({ length: opts.hosts }, () => []);
  const unixHosts = unixFleet(opts.hosts, opts.unixShare ?? 0);
  for (let i = 0; i < opts.events; i++) {
    const hostIndex = Math.floor(random() * opts.hosts);
    const unixHost = unixHosts.get(hostIndex);
    if (unixHost) {
      const t = start + i * step;
      const roll = random();
      const records = opts.benignUpdates && roll < 0.002 ? unixUpdateChain(unixHost, hostIndex, t, i, pick) : [routineUnixEvent(unixHost, t, i, roll, live[hostIndex]!, pick)];
      for (const line of records) if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
      continue;
    }
    const host = `ws-${hex(hostIndex, 4)}.corp.example`;
    const ts = new Date(start + i * step).toISOString().replace('T', ' ').replace('Z', '');
    const procs = live[hostIndex]!;
    const roll = random();
    let record: Record<string, unknown>;
    if (opts.benignUpdates && roll < 0.002) {
      // A whole benign update chain on this host: updater start, write, first run, load, connect.
      for (const line of benignUpdateChain(pick(benignUpdaters), hostIndex, host, start + i * step, i)) {
        if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
      }
      continue;
    }
    const base = { Channel: 'Microsoft-Windows-Sysmon/Operational', SourceName: 'Microsoft-Windows-Sysmon', Hostname: host, RecordNumber: i + 1, UtcTime: ts };
    if (roll < 0.1 || procs.length === 0) {
      const guid = `{${hex(hostIndex, 8)}-${hex(i & 0xffff, 4)}-6424-${hex((i >> 16) & 0xffff, 4)}-${hex(i, 12)}}`;
      const parent = procs.length > 0 ? pick(procs) : `{${hex(hostIndex, 8)}-0000-6424-0000-000000000001}`;
      const image = random() < MSIEXEC_SHARE ? msiexec : pick(images);
      record = { ...base, EventID: 1, ProcessGuid: guid, ProcessId: String(1000 + (i % 60000)), Image: image, CommandLine: `"${image}" --flag ${i % 97}`, User: 'CORP\\user', Hashes: `SHA256=${hex(i * 2654435761, 16).padStart(64, 'a')}`, ParentProcessGuid: parent, ParentProcessId: '900', ParentImage: 'C:\\Windows\\explorer.exe' };
      if (image !== msiexec) procs.push(guid);
      if (procs.length > 50) procs.shift();
    } else {
      const guid = pick(procs);
      const actor = { ProcessGuid: guid, ProcessId: '1234', Image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' };
      if (roll < 0.4) record = { ...base, ...actor, EventID: 11, TargetFilename: `C:\\Users\\user\\AppData\\Local\\Temp\\cache_${i % 5000}.tmp`, CreationUtcTime: ts };
      else if (roll < 0.75) record = { ...base, ...actor, EventID: 7, ImageLoaded: pick(modules), Hashes: `SHA256=${hex(i % 300, 64)}`, Signed: 'true', Signature: 'Microsoft Windows', SignatureStatus: 'Valid' };
      else if (roll < 0.9) record = { ...base, ...actor, EventID: 3, Protocol: 'tcp', Initiated: 'true', SourceIp: `10.1.${hostIndex >> 8}.${hostIndex & 255}`, SourcePort: String(40000 + (i % 20000)), DestinationIp: `203.0.113.${i % 200}`, DestinationHostname: pick(domains), DestinationPort: '443' };
      else record = { ...base, ...actor, EventID: 22, QueryName: pick(domains), QueryStatus: '0', QueryResults: `::ffff:203.0.113.${i % 200};` };
    }
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The last hosts of the fleet are Linux and macOS machines, half each. */
function unixFleet(hosts: number, share: number): Map<number, UnixHost> {
  const fleet = new Map<number, UnixHost>();
  const count = Math.round(hosts * share);
  for (let k = 0; k < count; k++) {
    const index = hosts - count + k;
    const os = k % 2 === 0 ? 'linux' : 'macos';
    fleet.set(index, { os, name: `${os === 'linux' ? 'lx' : 'mac'}-${hex(index, 4)}.corp.example`, ip: `10.2.${index >> 8}.${index & 255}` });
  }
  return fleet;
}

function benignUpdateChain(u: (typeof benignUpdaters)[number], hostIndex: number, host: string, t: number, i: number): Record<string, unknown>[] {
  const at = (offsetMs: number) => new Date(t + offsetMs).toISOString().replace('T', ' ').replace('Z', '');
  const guid = (n: number) => `{${hex(hostIndex, 8)}-beef-6424-${hex(n, 4)}-${hex(i, 12)}}`;
  const base = (n: number, ms: number) => ({ Channel: 'Microsoft-Windows-Sysmon/Operational', SourceName: 'Microsoft-Windows-Sysmon', Hostname: host, RecordNumber: 10_000_000 + i * 10 + n, UtcTime: at(ms) });
  const updater = { ProcessGuid: guid(1), ProcessId: '4100', Image: u.updater };
  const product = { ProcessGuid: guid(2), ProcessId: '4200', Image: u.product };
  const ip = `198.18.${hostIndex & 255}.${i % 250}`;
  return [
    { ...base(1, 0), ...updater, EventID: 1, CommandLine: `"${u.updater}" /ua`, User: 'NT AUTHORITY\\SYSTEM', ParentProcessGuid: `{${hex(hostIndex, 8)}-0000-6424-0000-000000000001}`, ParentProcessId: '700', ParentImage: 'C:\\Windows\\System32\\svchost.exe' },
    { ...base(2, 20_000), ...updater, EventID: 11, TargetFilename: u.product, CreationUtcTime: at(20_000) },
    { ...base(3, 60_000), ...product, EventID: 1, CommandLine: `"${u.product}"`, User: 'CORP\\user', ParentProcessGuid: updater.ProcessGuid, ParentProcessId: '4100', ParentImage: u.updater },
    { ...base(4, 60_100), ...product, EventID: 7, ImageLoaded: u.product, Signed: 'true', Signature: u.signer, SignatureStatus: 'Valid' },
    { ...base(5, 61_000), ...product, EventID: 22, QueryName: u.host, QueryStatus: '0', QueryResults: `::ffff:${ip};` },
    { ...base(6, 61_100), ...product, EventID: 3, Protocol: 'tcp', Initiated: 'true', SourceIp: `10.1.${hostIndex >> 8}.${hostIndex & 255}`, SourcePort: '50000', DestinationIp: ip, DestinationHostname: u.host, DestinationPort: '443' },
  ];
}
