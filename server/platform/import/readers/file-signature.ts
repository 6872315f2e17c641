// What a file really is, from its first bytes (magic numbers), never from its name: a renamed PDF or EXE
// must not reach a parser. Kept synchronous and dependency-free (file-type is async and knows far more
// formats than the few we must name in an error message).
import { detectTextEncoding, decodeBytes } from './decode-text.js';
import { zipEntryNames } from './zip-entries.js';

export type FileContent =
  | { kind: 'empty' }
  | { kind: 'xlsx' }
  | { kind: 'vcf' }
  | { kind: 'text' }
  | { kind: 'ole2' } // legacy .xls, or any password-protected Office file
  | { kind: 'ods' }
  | { kind: 'other'; label: string }; // a known non-importable format, or unknown binary

const SNIFF_BYTES = 8 * 1024;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

// Persian labels for the error message «…but its content is X».
const SIGNATURES: ReadonlyArray<{ sig: readonly number[]; at?: number; label: string }> = [
  { sig: ascii('%PDF-'), label: 'PDF' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], label: 'فایل اجرایی (ELF)' },
  { sig: [0x89, 0x50, 0x4e, 0x47], label: 'تصویر PNG' },
  { sig: [0xff, 0xd8, 0xff], label: 'تصویر JPEG' },
  { sig: ascii('GIF8'), label: 'تصویر GIF' },
  { sig: ascii('WEBP'), at: 8, label: 'تصویر WEBP' },
  { sig: ascii('Rar!'), label: 'فایل فشرده RAR' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], label: 'فایل فشرده 7z' },
  { sig: [0x1f, 0x8b], label: 'فایل فشرده gzip' },
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

export function sniffContent(bytes: Uint8Array): FileContent {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, OLE2)) return { kind: 'ole2' };
  if (startsWith(bytes, ZIP) && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return sniffZip(bytes);
  for (const { sig, at, label } of SIGNATURES) if (startsWith(bytes, sig, at)) return { kind: 'other', label };
  // "MZ" alone could start a CSV header; an executable also has NUL bytes right after it.
  if (startsWith(bytes, ascii('MZ')) && bytes.subarray(0, 64).includes(0)) return { kind: 'other', label: 'فایل اجرایی (exe)' };

  const { encoding, bomLength } = detectTextEncoding(bytes);
  const head = bytes.subarray(bomLength, bomLength + SNIFF_BYTES);
  if (encoding === 'utf-8' || encoding === 'windows-1256') {
    if (looksBinary(head)) return { kind: 'other', label: 'داده دودویی' };
  }
  const text = decodeBytes(head, encoding);
  if (text.trim() === '') return { kind: 'empty' };
  if (/^\s*BEGIN:VCARD\b/i.test(text)) return { kind: 'vcf' };
  return { kind: 'text' };
}

/** NUL bytes, or many control characters, never occur in CSV or VCF text (UTF-16 is checked before). */
export function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > head.length * 0.05;
}

function sniffZip(bytes: Uint8Array): FileContent {
  const names = zipEntryNames(bytes);
  // ExcelJS reads exactly this path, so "xlsx" means "has it".
  if (names.includes('xl/workbook.xml')) return { kind: 'xlsx' };
  if (names.includes('mimetype') && Buffer.from(bytes.subarray(0, 200)).toString('latin1').includes('opendocument.spreadsheet')) {
    return { kind: 'ods' };
  }
  if (names.some((n) => n.startsWith('word/'))) return { kind: 'other', label: 'سند Word (docx)' };
  if (names.some((n) => n.startsWith('ppt/'))) return { kind: 'other', label: 'ارائه PowerPoint (pptx)' };
  if (names.includes('xl/workbook.bin')) return { kind: 'other', label: 'کارپوشه دودویی اکسل (xlsb)' };
  return { kind: 'other', label: 'فایل فشرده ZIP' };
}
