/**
 * Reading a zip (PKWARE APPNOTE) without holding it in memory: the central directory from the
 * end of the file, then each entry streamed through the platform's DecompressionStream. About a
 * page over the spec, so no dependency (fflate and unzipit read whole buffers or need their own
 * inflate; DecompressionStream("deflate-raw") is built into workerd). Zip64 is not needed below
 * 65,535 entries and 4 GB, far beyond a 100 MB OneRoster export, and is refused clearly.
 */

/** Random access to the zip's bytes (R2 range reads in production, a buffer in tests). */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  stream(offset: number, length: number): Promise<ReadableStream<Uint8Array>>;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/** The entries listed in the central directory (directories left out). */
export async function readZipEntries(source: ZipSource): Promise<ZipEntry[]> {
  if (source.size < EOCD_MIN) throw new ZipError("The file is not a zip (too short).");
  const tailLength = Math.min(source.size, EOCD_MIN + MAX_COMMENT);
  const tail = await source.read(source.size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("The file is not a zip (no end of central directory).");
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError("Zip64 archives are not supported; export a smaller zip.");
  if (dirOffset + dirSize > source.size) throw new ZipError("The zip's central directory lies outside the file.");
  const dir = await source.read(dirOffset, dirSize);
  const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dv.getUint32(p, true) !== CENTRAL_SIGNATURE) throw new ZipError("The zip's central directory is damaged.");
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const localHeaderOffset = dv.getUint32(p + 42, true);
    const name = decoder.decode(dir.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw new ZipError("Zip64 archives are not supported; export a smaller zip.");
    }
    entries.push({ name, method, compressedSize, size, localHeaderOffset });
  }
  return entries;
}

/** The entry's uncompressed bytes as a stream (stored or deflated entries). */
export async function openEntry(source: ZipSource, entry: ZipEntry): Promise<ReadableStream<Uint8Array>> {
  const header = await source.read(entry.localHeaderOffset, 30);
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || hv.getUint32(0, true) !== LOCAL_SIGNATURE) throw new ZipError(`The zip entry ${entry.name} is damaged.`);
  const dataOffset = entry.localHeaderOffset + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
  if (dataOffset + entry.compressedSize > source.size) throw new ZipError(`The zip entry ${entry.name} lies outside the file.`);
  const raw = await source.stream(dataOffset, entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return raw.pipeThrough(new DecompressionStream("deflate-raw"));
  throw new ZipError(`The zip entry ${entry.name} uses compression method ${entry.method}; only stored and deflate are supported.`);
}

/** A zip held in memory (tests, small uploads). */
export function bufferSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    stream: async (offset, length) => new Blob([bytes.subarray(offset, offset + length)]).stream(),
  };
}

/** A zip in an R2 bucket, read by ranges: the 100 MB upload is never held whole. */
export async function r2Source(bucket: R2Bucket, key: string): Promise<ZipSource | null> {
  const head = await bucket.head(key);
  if (!head) return null;
  const get = async (offset: number, length: number) => {
    const object = await bucket.get(key, { range: { offset, length } });
    if (!object) throw new ZipError("The upload is no longer stored.");
    return object.body;
  };
  return {
    size: head.size,
    read: async (offset, length) => (length === 0 ? new Uint8Array() : new Uint8Array(await new Response(await get(offset, length)).arrayBuffer())),
    stream: async (offset, length) => (length === 0 ? new Blob([]).stream() : get(offset, length)),
  };
}
