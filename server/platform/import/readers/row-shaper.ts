// Turns raw cells into ImportRows the same way for CSV and XLSX: trims, skips empty rows, names headers,
// and enforces the limits while streaming (so a 5-million-row file stops at row 1,000,001, not after
// being read to the end).
import { normalizePersian, searchNormalize } from '../../../../common/text.js';
import { importErrors } from './errors.js';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS, type ImportRow, type ReadLimits } from './types.js';

export type RowShaper = {
  /** Header names from the first non-empty row. */
  headers(cells: readonly string[]): string[];
  /** The row, or null when it is empty (skipped, but its number still counts). */
  row(cells: readonly string[], rowNumber: number): ImportRow | null;
};

export function createRowShaper(limits: ReadLimits = {}): RowShaper {
  const maxColumns = limits.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const maxRows = limits.maxRows ?? DEFAULT_MAX_ROWS;
  let width = 0;
  let count = 0;

  return {
    headers(cells) {
      const used = trimCells(cells);
      if (used.length > maxColumns) throw importErrors.tooManyColumns(used.length, maxColumns);
      width = used.length;
      return uniqueHeaders(used);
    },
    row(cells, rowNumber) {
      const values = trimCells(cells);
      if (values.length === 0) return null;
      if (values.length > maxColumns) throw importErrors.tooManyColumns(values.length, maxColumns, rowNumber);
      if (++count > maxRows) throw importErrors.tooManyRows(maxRows);
      while (values.length < width) values.push('');
      return { rowNumber, values };
    },
  };
}

/**
 * Trimmed cells without the trailing empty ones: Excel often exports hundreds of empty columns after
 * the data (a once-formatted cell far right), and those must not count against the column limit.
 */
function trimCells(cells: readonly string[]): string[] {
  const out = cells.map((c) => c.trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Headers are shown in the column-mapping screen and used as keys, so each must be non-empty and unique.
 * Stored-normal form (ی/ک, Latin digits) so «كد ملي» and «کد ملی» look and match the same; two headers
 * that differ only in such spelling count as duplicates and the later one gets « (2)».
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, i) => {
    const base = normalizePersian(cell) || `ستون ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(searchNormalize(name)); n++) name = `${base} (${n})`;
    seen.add(searchNormalize(name));
    return name;
  });
}
