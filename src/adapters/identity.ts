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
