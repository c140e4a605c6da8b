import crypto from 'node:crypto';

/**
 * The software a generated Windows fleet runs: executables and modules by popularity rank, each in
 * several versions (a different SHA-256 each). A host runs the version `hostIndex % versions`, and
 * lower ranks have fewer versions and are picked more often, so a few hashes are on most hosts and
 * most hashes are on a few.
 */
export interface CatalogBinary {
  sha256: string;
  signed: boolean;
  status: string;
  signer: string | null;
}

export interface CatalogEntry {
  path: string;
  /** The path as its File uid holds it (Windows: lower-cased). */
  lower: string;
  /** Lower-cased file name (File.name, Process.imageName). */
  name: string;
  user: 'system' | 'user';
  args: string;
  versions: CatalogBinary[];
}

const systemImages = [
  ['C:\\Windows\\System32\\svchost.exe', '-k netsvcs -p -s'],
  ['C:\\Windows\\System32\\conhost.exe', '0xffffffff -ForceV1'],
  ['C:\\Windows\\System32\\RuntimeBroker.exe', '-Embedding'],
  ['C:\\Windows\\explorer.exe', '/factory,{75dff2b7}'],
  ['C:\\Windows\\System32\\cmd.exe', '/c'],
  ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', '-NoProfile -File'],
  ['C:\\Windows\\System32\\taskhostw.exe', 'Install $(Arg0)'],
  ['C:\\Windows\\System32\\msiexec.exe', '/V'],
  ['C:\\Windows\\System32\\rundll32.exe', 'shell32.dll,Control_RunDLL'],
  ['C:\\Windows\\System32\\dllhost.exe', '/Processid:{AB8902B4}'],
] as const;
const userImages = [
  ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', '--type=renderer --field-trial-handle='],
  ['C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', '/recycle'],
  ['C:\\Program Files\\Slack\\slack.exe', '--process-start-args'],
  ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', '--type=utility'],
  ['C:\\Program Files\\Mozilla Firefox\\firefox.exe', '-contentproc'],
] as const;
const systemModules = ['ntdll', 'kernel32', 'kernelbase', 'user32', 'advapi32', 'crypt32', 'wininet', 'ws2_32', 'ole32', 'combase', 'rpcrt4', 'sechost', 'bcrypt', 'shell32', 'msvcrt', 'gdi32', 'winhttp', 'dnsapi'];

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

function entry(path: string, user: 'system' | 'user', args: string, versionCount: number, signer: string | null): CatalogEntry {
  const versions = Array.from({ length: versionCount }, (_, v) => ({
    sha256: sha(`${path}|${v}`),
    signed: signer !== null,
    status: signer !== null ? 'Valid' : 'Unavailable',
    signer,
  }));
  return { path, lower: path.toLowerCase(), name: path.split('\\').pop()!.toLowerCase(), user, args, versions };
}

/** Vendor n's signer; one vendor in ten ships unsigned code. */
const vendorSigner = (n: number) => (n % 10 === 7 ? null : `Vendor ${n} Software Inc.`);

/** `count` executables by rank: the common system and user images first, then vendor applications. */
export function imageCatalog(count: number): CatalogEntry[] {
  return Array.from({ length: count }, (_, rank) => {
    const versions = 1 + Math.floor(rank / 5);
    if (rank < systemImages.length) return entry(systemImages[rank]![0], 'system', systemImages[rank]![1], versions, 'Microsoft Windows');
    const u = rank - systemImages.length;
    if (u < userImages.length) return entry(userImages[u]![0], 'user', userImages[u]![1], versions, 'Microsoft Corporation');
    const n = rank - systemImages.length - userImages.length;
    return entry(`C:\\Program Files\\Vendor${n}\\App${n}\\app${n}.exe`, n % 3 === 0 ? 'system' : 'user', '--background', versions, vendorSigner(n));
  });
}

/** `count` modules by rank: system DLLs first, then vendor libraries. */
export function moduleCatalog(count: number): CatalogEntry[] {
  return Array.from({ length: count }, (_, rank) => {
    const versions = 1 + Math.floor(rank / 8);
    if (rank < systemModules.length) return entry(`C:\\Windows\\System32\\${systemModules[rank]}.dll`, 'system', '', versions, 'Microsoft Windows');
    const n = rank - systemModules.length;
    return entry(`C:\\Program Files\\Vendor${n % 200}\\lib\\module${n}.dll`, 'user', '', versions, vendorSigner(n));
  });
}

/** Every distinct binary of the catalogs, once. */
export function catalogBinaries(...catalogs: CatalogEntry[][]): CatalogBinary[] {
  const all = new Map<string, CatalogBinary>();
  for (const e of catalogs.flat()) for (const b of e.versions) all.set(b.sha256, b);
  return [...all.values()];
}
