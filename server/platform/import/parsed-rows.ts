// An upload's rows, parsed once (at preview) and kept as NDJSON next to the stored bytes, so the later
// passes (validation, the import job, a resumed job) read JSON lines instead of unzipping and parsing the
// XLSX again (~2 s per 100,000 rows each time). Content-addressed like the upload: same bytes, same rows.
// A cache that is missing (an upload from before it existed, a cleaned data dir) simply means "parse again".
import { createNdjsonWriter, readJsonFile, readNdjson, writeJsonFile } from './ndjson-file.js';
import type { ImportFormat, ImportRow, TextEncoding } from './readers/index.js';

/** Bump when a reader's output changes: caches written by the old reader are then ignored. */
const VERSION = 1;

export type ParsedRowsInfo = { format: ImportFormat; encoding: TextEncoding | null; headers: string[]; totalRows: number };
export type ParsedRows = ParsedRowsInfo & { rows: AsyncIterable<ImportRow> };

/** The rows file and its description; the description is written last, so its presence means complete. */
const pathsOf = (base: string) => ({ rows: `${base}.rows-v${VERSION}.ndjson`, info: `${base}.rows-v${VERSION}.json` });

/**
 * Reads `rows` to the end into the cache at `base` (one line per row: [rowNumber, ...values]); `onRow`
 * sees each row as it passes (the preview keeps its first rows). Nothing is left behind when reading fails.
 */
export async function writeParsedRows(
  base: string,
  table: Omit<ParsedRowsInfo, 'totalRows'>,
  rows: AsyncIterable<ImportRow>,
  onRow?: (row: ImportRow, index: number) => void,
): Promise<ParsedRowsInfo> {
  const paths = pathsOf(base);
  const out = await createNdjsonWriter(paths.rows);
  let totalRows = 0;
  try {
    for await (const row of rows) {
      onRow?.(row, totalRows++);
      await out.write([row.rowNumber, ...row.values]);
    }
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
  const info: ParsedRowsInfo = { format: table.format, encoding: table.encoding, headers: table.headers, totalRows };
  await writeJsonFile(paths.info, info);
  return info;
}

/** The cached rows of the upload at `base`, or null when there is no complete cache. */
export async function readParsedRows(base: string): Promise<ParsedRows | null> {
  const paths = pathsOf(base);
  const info = await readJsonFile<ParsedRowsInfo>(paths.info);
  if (!info || !Array.isArray(info.headers) || typeof info.totalRows !== 'number') return null;
  return { ...info, rows: cachedRows(paths.rows) };
}

async function* cachedRows(path: string): AsyncGenerator<ImportRow> {
  for await (const line of readNdjson(path)) {
    const [rowNumber, ...values] = line as [number, ...string[]];
    yield { rowNumber, values };
  }
}
