// The entries of a ZIP held in memory, from its central directory, and their contents: small parts
// inflated at once, a large part (an XLSX worksheet) as a stream of chunks so it never sits in memory whole.
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** False when the directory ended before listing every entry it announces (a truncated upload). */
  complete: boolean;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Every entry the central directory at the end of the ZIP lists (up to `max`), or null when there is none. */
export function centralEntries(bytes: Uint8Array, max = Infinity): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (u32(at) !== EOCD) continue;
    const count = u16(at + 10);
    let p = u32(at + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count && entries.length < max; i++) {
      if (p + 46 > bytes.length || u32(p) !== CENTRAL) break;
      const nameLen = u16(p + 28);
      entries.push({
        name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLen)).toString('utf8'),
        flags: u16(p + 8),
        method: u16(p + 10),
        compressedSize: u32(p + 20),
        size: u32(p + 24),
        localOffset: u32(p + 42),
        complete: true,
      });
      p += 46 + nameLen + u16(p + 30) + u16(p + 32);
    }
    if (entries.length < Math.min(count, max)) entries.forEach((e) => (e.complete = false));
    return entries;
  }
  return null;
}

/**
 * Entries by name, or null when the directory cannot be used as it is: none found or cut short, ZIP64
 * (sizes past 4 GiB markers), encrypted entries or a compression other than stored/deflate. Callers then
 * fall back to a general reader.
 */
export function zipDirectory(bytes: Uint8Array): Map<string, ZipEntry> | null {
  const entries = centralEntries(bytes);
  if (!entries || entries.some((e) => !e.complete)) return null;
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff) return null;
    if ((e.flags & 0x1) !== 0 || (e.method !== STORED && e.method !== DEFLATED)) return null;
    byName.set(e.name, e);
  }
  return byName;
}

/** The entry's compressed bytes, located through its local header. */
function rawData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== LOCAL) throw new Error(`bad local header for ${e.name}`);
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > bytes.length) throw new Error(`${e.name} is cut short`);
  return bytes.subarray(start, start + e.compressedSize);
}

/** A small part's contents; null when it would be larger than `limit` bytes (a ZIP bomb must not fill the memory). */
export function readEntry(bytes: Uint8Array, e: ZipEntry, limit: number): Buffer | null {
  if (e.size > limit) return null;
  const data = rawData(bytes, e);
  if (e.method === STORED) return Buffer.from(data);
  try {
    // The declared size can lie; the inflater stops at the limit whatever the header says.
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/** A part's contents chunk by chunk; ending the iteration early stops inflating. */
export function streamEntry(bytes: Uint8Array, e: ZipEntry): AsyncIterable<Buffer> {
  const raw = rawData(bytes, e);
  const source = Readable.from([Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)], { objectMode: false });
  return e.method === STORED ? source : source.pipe(createInflateRaw({ chunkSize: 64 * 1024 }));
}
