// Bytes → text for CSV and VCF files. What Iranian users actually upload:
// - "CSV UTF-8" from Excel or Google Sheets: UTF-8, often with a BOM;
// - plain "CSV" from Persian Windows Excel: Windows-1256 (Arabic code page), never UTF-8;
// - "Unicode Text" from Excel: UTF-16LE with a BOM, tab-separated.
// A file that is not valid UTF-8 is taken as Windows-1256: the other legacy code pages (1252, 1255…)
// cannot hold Persian, so they are not worth guessing between.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextEncoding } from './types.js';

export type DetectedEncoding = { encoding: TextEncoding; bomLength: number };
export type DecodedText = { text: string; encoding: TextEncoding; bom: boolean };

const ICONV_NAME: Record<TextEncoding, string> = {
  'utf-8': 'utf8',
  'windows-1256': 'win1256',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
};

export function detectTextEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // isUtf8 validates without building a string, so a large upload is not decoded twice.
  return { encoding: isUtf8(bytes) || mostlyUtf8(bytes) ? 'utf-8' : 'windows-1256', bomLength: 0 };
}

/**
 * A UTF-8 file with a few bad bytes (a pasted Windows-1252 character, a cut-off last character) is
 * still UTF-8: reading all of it as Windows-1256 would garble every Persian letter to save one. Persian
 * in Windows-1256 forms a valid UTF-8 sequence only by chance (e.g. «سک» = D3 98), far less than 10 to 1.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return valid >= 10 * invalid;
}

/** Decodes bytes in a known encoding; broken sequences become U+FFFD instead of throwing. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(bytes, ICONV_NAME[encoding], { stripBOM: false });
}

/** Whole-buffer decode with the BOM removed; use decodeChunks for large files. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, bomLength } = detectTextEncoding(bytes);
  return { text: decodeBytes(bytes.subarray(bomLength), encoding), encoding, bom: bomLength > 0 };
}

/**
 * Streaming decode in slices, so a big CSV never exists twice in memory (bytes + one huge string).
 * The decoder keeps state across slices: a character split between two slices comes out whole.
 */
export function* decodeChunks(bytes: Uint8Array, encoding: TextEncoding, chunkSize = 64 * 1024): Generator<string> {
  const decoder = iconv.getDecoder(ICONV_NAME[encoding], { stripBOM: false });
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const slice = bytes.subarray(start, start + chunkSize);
    const text = decoder.write(Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength));
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** Charset names as vCard writes them (CHARSET=windows-1252, utf-8, us-ascii…); unknown → UTF-8. */
export function decodeWithCharset(bytes: Uint8Array, charset: string): string {
  const name = iconv.encodingExists(charset) ? charset : 'utf8';
  return iconv.decode(bytes, name, { stripBOM: false });
}
