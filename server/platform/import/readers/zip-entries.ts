// Names of the entries in a ZIP file, read from the central directory at its end, so an XLSX can be told
// apart from a DOCX, an ODS or any other ZIP without unpacking anything.

const EOCD = 0x06054b50; // end of central directory
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function zipEntryNames(bytes: Uint8Array, max = 500): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const name = (at: number, len: number) => Buffer.from(bytes.subarray(at, at + len)).toString('latin1');
  const names: string[] = [];

  // The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (u32(at) !== EOCD) continue;
    let p = u32(at + 16);
    const count = u16(at + 10);
    for (let i = 0; i < count && names.length < max && u32(p) === CENTRAL; i++) {
      const nameLen = u16(p + 28);
      names.push(name(p + 46, nameLen));
      p += 46 + nameLen + u16(p + 30) + u16(p + 32);
    }
    if (names.length > 0) return names;
    break;
  }

  // No usable central directory (truncated upload): walk the local headers from the start instead.
  let p = 0;
  while (names.length < max && u32(p) === LOCAL) {
    const nameLen = u16(p + 26);
    names.push(name(p + 30, nameLen));
    const size = u32(p + 18);
    // Bit 3: sizes follow the data instead of preceding it, so the next header cannot be found.
    if ((u16(p + 6) & 0x08) !== 0 || size <= 0) break;
    p += 30 + nameLen + u16(p + 28) + size;
  }
  return names;
}
