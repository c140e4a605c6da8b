import { Readable } from 'node:stream';
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

  it('refuses an unknown --format with the list of known ones', async () => {
    await expect(outcomes('{}', 'nope')).rejects.toThrow(/^unknown format 'nope' \(known: sysmon/);
  });
});
