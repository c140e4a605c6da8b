import { describe, expect, it } from 'vitest';
import { expandPathVariables, fileUid, normalizePath, processUid } from '../../src/adapters/identity.js';
import { planWrites } from '../../src/graph/eventRows.js';
import type { NormalizedEvent } from '../../src/model/event.js';

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

  it('expands machine-wide Windows variables, any case, and profile variables when the user is known', () => {
    expect(expandPathVariables('%ProgramFiles%\\App\\app.exe', 'windows')).toBe('C:\\Program Files\\App\\app.exe');
    expect(expandPathVariables('%SYSTEMROOT%\\System32\\x.dll', 'windows')).toBe('C:\\Windows\\System32\\x.dll');
    expect(expandPathVariables('%LOCALAPPDATA%\\Slack\\Update.exe', 'windows', 'CORP\\alice')).toBe('C:\\Users\\alice\\AppData\\Local\\Slack\\Update.exe');
    expect(expandPathVariables('%TEMP%\\a.dll', 'windows', 'bob@corp.example')).toBe('C:\\Users\\bob\\AppData\\Local\\Temp\\a.dll');
  });

  it('leaves a variable it cannot know as written: unknown names, profile variables without a user or for SYSTEM', () => {
    expect(expandPathVariables('%LOCALAPPDATA%\\x.exe', 'windows')).toBe('%LOCALAPPDATA%\\x.exe');
    expect(expandPathVariables('%LOCALAPPDATA%\\x.exe', 'windows', 'NT AUTHORITY\\SYSTEM')).toBe('%LOCALAPPDATA%\\x.exe');
    expect(expandPathVariables('%MY_TOOLS%\\x.exe', 'windows', 'alice')).toBe('%MY_TOOLS%\\x.exe');
  });

  it('expands ~ and ~user to the home folder of the platform', () => {
    expect(expandPathVariables('~/.local/bin/tool', 'linux', 'maria')).toBe('/home/maria/.local/bin/tool');
    expect(expandPathVariables('~sam/Applications/A.app', 'macos')).toBe('/Users/sam/Applications/A.app');
    expect(expandPathVariables('~/x', 'linux', 'root')).toBe('/root/x');
    expect(expandPathVariables('~/x', 'linux')).toBe('~/x');
    expect(expandPathVariables('/opt/~weird', 'linux', 'maria')).toBe('/opt/~weird');
  });

  it('joins a file written with a variable and the same file run by its full path into one node', () => {
    const host = { id: 'ws-1', name: 'ws-1', os: 'windows' as const };
    const source = { format: 'test', recordId: 'r' };
    const events = [
      { v: 1, id: 'w', ts: 1, host, source, kind: 'file', op: 'create', actor: { uid: 'ws-1|p1' }, path: '%ProgramFiles%\\App\\app.exe' },
      { v: 1, id: 's', ts: 2, host, source, kind: 'process.start', process: { uid: 'ws-1|p2', image: 'C:\\Program Files\\App\\APP.exe', user: 'CORP\\alice' } },
    ] as unknown as NormalizedEvent[];
    const plan = planWrites(events);
    expect(plan.fileWrites[0]!.fileUid).toBe(plan.processStarts[0]!.imageUid);
    expect(plan.fileWrites[0]!.path).toBe('C:\\Program Files\\App\\app.exe');
  });
});
