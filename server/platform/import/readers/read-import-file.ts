// One call for the upload handler: check what the file is, then read it with the right reader.
import { readCsv, type CsvReadOptions } from './csv-reader.js';
import { detectFormat } from './detect-format.js';
import type { ImportFormat, ImportTable } from './types.js';
import { readVcf } from './vcf-reader.js';
import { readXlsx } from './xlsx-reader.js';

export type ImportFile = ImportTable & { format: ImportFormat };

/** Throws ImportFileError (Persian message) for anything it refuses; see each reader for row-time errors. */
export async function readImportFile(bytes: Uint8Array, filename: string, opts: CsvReadOptions = {}): Promise<ImportFile> {
  const format = detectFormat(bytes, filename);
  switch (format) {
    case 'csv':
      return { format, ...(await readCsv(bytes, opts)) };
    case 'xlsx':
      return { format, ...(await readXlsx(bytes, opts)) };
    case 'vcf':
      return { format, ...readVcf(bytes, opts) };
  }
}
