import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/paths.js';
import { inputsOf } from '../../src/ingest/openInput.js';
import { parseInput, type InputOutcome } from '../../src/ingest/parseInput.js';
import { zipEntries } from '../../src/ingest/zipArchive.js';

const zips = path.join(projectRoot, 'test', 'fixtures', 'zip');

async function outcomesOf(file: string): Promise<Map<string, InputOutcome[]>> {
  const byInput = new Map<string, InputOutcome[]>();
  for (const input of await inputsOf(file)) {
    const outcomes: InputOutcome[] = [];
    for await (const o of parseInput(await input.open(), { fileName: input.name })) outcomes.push(o);
    byInput.set(path.relative(zips, input.name), outcomes);
  }
  return byInput;
}

describe('zip archives as inputs', () => {
  it('reads every file entry (deflated, stored, gzip inside), leaving out folders and macOS resource forks', async () => {
    const byInput = await outcomesOf(path.join(zips, 'telemetry.zip'));
    expect([...byInput.keys()]).toEqual(['telemetry.zip!sysmon/deflated.jsonl', 'telemetry.zip!stored.jsonl', 'telemetry.zip!nested.jsonl.gz', 'telemetry.zip!empty.jsonl']);
    const started = (name: string) => byInput.get(name)!.flatMap((o) => (o.outcome === 'events' ? o.events.map((e) => e.source.recordId) : []));
    expect(started('telemetry.zip!sysmon/deflated.jsonl')).toHaveLength(2);
    expect(started('telemetry.zip!stored.jsonl')).toHaveLength(1);
    expect(started('telemetry.zip!nested.jsonl.gz')).toHaveLength(1);
    expect(byInput.get('telemetry.zip!empty.jsonl')).toEqual([]);
  });

  it('reports a bad record inside an entry by the entry and its line', async () => {
    const stored = (await outcomesOf(path.join(zips, 'telemetry.zip'))).get('telemetry.zip!stored.jsonl')!;
    const rejected = stored.filter((o) => o.outcome === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.line).toBe(2);
  });

  /**
   * zip64.zip: Python's zipfile with force_zip64=True on each entry, and its ZIP64_LIMIT and
   * ZIP_FILECOUNT_LIMIT lowered to 1 while writing, so that a 1 KiB archive carries every zip64
   * record a multi-gigabyte one would: local headers and central directory entries whose sizes and
   * offsets are 0xFFFFFFFF with the real values in the zip64 extra field, and a zip64 end of
   * central directory record with its locator.
   */
  it('reads a zip64 archive: sizes and offsets from the zip64 extra fields, the directory from the zip64 end record', async () => {
    const archive = path.join(zips, 'zip64.zip');
    const entries = await zipEntries(archive);
    // The central directory says 0xFFFFFFFF for each of these: only the zip64 extra field has them.
    expect(entries.map((e) => [e.name, e.method, e.localHeaderOffset, e.compressedSize])).toEqual([
      ['sysmon/deflated.jsonl', 8, 0, 298],
      ['stored.jsonl', 0, 369, 512],
    ]);
    const byInput = await outcomesOf(archive);
    const started = (name: string) => byInput.get(name)!.flatMap((o) => (o.outcome === 'events' ? o.events.map((e) => e.source.recordId) : []));
    expect([...byInput.keys()]).toEqual(['zip64.zip!sysmon/deflated.jsonl', 'zip64.zip!stored.jsonl']);
    expect(started('zip64.zip!sysmon/deflated.jsonl')).toEqual(['1', '2']);
    expect(started('zip64.zip!stored.jsonl')).toEqual(['3']);
  });

  it('refuses a compression method it cannot read, naming the entry', async () => {
    const [entry] = await inputsOf(path.join(zips, 'bzip2.zip'));
    await expect(entry!.open()).rejects.toThrow(/bzip2\.zip!a\.jsonl: zip compression method 12 is not supported/);
  });

  it('treats a file that only looks like a zip by name as what it is', async () => {
    const inputs = await inputsOf(path.join(projectRoot, 'test', 'fixtures', 'sysmon', 'evtx-json-image-load.json'));
    expect(inputs.map((i) => path.basename(i.name))).toEqual(['evtx-json-image-load.json']);
  });
});
