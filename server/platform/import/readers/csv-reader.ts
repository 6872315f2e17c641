// CSV (and Excel's tab-separated "Unicode Text") → ImportTable, streamed: bytes are decoded slice by slice
// and parsed by csv-parse, so a million-row file is never held as one string or one array.
import { Readable, pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { decodeBytes, decodeChunks, detectTextEncoding } from './decode-text.js';
import { sniffDelimiter, type CsvDelimiter } from './csv-delimiter.js';
import { ImportFileError, importErrors } from './errors.js';
import { looksBinary } from './file-signature.js';
import { createRowShaper } from './row-shaper.js';
import type { ImportRow, ImportTable, ReadLimits, TextEncoding } from './types.js';

export type CsvReadOptions = ReadLimits & {
  /** Skip the guess when the user picked the delimiter. */
  delimiter?: CsvDelimiter;
};

export type CsvTable = ImportTable & {
  rows: AsyncIterable<ImportRow>;
  encoding: TextEncoding;
  delimiter: CsvDelimiter;
};

const SNIFF_BYTES = 64 * 1024;
// One record larger than this is an unclosed quote swallowing the file, not a customer.
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Reads the header row now (so the mapping screen can be shown) and streams the data rows.
 * Throws ImportFileError for an empty or binary file or a bad header; the row stream throws it for a
 * broken quote, too many columns in a row, or more rows than `maxRows`.
 */
export async function readCsv(bytes: Uint8Array, opts: CsvReadOptions = {}): Promise<CsvTable> {
  const { encoding, bomLength } = detectTextEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (body.length === 0) throw importErrors.emptyFile();
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && looksBinary(body.subarray(0, 8192))) {
    throw importErrors.binaryFile('داده دودویی');
  }
  const head = decodeBytes(body.subarray(0, SNIFF_BYTES), encoding);
  // Excel's own hint line «sep=;»: it names the delimiter and is not a row (Excel hides it too).
  const hint = /^sep=([,;\t])\r?(?:\n|$)/i.exec(head)?.[1] as CsvDelimiter | undefined;
  const delimiter = opts.delimiter ?? hint ?? sniffDelimiter(head);

  const parser = parse({
    delimiter,
    // Listed explicitly: csv-parse otherwise fixes the line ending from the first line and then reads
    // the "\r" of a later CRLF line as data.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true, // 12" monitor, «"VIP" customer» unquoted: take the quote as text
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
    from_line: hint ? 2 : 1,
  });
  // pipeline tears the source down with the parser; errors reach the caller through the iterator.
  pipeline(Readable.from(decodeChunks(body, encoding)), parser, () => undefined);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const shaper = createRowShaper(opts);
  let recordNumber = 0;

  const next = async (): Promise<string[] | null> => {
    try {
      const r = await records.next();
      if (r.done) return null;
      recordNumber++;
      return r.value;
    } catch (err) {
      throw toImportError(err, recordNumber + 1);
    }
  };

  let headers: string[] | null = null;
  try {
    while (headers === null) {
      const cells = await next();
      if (cells === null) throw importErrors.emptyFile();
      if (cells.some((c) => c.trim() !== '')) headers = shaper.headers(cells);
    }
  } catch (err) {
    parser.destroy();
    throw err;
  }

  async function* rows(): AsyncGenerator<ImportRow> {
    try {
      for (let cells = await next(); cells !== null; cells = await next()) {
        const row = shaper.row(cells, recordNumber);
        if (row) yield row;
      }
    } finally {
      parser.destroy(); // also when the caller stops early or a limit throws
    }
  }

  return { headers, rows: rows(), encoding, delimiter };
}

function toImportError(err: unknown, row: number): unknown {
  if (err instanceof ImportFileError) return err;
  if (err instanceof CsvError) {
    const reason =
      err.code === 'CSV_QUOTE_NOT_CLOSED' || err.code === 'CSV_MAX_RECORD_SIZE'
        ? 'یک علامت نقل‌قول (") باز شده و بسته نشده است'
        : 'علامت‌های نقل‌قول (") درست به کار نرفته‌اند';
    return importErrors.malformed('CSV', reason, row, err.message);
  }
  return err;
}
