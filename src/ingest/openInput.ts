import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

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

async function isGzip(path: string): Promise<boolean> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
