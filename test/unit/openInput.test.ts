import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsOf } from '../../src/ingest/openInput.js';

const lines = '{"EventID":1,"Image":"C:\\\\Windows\\\\System32\\\\msiexec.exe"}\n{"EventID":3}\n';

async function textOf(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

/** A path that is a stream (a FIFO, `<(zcat …)`, /dev/stdin) is read once, as it comes. */
describe('inputs that are streams, not files', () => {
  let dir: string;
  let fifo: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provhunt-fifo-'));
    fifo = path.join(dir, 'telemetry');
    execFileSync('mkfifo', [fifo]);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const feed = (bytes: Buffer | string) => fs.promises.writeFile(fifo, bytes);

  it('reads a FIFO once, whole, as a live input (it used to be probed for zip and gzip first, which took its bytes and then waited forever)', async () => {
    const inputs = await inputsOf(fifo);
    expect(inputs.map((i) => [i.name, i.live])).toEqual([[fifo, true]]);
    const written = feed(lines);
    expect(await textOf(await inputs[0]!.open())).toBe(lines);
    await written;
  });

  it('opens a live stream whose first bytes cannot begin gzip or zip without waiting for more (a writer that sent only "{}")', async () => {
    const [input] = await inputsOf(fifo);
    const writer = fs.createWriteStream(fifo);
    writer.write('{}');
    const stream = await input!.open(); // resolves with the writer still open
    const first = await new Promise<string>((resolve) => stream.once('data', resolve));
    expect(first).toBe('{}');
    await new Promise<void>((resolve) => writer.end('\n', resolve));
  });

  it('gunzips a gzip stream by its first bytes', async () => {
    const [input] = await inputsOf(fifo);
    const written = feed(gzipSync(lines));
    expect(await textOf(await input!.open())).toBe(lines);
    await written;
  });

  it('keeps a stream that ends before the bytes that tell gzip apart', async () => {
    const [input] = await inputsOf(fifo);
    const written = feed('{}');
    expect(await textOf(await input!.open())).toBe('{}');
    await written;
  });

  it('refuses a zip archive on a stream with an error naming it', async () => {
    const [input] = await inputsOf(fifo);
    const written = feed(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'zip', 'telemetry.zip')));
    await expect(input!.open()).rejects.toThrow(`${fifo}: a zip archive cannot be read from a stream; give its path instead`);
    await written.catch(() => undefined); // the reader closed the pipe early
  });

  it('still reads a regular file as a file, not live', async () => {
    const file = path.join(dir, 'file.jsonl.gz');
    fs.writeFileSync(file, gzipSync(lines));
    const inputs = await inputsOf(file);
    expect(inputs.map((i) => i.live)).toEqual([false]);
    expect(await textOf(await inputs[0]!.open())).toBe(lines);
  });
});
