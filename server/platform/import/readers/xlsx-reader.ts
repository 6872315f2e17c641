// XLSX → ImportTable. Only the first worksheet is read (the import screen says so), streamed so a large
// sheet is never in memory as a whole. An upload in memory goes through this project's own lean reader
// (xlsx-parts.ts, xlsx-sheet-rows.ts): ~3× faster than ExcelJS's, whose SAX parser and cell objects were
// most of a 100,000-row preview. A stream, or a workbook the lean reader does not handle (namespace
// prefixes, 1904 dates, ZIP64), goes through ExcelJS's WorkbookReader.
import { Readable } from 'node:stream';
import '../../export/exceljs-utf8-fix.js';
import ExcelJS from 'exceljs';
import { ImportFileError, importErrors } from './errors.js';
import { createRowShaper } from './row-shaper.js';
import { cellText } from './xlsx-cell-text.js';
import { openXlsxParts, type XlsxParts } from './xlsx-parts.js';
import { sheetRows, type SheetRow } from './xlsx-sheet-rows.js';
import type { ImportRow, ImportTable, ReadLimits } from './types.js';

export type XlsxTable = ImportTable & { rows: AsyncIterable<ImportRow>; encoding: null; sheetName: string | null };

// The parts of ExcelJS's streaming objects we use; its typings describe the in-memory classes instead.
type StreamCell = { value: ExcelJS.CellValue; numFmt?: string };
type StreamRow = { number: number; cellCount: number; eachCell(cb: (cell: StreamCell, col: number) => void): void };
type StreamSheet = AsyncIterable<StreamRow> & { name?: string; state?: string };

/**
 * Reads the header row now and streams the data rows. Throws ImportFileError for a file that is not a
 * readable workbook, an empty first sheet or a bad header; the row stream throws it for limits and for
 * damage found further into the file. A stream passed in is destroyed when reading stops early.
 */
export async function readXlsx(input: Uint8Array | Readable, opts: ReadLimits = {}): Promise<XlsxTable> {
  const parts = input instanceof Readable ? null : leanParts(input);
  return parts ? readLean(parts, opts) : readWithExcelJs(input, opts);
}

function leanParts(bytes: Uint8Array): XlsxParts | null {
  try {
    return openXlsxParts(bytes);
  } catch (err) {
    if (err instanceof ImportFileError) throw err; // refused as it is (a part too large to read)
    return null; // damaged: ExcelJS's reader gives the message
  }
}

function readLean(parts: XlsxParts, opts: ReadLimits): Promise<XlsxTable> {
  return shapeSheet(sheetRows(parts), parts.sheetName, opts, () => {});
}

async function readWithExcelJs(input: Uint8Array | Readable, opts: ReadLimits): Promise<XlsxTable> {
  const stream = input instanceof Readable ? input : Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache', // needed to recognise date cells and number formats
    hyperlinks: 'ignore', // the cell keeps its display text; the link target is not customer data
    worksheets: 'emit',
    entries: 'ignore',
  });
  let first: IteratorResult<StreamSheet>;
  try {
    first = await (reader as unknown as AsyncIterable<StreamSheet>)[Symbol.asyncIterator]().next();
    if (first.done) throw importErrors.malformed('XLSX', 'هیچ کاربرگی در فایل نیست');
  } catch (err) {
    stream.destroy();
    throw toImportError(err, 1);
  }
  const sheet = first.value;
  async function* rows(): AsyncGenerator<SheetRow> {
    for await (const row of sheet) yield { number: row.number, cells: rowCells(row) };
  }
  // Stop unzipping when the caller stops early, a limit is hit, or the sheet ends (the other sheets are not needed).
  return shapeSheet(rows(), sheet.name ?? null, opts, () => stream.destroy());
}

/**
 * Reads the header row now and hands out the data rows, whichever reader gives the sheet's rows.
 * `release` frees the file when reading stops, early or at the end.
 */
async function shapeSheet(sheet: AsyncGenerator<SheetRow>, sheetName: string | null, opts: ReadLimits, release: () => void): Promise<XlsxTable> {
  const shaper = createRowShaper(opts);
  const stop = async () => {
    release();
    await sheet.return(undefined);
  };
  let headers: string[] | null = null;
  let lastRowNumber = 0;
  try {
    while (headers === null) {
      const r = await sheet.next();
      if (r.done) throw importErrors.emptySheet(sheetName);
      lastRowNumber = r.value.number;
      if (r.value.cells.some((c) => c.trim() !== '')) headers = shaper.headers(r.value.cells);
    }
  } catch (err) {
    await stop();
    throw toImportError(err, lastRowNumber + 1);
  }

  async function* rows(): AsyncGenerator<ImportRow> {
    try {
      for (;;) {
        let r: IteratorResult<SheetRow>;
        try {
          r = await sheet.next();
        } catch (err) {
          throw toImportError(err, lastRowNumber + 1);
        }
        if (r.done) return;
        lastRowNumber = r.value.number;
        const row = shaper.row(r.value.cells, r.value.number);
        if (row) yield row;
      }
    } finally {
      await stop();
    }
  }

  return { headers, rows: rows(), encoding: null, sheetName };
}

/** Cell texts in column order; Excel caps a row at 16,384 columns, so the dense array stays small. */
function rowCells(row: StreamRow): string[] {
  const cells = new Array<string>(row.cellCount).fill('');
  row.eachCell((cell, col) => {
    cells[col - 1] = cellText(cell.value, cell.numFmt);
  });
  return cells;
}

function toImportError(err: unknown, row: number): unknown {
  if (err instanceof ImportFileError) return err;
  const cause = err instanceof Error ? err.message : String(err);
  return importErrors.malformed('XLSX', 'آن را در اکسل باز کنید و دوباره با قالب xlsx ذخیره کنید', row, cause);
}
