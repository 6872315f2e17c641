import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../csv-delimiter.js';
import { readCsv } from '../csv-reader.js';
import { importErrors } from '../errors.js';
import { DEFAULT_MAX_ROWS } from '../types.js';
import { collect, importError } from './helpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HEADERS = ['نام', 'نام خانوادگی', 'موبایل', 'شهر'];
const ROWS = [
  ['علی', 'رضایی', '09121234567', 'تهران'],
  ['ژاله', 'گلچین‌پور', '09351112233', 'کرمانشاه'],
];
const csvText = (sep = ',', eol = '\r\n') => [HEADERS, ...ROWS].map((r) => r.join(sep)).join(eol) + eol;

async function read(bytes: Uint8Array, opts = {}) {
  const table = await readCsv(bytes, opts);
  return { ...table, rows: await collect(table.rows) };
}

describe('readCsv: encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(csvText()), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([BOM, Buffer.from(csvText())]), 'utf-8'],

    ['UTF-16LE (Excel Unicode Text, tab-separated)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText('\t'), 'utf16le')]), 'utf-16le'],
    ['UTF-16BE', iconv.encode(csvText(';'), 'utf16be', { addBOM: true }), 'utf-16be'],
  ])('%s decodes Persian', async (_, bytes, encoding) => {
    const t = await read(bytes);
    expect(t.encoding).toBe(encoding);
    expect(t.headers).toEqual(HEADERS);
    expect(t.rows).toEqual([
      { rowNumber: 2, values: ROWS[0] },
      { rowNumber: 3, values: ROWS[1] },
    ]);
  });

  it('Windows-1256 decodes Persian; its Arabic ي/ك become ی/ک in headers, values stay as typed', async () => {
    // The code page has no Persian ی (U+06CC): Persian Windows writes the Arabic ي (U+064A) instead.
    const arabicYeh = (s: string) => s.replace(/ی/g, 'ي');
    const t = await read(iconv.encode(arabicYeh(csvText()), 'win1256'));
    expect(t.encoding).toBe('windows-1256');
    expect(t.headers).toEqual(HEADERS);
    expect(t.rows.map((r) => r.values)).toEqual(ROWS.map((r) => r.map(arabicYeh)));
    expect(t.rows[1]?.values[1]).toBe('گلچين\u200cپور'); // پ چ ژ گ and ZWNJ survive the code page
  });

  it('Windows-1256 «كد ملي» header is normalised', async () => {
    const t = await read(iconv.encode('كد ملي,نام\n0012345678,علي\n', 'win1256'));
    expect(t.headers).toEqual(['کد ملی', 'نام']);
    expect(t.rows[0]?.values).toEqual(['0012345678', 'علي']);
  });
});

describe('readCsv: structure', () => {
  it('semicolon- and tab-separated files are recognised', async () => {
    expect((await read(Buffer.from(csvText(';')))).delimiter).toBe(';');
    expect((await read(Buffer.from(csvText(';')))).rows[1]?.values).toEqual(ROWS[1]);
    expect((await read(Buffer.from(csvText('\t')))).delimiter).toBe('\t');
  });

  it('a comma inside a value does not fool the guess for a ; file', () => {
    expect(sniffDelimiter('نام;آدرس;شهر\nعلی;تهران, ونک;تهران\nرضا;کرج;کرج\nمینا;قم;قم\n')).toBe(';');
    expect(sniffDelimiter('a,b,c\n"x;y",2,3\n')).toBe(',');
    expect(sniffDelimiter('one column only\n')).toBe(',');
  });

  it('quoted fields keep commas, doubled quotes and newlines; cells are trimmed', async () => {
    const t = await read(Buffer.from('نام , آدرس ,یادداشت\n"  مینا ","تهران،\nخیابان آزادی, پلاک ۵","گفت ""فردا"" زنگ بزن"\n'));
    expect(t.headers).toEqual(['نام', 'آدرس', 'یادداشت']);
    expect(t.rows).toEqual([{ rowNumber: 2, values: ['مینا', 'تهران،\nخیابان آزادی, پلاک ۵', 'گفت "فردا" زنگ بزن'] }]);
  });

  it('skips empty rows but keeps spreadsheet row numbers; mixed CRLF and LF', async () => {
    const t = await read(Buffer.from('\n\nنام,موبایل\r\n\r\nعلی,0912\n , \nرضا,0935\r\n,,,\n'));
    expect(t.headers).toEqual(['نام', 'موبایل']);
    expect(t.rows).toEqual([
      { rowNumber: 5, values: ['علی', '0912'] },
      { rowNumber: 7, values: ['رضا', '0935'] },
    ]);
  });

  it('short rows are padded; data beyond the last header is kept; trailing empty columns are ignored', async () => {
    const t = await read(Buffer.from(`a,b,c${',' .repeat(300)}\n1\n1,2,3,4\n`));
    expect(t.headers).toEqual(['a', 'b', 'c']);
    expect(t.rows.map((r) => r.values)).toEqual([
      ['1', '', ''],
      ['1', '2', '3', '4'],
    ]);
  });

  it('duplicate and empty header names get a suffix / a name', async () => {
    const t = await read(Buffer.from('ایمیل,,ايميل,ایمیل,ایمیل (2)\nx,y,z,w,v\n'));
    expect(t.headers).toEqual(['ایمیل', 'ستون 2', 'ایمیل (2)', 'ایمیل (3)', 'ایمیل (2) (2)']);
  });

  it('honours Excel\'s «sep=;» hint line and does not take it for the header', async () => {
    const t = await read(Buffer.from('sep=;\r\nنام;آدرس\r\nعلی;تهران, ونک\r\n'));
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['نام', 'آدرس']);
    expect(t.rows).toEqual([{ rowNumber: 2, values: ['علی', 'تهران, ونک'] }]);
  });

  it('a header-only file has no rows', async () => {
    expect((await read(Buffer.from('نام,موبایل\n'))).rows).toEqual([]);
  });

  it('stopping early is fine (the parser is released)', async () => {
    const big = Buffer.from('n\n' + Array.from({ length: 50_000 }, (_, i) => `r${i}`).join('\n'));
    const table = await readCsv(big);
    let seen = 0;
    for await (const row of table.rows) {
      seen = row.rowNumber;
      if (seen === 10) break;
    }
    expect(seen).toBe(10);
  });
});

describe('readCsv: refusals', () => {
  it('an empty file, a BOM only, blank lines only', async () => {
    await importError(() => readCsv(Buffer.alloc(0)), 'empty_file');
    await importError(() => readCsv(BOM), 'empty_file');
    await importError(() => readCsv(Buffer.from('\n  \r\n,,\n')), 'empty_file');
  });

  it('a binary file', async () => {
    await importError(() => readCsv(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])), 'binary_file');
  });

  it('more than 200 columns, in the header or in a row (200 is fine)', async () => {
    const cols = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`).join(',');
    expect((await read(Buffer.from(`${cols(200)}\n${cols(200)}\n`))).headers).toHaveLength(200);
    const err = await importError(() => readCsv(Buffer.from(`${cols(201)}\n`)), 'too_many_columns');
    expect(err.message).toContain('۲۰۰');
    expect(err.message).toContain('۲۰۱');
    expect(err.details).toMatchObject({ count: 201, limit: 200 });
    const inRow = await importError(async () => collect((await readCsv(Buffer.from(`a,b\n1,2\n${cols(201)}\n`))).rows), 'too_many_columns');
    expect(inRow.details).toMatchObject({ row: 3 });
  });

  it('more rows than maxRows stops with a Persian message naming the limit', async () => {
    const file = Buffer.from(`n\n${['1', '2', '3', '4'].join('\n')}\n`);
    expect((await read(file, { maxRows: 4 })).rows).toHaveLength(4);
    const table = await readCsv(file, { maxRows: 3 });
    const err = await importError(() => collect(table.rows), 'too_many_rows');
    expect(err.message).toContain('۳');
    const big = await importError(async () => collect((await readCsv(Buffer.from('n\n1\n2\n'), { maxRows: 1 })).rows), 'too_many_rows');
    expect(big.details).toEqual({ limit: 1 });
  });

  it('the default row limit is 1,000,000 and the message groups its digits', async () => {
    expect(DEFAULT_MAX_ROWS).toBe(1_000_000);
    expect(importErrors.tooManyRows(DEFAULT_MAX_ROWS).message).toContain('۱٬۰۰۰٬۰۰۰');
  });

  it('an unclosed quote is a malformed file, not a hang or a crash', async () => {
    const err = await importError(async () => collect((await readCsv(Buffer.from('a,b\n1,2\n"3,4\n5,6\n'))).rows), 'malformed_file');
    expect(err.message).toContain('CSV');
  });
});
