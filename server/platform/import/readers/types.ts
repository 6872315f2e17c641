// Shared shapes of the file-reading layer. Every reader (CSV, XLSX, VCF) returns the same table so the
// import service can map columns, validate and write rejected rows without caring where the rows came from.

export type ImportFormat = 'csv' | 'xlsx' | 'vcf';

/** How the bytes of a text file were turned into characters; reported so the UI can show it. */
export type TextEncoding = 'utf-8' | 'windows-1256' | 'utf-16le' | 'utf-16be';

export type ImportRow = {
  /**
   * Where the row is in the user's file, counted the way the user sees it: the spreadsheet row number
   * for CSV/XLSX (header = its own row; skipped empty rows still count), the card's position for VCF.
   * The rejected-rows file quotes it so people can find the row.
   */
  rowNumber: number;
  /**
   * One trimmed string per header, '' when empty, otherwise as written in the file: normalising (ی/ک,
   * digits) and validating is the import service's job, so the rejected-rows file can show the original.
   * Can be LONGER than `headers` when a row has data under no header: kept so nothing is dropped silently.
   */
  values: string[];
};

export type ImportTable = {
  headers: string[];
  /**
   * Single pass: CSV and XLSX rows stream from the file (read them once with `for await`); VCF rows
   * are an array. A limit (rows, columns) or a broken file can throw an ImportFileError mid-iteration.
   */
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>;
  /** null for XLSX, whose XML carries its own encoding. */
  encoding: TextEncoding | null;
};

export type ReadLimits = {
  /** Default 200: wider files are almost always a wrong delimiter or a sheet that is not a customer list. */
  maxColumns?: number;
  /** Data rows (header and empty rows not counted). Default 1,000,000. */
  maxRows?: number;
};

export const DEFAULT_MAX_COLUMNS = 200;
export const DEFAULT_MAX_ROWS = 1_000_000;
