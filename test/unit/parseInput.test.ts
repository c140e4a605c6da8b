import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/ingest/parseInput.js';

async function outcomes(text: string, format?: string) {
  const out = [];
  for await (const o of parseInput(Readable.from([text]), { fileName: 'input.log', format })) out.push(o);
  return out;
}

describe('parseInput', () => {
  it('rejects every line of a text format no adapter knows, naming the line', async () => {
    expect(await outcomes('hello there\n\nsecond line\n')).toEqual([
      { outcome: 'rejected', line: 1, reason: 'not JSON, and no text adapter recognizes this format (use --format)' },
      { outcome: 'rejected', line: 3, reason: 'not JSON, and no text adapter recognizes this format (use --format)' },
    ]);
  });

  it('parses JSON records after leading blank lines, each with its line', async () => {
    const result = await outcomes('\n\n{"EventID": 4624, "Channel": "Security", "Hostname": "dc1"}\n{"nope": 1}\n');
    expect(result).toEqual([
      { outcome: 'skipped', line: 3, reason: "windows channel 'Security' is not modelled" },
      { outcome: 'rejected', line: 4, reason: 'no adapter recognizes this record' },
    ]);
  });

  it('parses a live text log from its first recognized line, without waiting for five (tail -F dpkg.log)', async () => {
    const stream = new PassThrough();
    const parsed = parseInput(stream, { fileName: '-', hostName: 'build-01', live: true })[Symbol.asyncIterator]();
    stream.write('2024-01-15 10:22:31 upgrade curl:amd64 7.88.1-10 7.88.1-10+deb12u5\n');
    // Resolves while the stream stays open with one line: a wait for five would never resolve.
    const first = await parsed.next();
    expect(first.value).toMatchObject({ outcome: 'events', line: 1 });
    stream.end('2024-01-15 10:22:32 status installed curl:amd64 7.88.1-10+deb12u5\n');
    const rest = [];
    for (let next = await parsed.next(); !next.done; next = await parsed.next()) rest.push(next.value);
    expect(rest.map((o) => o.line)).toEqual([2]);
  });

  it('refuses an unknown --format with the list of known ones', async () => {
    await expect(outcomes('{}', 'nope')).rejects.toThrow(/^unknown format 'nope' \(known: sysmon/);
  });
});
