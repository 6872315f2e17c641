// Public API of the import file-reading layer: pure functions from uploaded bytes to rows.
export { readImportFile, type ImportFile } from './read-import-file.js';
export { detectFormat, fileExtension } from './detect-format.js';
export { decodeText, detectTextEncoding, type DecodedText, type DetectedEncoding } from './decode-text.js';
export { readCsv, type CsvReadOptions, type CsvTable } from './csv-reader.js';
export { sniffDelimiter, type CsvDelimiter } from './csv-delimiter.js';
export { readXlsx, type XlsxTable } from './xlsx-reader.js';
export { readVcf, VCF_HEADERS, type VcfField, type VcfTable } from './vcf-reader.js';
export { headerMatchKey, suggestMapping, type FieldSynonyms } from './column-mapping.js';
export { ImportFileError, type ImportFileErrorCode, type ImportFileErrorDetails } from './errors.js';
export {
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_ROWS,
  type ImportFormat,
  type ImportRow,
  type ImportTable,
  type ReadLimits,
  type TextEncoding,
} from './types.js';
