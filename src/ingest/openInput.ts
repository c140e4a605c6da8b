import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { isZip, openZipEntry, zipEntries } from './zipArchive.js';

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Opens an input as UTF-8 text, gunzipped when its first bytes say gzip (never by name): a file,
 * standard input for `-`, or a path that is a stream (a FIFO, `<(zcat …)`, `/dev/stdin`).
 */
export async function openInput(path: string): Promise<Readable> {
  if (path === '-') return textOf(await decompressed(process.stdin, 'standard input'));
  if (isStream(path)) return textOf(await decompressed(fs.createReadStream(path), path));
  return textOf((await isGzip(path)) ? gunzipped(fs.createReadStream(path)) : fs.createReadStream(path));
}

/** One named input of a file: the file itself, or each entry of a zip archive (named archive.zip!entry). */
export interface NamedInput {
  name: string;
  /** Standard input and other streams may be live (tail -F): their partial batches linger, a file's do not. */
  live: boolean;
  open(): Promise<Readable>;
}

/** The inputs a path holds: a zip archive's entries (each maybe gzip too), else the file or stream itself. */
export async function inputsOf(path: string): Promise<NamedInput[]> {
  // A stream can be read once only: it is not probed for zip (which needs to seek) before it is opened.
  if (path === '-' || isStream(path)) return [{ name: path, live: true, open: () => openInput(path) }];
  if (!(await isZip(path))) return [{ name: path, live: false, open: () => openInput(path) }];
  return (await zipEntries(path)).map((entry) => ({
    name: `${path}!${entry.name}`,
    live: false,
    open: async () => {
      const stream = await openZipEntry(path, entry);
      return textOf(/\.gz$/i.test(entry.name) ? gunzipped(stream) : stream);
    },
  }));
}

/** Not a regular file (or a folder): a FIFO, a character device, a socket. Missing paths are the opener's to report. */
function isStream(path: string): boolean {
  try {
    const stat = fs.statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

function textOf(stream: Readable): Readable {
  stream.setEncoding('utf8');
  return stream;
}

/**
 * The stream itself, or piped through gunzip when it starts with gzip's magic bytes: read from
 * the stream and put back, since a pipe cannot be opened twice. A zip archive needs random
 * access and cannot be read from a pipe: that is an error naming the input.
 */
export async function decompressed(input: Readable, name: string, abandon: Abandon = destroy): Promise<Readable> {
  const { head, stream } = await peek(input, ZIP_MAGIC.length);
  if (startsWith(head, ZIP_MAGIC)) {
    abandon(stream);
    throw new Error(`${name}: a zip archive cannot be read from a stream; give its path instead`);
  }
  return startsWith(head, GZIP_MAGIC) ? gunzipped(stream, abandon) : stream;
}

/**
 * What to do with a source no longer read: close it (a file, a pipe); an HTTP request is drained
 * instead, since destroying it resets the connection before the error answer gets out.
 */
export type Abandon = (source: Readable) => void;
const destroy: Abandon = (source) => source.destroy();

/**
 * The source through gunzip, with the source's errors (EIO on a pipe, a file gone) ending the
 * gunzipped stream that readers hold, and the source closed when they destroy that stream.
 */
export function gunzipped(source: Readable, abandon: Abandon = destroy): Readable {
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  gunzip.on('close', () => abandon(source));
  return source.pipe(gunzip);
}

/**
 * Up to `bytes` first bytes of a stream, and the stream to read from then: the same one with
 * them put back, or, when it ended within them, a stream of just those bytes.
 */
async function peek(stream: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  // Enough once the bytes seen cannot begin either magic: a live '{}' is not held for a fourth byte.
  const undecided = () => length < bytes && [GZIP_MAGIC, ZIP_MAGIC].some((magic) => Buffer.concat(chunks).every((byte, i) => i >= magic.length || byte === magic[i]));
  while (undecided()) {
    const chunk = stream.read() as Buffer | string | null;
    if (chunk !== null) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      chunks.push(buffer);
      length += buffer.length;
      continue;
    }
    if (stream.readableEnded || stream.destroyed) break;
    const ended = await new Promise<boolean>((resolve, reject) => {
      const onReadable = () => done(false);
      const onEnd = () => done(true);
      const onError = (err: Error) => {
        cleanUp();
        reject(err);
      };
      const cleanUp = () => {
        stream.off('readable', onReadable);
        stream.off('end', onEnd);
        stream.off('error', onError);
      };
      const done = (value: boolean) => {
        cleanUp();
        resolve(value);
      };
      stream.on('readable', onReadable);
      stream.on('end', onEnd);
      stream.on('error', onError);
    });
    if (ended) break;
  }
  const head = Buffer.concat(chunks);
  if (stream.readableEnded) return { head, stream: Readable.from(head.length > 0 ? [head] : [], { objectMode: false }) };
  if (head.length > 0) stream.unshift(head);
  return { head, stream };
}

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
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
