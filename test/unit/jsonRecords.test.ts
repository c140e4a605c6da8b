import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonRecords } from '../../src/ingest/jsonRecords.js';

async function collect(text: string) {
  const out = [];
  for await (const item of jsonRecords(Readable.from([text]))) out.push(item);
  return out;
}

describe('jsonRecords', () => {
  it('reads JSON lines, reporting a truncated line and binary junk by line number without losing the next line', async () => {
    const items = await collect('{"a":1}\n{"b":2\n\u0000\u0001junk\n\n{"c":3}\n');
    expect(items.map((i) => (i.kind === 'record' ? ['record', i.line, i.value] : ['error', i.line]))).toEqual([
      ['record', 1, { a: 1 }],
      ['error', 2],
      ['error', 3],
      ['record', 5, { c: 3 }],
    ]);
    expect(items[1]).toMatchObject({ reason: expect.stringMatching(/^invalid JSON: /) });
  });

  it('reads concatenated pretty-printed objects with braces inside strings, and CRLF endings', async () => {
    const text = '{\r\n  "msg": "a } brace \\" quote",\r\n  "n": {"x": [1, 2]}\r\n}\r\n{\r\n  "second": true\r\n}\r\n';
    expect(await collect(text)).toEqual([
      { kind: 'record', line: 1, value: { msg: 'a } brace " quote', n: { x: [1, 2] } } },
      { kind: 'record', line: 5, value: { second: true } },
    ]);
  });

  it('reports a pretty-printed record that never closes', async () => {
    expect(await collect('{\n "a": 1\n}\n{\n "b": 2\n')).toEqual([
      { kind: 'record', line: 1, value: { a: 1 } },
      { kind: 'error', line: 4, reason: 'truncated JSON: the record never closes' },
    ]);
  });

  it('yields the items of a top-level array', async () => {
    expect(await collect('[{"a":1},{"a":2}]\n')).toEqual([
      { kind: 'record', line: 1, value: { a: 1 } },
      { kind: 'record', line: 1, value: { a: 2 } },
    ]);
  });
});

describe('jsonRecords mode choice', () => {
  it('treats a cut-off first line as JSON lines, so the next line is judged on its own', async () => {
    const items = await collect('{"EventID": 1\n{"ok": true}\n');
    expect(items.map((i) => i.kind)).toEqual(['error', 'record']);
  });

  it('treats a first line that opens an object and continues as pretty-printed JSON', async () => {
    expect(await collect('{"Event": {\n  "a": 1\n}}\n')).toEqual([{ kind: 'record', line: 1, value: { Event: { a: 1 } } }]);
  });
});
