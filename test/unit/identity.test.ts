import { describe, expect, it } from 'vitest';
import { fileUid, normalizePath, processUid } from '../../src/adapters/identity.js';

describe('identities', () => {
  it('normalizes Windows paths: case, slashes, \\\\?\\ and \\??\\ prefixes', () => {
    expect(normalizePath('C:/Program Files/App/App.EXE', 'windows')).toBe('c:\\program files\\app\\app.exe');
    expect(normalizePath('\\\\?\\C:\\Program Files\\App\\app.exe', 'windows')).toBe('c:\\program files\\app\\app.exe');
    expect(normalizePath('\\??\\C:\\Windows\\x.dll', 'windows')).toBe('c:\\windows\\x.dll');
    expect(normalizePath('\\\\?\\UNC\\server\\share\\a.msi', 'windows')).toBe('\\\\server\\share\\a.msi');
  });

  it('keeps POSIX paths case-sensitive', () => {
    expect(fileUid('h', '/usr/local/bin/Tool', 'linux')).toBe('h|/usr/local/bin/Tool');
  });

  it('gives a GUID the same key with or without braces and in any case', () => {
    expect(processUid('h', '{ABCD-01}')).toBe(processUid('h', 'abcd-01'));
  });
});
