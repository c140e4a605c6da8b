import crypto from 'node:crypto';
import type { Os } from '../model/event.js';

/**
 * Stable identity keys shared by all adapters, so the same process or file seen through two
 * formats merges into one node.
 */
export function hostKey(name: string): string {
  return name.trim().toLowerCase();
}

/** ProcessGuid with or without braces, any case, gives the same key. */
export function processUid(hostId: string, guid: string): string {
  return `${hostId}|${guid.replace(/[{}]/g, '').toLowerCase()}`;
}

/** Fallback when a source has no process GUID: host + pid + start time. */
export function processUidFromPid(hostId: string, pid: number, startTs: number): string {
  return `${hostId}|pid:${pid}@${startTs}`;
}

export function osOfPath(path: string): Os {
  if (/^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\')) return 'windows';
  if (path.startsWith('/')) return 'linux';
  return 'unknown';
}

/**
 * Normalizes a path for identity: Windows paths drop `\\?\` and device prefixes, use backslashes
 * and compare case-insensitively; POSIX paths are kept as they are.
 */
export function normalizePath(path: string, os: Os): string {
  if (os !== 'windows') return path;
  let p = path.replace(/\//g, '\\');
  p = p.replace(/^\\\\\?\\(UNC\\)?/i, (_m, unc: string | undefined) => (unc ? '\\\\' : ''));
  p = p.replace(/^\\\?\?\\/, '');
  return p.toLowerCase();
}

/** Windows variables with the same value on every host (default installation locations). */
const windowsMachineVariables: Record<string, string> = {
  systemroot: 'C:\\Windows',
  windir: 'C:\\Windows',
  systemdrive: 'C:',
  programfiles: 'C:\\Program Files',
  'programfiles(x86)': 'C:\\Program Files (x86)',
  programw6432: 'C:\\Program Files',
  commonprogramfiles: 'C:\\Program Files\\Common Files',
  'commonprogramfiles(x86)': 'C:\\Program Files (x86)\\Common Files',
  programdata: 'C:\\ProgramData',
  allusersprofile: 'C:\\ProgramData',
  public: 'C:\\Users\\Public',
};

/** Windows variables under the user's profile, known when the event names its user. */
const windowsProfileVariables: Record<string, string> = {
  userprofile: '',
  homepath: '',
  appdata: '\\AppData\\Roaming',
  localappdata: '\\AppData\\Local',
  temp: '\\AppData\\Local\\Temp',
  tmp: '\\AppData\\Local\\Temp',
};

/** The account name without its domain (CORP\\alice, alice@corp.example → alice); none for service accounts. */
function accountName(user: string | undefined): string | undefined {
  const name = user?.split('\\').pop()?.split('@')[0]?.trim();
  if (!name || /^(system|local service|network service|localsystem)$/i.test(name) || name.endsWith('$')) return undefined;
  return name;
}

/**
 * Expands the variables whose value is known, so `%ProgramFiles%\\App\\app.exe` and
 * `C:\\Program Files\\App\\app.exe` are one file: machine-wide Windows variables at their
 * default locations, profile variables and `~` when the user is known (an unknown variable
 * stays as written, rather than a guess joining two different files).
 */
export function expandPathVariables(path: string, os: Os, user?: string): string {
  const account = accountName(user);
  if (os === 'windows' || (os === 'unknown' && path.includes('%'))) {
    return path.replace(/%([^%\\/]+)%/g, (whole, name: string) => {
      const key = name.toLowerCase();
      if (key in windowsMachineVariables) return windowsMachineVariables[key]!;
      if (key in windowsProfileVariables && account) return `C:\\Users\\${account}${windowsProfileVariables[key]}`;
      return whole;
    });
  }
  const tilde = /^~([^/]*)(?=\/|$)/.exec(path);
  if (!tilde) return path;
  const owner = tilde[1] || account;
  if (!owner) return path;
  const home = owner === 'root' ? (os === 'macos' ? '/var/root' : '/root') : `${os === 'macos' ? '/Users' : '/home'}/${owner}`;
  return home + path.slice(tilde[0].length);
}

export function fileUid(hostId: string, path: string, os: Os): string {
  return `${hostId}|${normalizePath(path, os)}`;
}

/** The host id a process or file uid starts with (both are `<hostId>|...`). */
export function hostOfUid(uid: string): string {
  return uid.slice(0, uid.indexOf('|'));
}

export function shortHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
