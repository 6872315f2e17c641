// Decides how to read an upload from its CONTENT and refuses it when the content and the name disagree:
// a PDF or EXE renamed to .xlsx, a CSV renamed to .xlsx. Users rename files hoping it converts them; a
// clear refusal that says what the file really is saves a support call.
import { importErrors } from './errors.js';
import { sniffContent } from './file-signature.js';
import type { ImportFormat } from './types.js';

// .txt/.tsv: Excel's "Unicode Text" and "Text (Tab delimited)" exports are CSV for our purposes.
const EXTENSION_FORMAT: Readonly<Record<string, ImportFormat>> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.xlsx': 'xlsx',
  '.vcf': 'vcf',
  '.vcard': 'vcf',
};

const CONTENT_LABEL: Record<ImportFormat, string> = {
  csv: 'متن ساده (CSV)',
  xlsx: 'کارپوشه اکسل (XLSX)',
  vcf: 'مخاطبین vCard (VCF)',
};

/** '.xlsx' from 'C:\\fakepath\\Customers.XLSX' (old browsers send the full path); '' when there is none. */
export function fileExtension(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * The format to read `bytes` as. Throws ImportFileError when the file is empty, binary, a format we do
 * not read (xls, ods, pdf…), or not what its extension says. A name without an extension is trusted to
 * the content (API clients often send none).
 */
export function detectFormat(bytes: Uint8Array, filename: string): ImportFormat {
  const extension = fileExtension(filename);
  const claimed = EXTENSION_FORMAT[extension];
  if (extension !== '' && claimed === undefined && !isKnownNonImportable(extension)) {
    throw importErrors.unsupportedExtension(extension);
  }

  const content = sniffContent(bytes);
  switch (content.kind) {
    case 'empty':
      throw importErrors.emptyFile();
    case 'ole2':
      throw importErrors.legacyOrEncryptedExcel();
    case 'ods':
      throw importErrors.openDocument();
    case 'other':
      throw claimed ? importErrors.formatMismatch(extension, content.label) : importErrors.binaryFile(content.label);
  }

  const actual: ImportFormat = content.kind === 'text' ? 'csv' : content.kind;
  if (claimed !== undefined && claimed !== actual) throw importErrors.formatMismatch(extension, CONTENT_LABEL[actual]);
  if (claimed === undefined && extension !== '') throw importErrors.unsupportedExtension(extension);
  return actual;
}

// These get the more helpful content-based message (e.g. "this is an old xls") instead of "bad extension".
function isKnownNonImportable(extension: string): boolean {
  return extension === '.xls' || extension === '.ods';
}
