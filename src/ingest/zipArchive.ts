import fs from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * Reads .zip archives (how public datasets such as Security-Datasets ship telemetry) without
 * unpacking them: the central directory says where each entry is; each entry is streamed and
 * inflated on its own, so memory stays bounded whatever the archive's size. Zip64 is supported;
 * encrypted entries and compression methods other than stored and deflate are refused by name.
 */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

export class ZipError extends Error {}

export async function isZip(path: string): Promise<boolean> {
  const head = await readAt(path, 0, 4).catch(() => Buffer.alloc(0));
  return head.length === 4 && head.readUInt32LE(0) === LOCAL_HEADER;
}

/** The archive's file entries in directory order (folders and macOS resource forks left out). */
export async function zipEntries(path: string): Promise<ZipEntry[]> {
  const size = (await fs.promises.stat(path)).size;
  const tailLength = Math.min(size, 22 + MAX_COMMENT + 20);
  const tail = await readAt(path, size - tailLength, tailLength);
  const eocdAt = lastIndexOfSignature(tail, EOCD);
  if (eocdAt < 0) throw new ZipError(`${path}: not a zip archive (no end of central directory)`);
  let count = tail.readUInt16LE(eocdAt + 10);
  let dirSize = tail.readUInt32LE(eocdAt + 12);
  let dirOffset = tail.readUInt32LE(eocdAt + 16);
  if (eocdAt >= 20 && tail.readUInt32LE(eocdAt - 20) === ZIP64_LOCATOR) {
    const zip64 = await readAt(path, Number(tail.readBigUInt64LE(eocdAt - 20 + 8)), 56);
    if (zip64.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError(`${path}: damaged zip64 directory`);
    count = Number(zip64.readBigUInt64LE(32));
    dirSize = Number(zip64.readBigUInt64LE(40));
    dirOffset = Number(zip64.readBigUInt64LE(48));
  }
  const dir = await readAt(path, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  for (let at = 0, i = 0; i < count; i++) {
    if (dir.readUInt32LE(at) !== CENTRAL_HEADER) throw new ZipError(`${path}: damaged central directory at entry ${i + 1}`);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
    const sizes = zip64Sizes(dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
      uncompressed: dir.readUInt32LE(at + 24),
      compressed: dir.readUInt32LE(at + 20),
      offset: dir.readUInt32LE(at + 42),
    });
    if (!isFolderOrFork(name)) {
      entries.push({ name, method: dir.readUInt16LE(at + 10), encrypted: (dir.readUInt16LE(at + 8) & 1) === 1, compressedSize: sizes.compressed, localHeaderOffset: sizes.offset });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's content, inflated as it is read. */
export async function openZipEntry(path: string, entry: ZipEntry): Promise<Readable> {
  if (entry.encrypted) throw new ZipError(`${path}!${entry.name}: encrypted zip entries are not supported; unpack it first`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${path}!${entry.name}: zip compression method ${entry.method} is not supported (only stored and deflate)`);
  const local = await readAt(path, entry.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipError(`${path}!${entry.name}: damaged local header`);
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = fs.createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  return entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
}

/** Values stored as 0xFFFFFFFF in the central header are in the zip64 extra field, in this order. */
function zip64Sizes(extra: Buffer, sizes: { uncompressed: number; compressed: number; offset: number }) {
  const FULL = 0xffffffff;
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (sizes.uncompressed === FULL) sizes.uncompressed = next();
      if (sizes.compressed === FULL) sizes.compressed = next();
      if (sizes.offset === FULL) sizes.offset = next();
    }
    at += 4 + length;
  }
  return sizes;
}

function isFolderOrFork(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name);
}

function lastIndexOfSignature(buffer: Buffer, signature: number): number {
  for (let at = buffer.length - 22; at >= 0; at--) if (buffer.readUInt32LE(at) === signature) return at;
  return -1;
}

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
