// Names of the entries in a ZIP file, read from the central directory at its end, so an XLSX can be told
// apart from a DOCX, an ODS or any other ZIP without unpacking anything.
import { centralEntries, LOCAL } from './zip-directory.js';

export function zipEntryNames(bytes: Uint8Array, max = 500): string[] {
  const listed = centralEntries(bytes, max);
  if (listed && listed.length > 0) return listed.map((e) => e.name);

  // No usable central directory (truncated upload): walk the local headers from the start instead.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const names: string[] = [];
  let p = 0;
  while (names.length < max && u32(p) === LOCAL) {
    const nameLen = u16(p + 26);
    names.push(Buffer.from(bytes.subarray(p + 30, p + 30 + nameLen)).toString('latin1'));
    const size = u32(p + 18);
    // Bit 3: sizes follow the data instead of preceding it, so the next header cannot be found.
    if ((u16(p + 6) & 0x08) !== 0 || size <= 0) break;
    p += 30 + nameLen + u16(p + 28) + size;
  }
  return names;
}
