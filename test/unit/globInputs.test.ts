import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/ingest/ingestFiles.js';

function tree(files: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glob-'));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), '{}\n');
  }
  return root;
}

describe('ingest inputs: quoted globs expanded in-process', () => {
  const root = tree(['a/sysmon-1.jsonl', 'a/sysmon-2.jsonl', 'a/notes.txt', 'a/deep/x/sysmon-3.jsonl.gz', 'b/dpkg.log']);
  const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

  it('matches names with * and ?, folders with **, classes with [...]', () => {
    expect(rel(expandInputs([path.join(root, 'a', 'sysmon-?.jsonl')]))).toEqual(['a/sysmon-1.jsonl', 'a/sysmon-2.jsonl']);
    expect(rel(expandInputs([path.join(root, '**', 'sysmon-*')]))).toEqual(['a/deep/x/sysmon-3.jsonl.gz', 'a/sysmon-1.jsonl', 'a/sysmon-2.jsonl']);
    expect(rel(expandInputs([path.join(root, '*', '*.log')]))).toEqual(['b/dpkg.log']);
    expect(rel(expandInputs([path.join(root, 'a', 'sysmon-[2-9].jsonl')]))).toEqual(['a/sysmon-2.jsonl']);
  });

  it('says so when a pattern matches nothing, and keeps literal paths and folders as before', () => {
    expect(() => expandInputs([path.join(root, '*.evtx')])).toThrow(/no file matches this pattern/);
    expect(() => expandInputs([path.join(root, 'missing.jsonl')])).toThrow(/no such file or folder/);
    expect(rel(expandInputs([path.join(root, 'b')]))).toEqual(['b/dpkg.log']);
  });
});
