import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isZip, openZipEntry, zipEntries } from './zipArchive.js';

/** Opens a file (gzip by magic bytes, not by name) or standard input for `-`, as UTF-8 text. */
export async function openInput(path: string): Promise<Readable> {
  if (path === '-') {
    process.stdin.setEncoding('utf8');
    return process.stdin;
  }
  const stream: Readable = (await isGzip(path)) ? fs.createReadStream(path).pipe(createGunzip()) : fs.createReadStream(path);
  stream.setEncoding('utf8');
  return stream;
}

/** One named input of a file: the file itself, or each entry of a zip archive (named archive.zip!entry). */
export interface NamedInput {
  name: string;
  /** Standard input may be a live stream (tail -F): its partial batches linger, a file's do not. */
  live: boolean;
  open(): Promise<Readable>;
}

/** The inputs a path holds: a zip archive's entries (each maybe gzip too), else the file itself. */
export async function inputsOf(path: string): Promise<NamedInput[]> {
  if (path === '-' || !(await isZip(path))) return [{ name: path, live: path === '-', open: () => openInput(path) }];
  return (await zipEntries(path)).map((entry) => ({
    name: `${path}!${entry.name}`,
    live: false,
    open: async () => {
      const stream = await openZipEntry(path, entry);
      const text = /\.gz$/i.test(entry.name) ? stream.pipe(createGunzip()) : stream;
      text.setEncoding('utf8');
      return text;
    },
  }));
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
