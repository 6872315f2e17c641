import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../detect-format.js';
import { readXlsx } from '../xlsx-reader.js';
import { numberText } from '../xlsx-cell-text.js';
import { collect, importError, record } from './helpers.js';

async function workbook(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('مشتریان'), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function read(bytes: Uint8Array | Readable, opts = {}) {
  const table = await readXlsx(bytes, opts);
  return { ...table, rows: await collect(table.rows) };
}

describe('readXlsx: cell values', () => {
  it('text and number mobiles, dates, formulas, rich text, links, booleans, errors', async () => {
    const bytes = await workbook((ws, wb) => {
      ws.addRow(['نام', 'موبایل', 'کد ملی', 'تاریخ تولد', 'وب', 'توضیحات', 'فعال', 'مبلغ', 'سایت', 'خطا']);
      ws.addRow([
        'علی',
        '09121234567', // typed as text: kept exactly
        '0012345678',
        new Date(Date.UTC(1990, 4, 17)),
        { formula: 'HYPERLINK("http://evil","click")', result: 'click' },
        { richText: [{ text: 'مشتری ' }, { font: { bold: true }, text: 'ویژه' }] },
        true,
        0.1 + 0.2,
        { text: 'سایت ما', hyperlink: 'http://example.com' },
        { formula: '1/0', result: { error: '#DIV/0!' } },
      ]);
      ws.addRow([
        'رضا',
        9121234567, // typed as a number: the zero is gone, the digits are not
        12345678,
        new Date(Date.UTC(1990, 4, 17, 13, 45)),
        { formula: '1+1' }, // no cached result: nothing, never the formula
        '=HYPERLINK("http://typed","as text")',
        false,
        1.2e21,
        { formula: 'DATE(1990,1,1)', result: new Date(Date.UTC(1990, 0, 1)) },
        1234567890123,
      ]);
      ws.getCell('I3').numFmt = 'yyyy-mm-dd';
      wb.addWorksheet('دوم').addRow(['not', 'read']);
    });
    expect(detectFormat(bytes, 'customers.xlsx')).toBe('xlsx');
    const t = await read(bytes);
    expect(t.sheetName).toBe('مشتریان');
    expect(t.encoding).toBeNull();
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(record(t.headers, t.rows[0])).toEqual({
      نام: 'علی',
      موبایل: '09121234567',
      'کد ملی': '0012345678',
      'تاریخ تولد': '1990-05-17',
      وب: 'click',
      توضیحات: 'مشتری ویژه',
      فعال: 'true',
      مبلغ: '0.3',
      سایت: 'سایت ما',
      خطا: '',
    });
    expect(record(t.headers, t.rows[1])).toEqual({
      نام: 'رضا',
      موبایل: '9121234567',
      'کد ملی': '12345678',
      'تاریخ تولد': '1990-05-17T13:45:00',
      وب: '',
      توضیحات: '=HYPERLINK("http://typed","as text")', // plain text: inert, nothing evaluates it
      فعال: 'false',
      مبلغ: '1200000000000000000000',
      سایت: '1990-01-01', // a formula's cached date, recognised by the cell's date format
      خطا: '1234567890123',
    });
    const all = JSON.stringify(t.rows);
    expect(all).not.toContain('http://evil');
    expect(all).not.toMatch(/e\+/i);
  });

  it('a number formatted 00000000000 (to show the leading zero) reads as the user sees it', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['موبایل']);
      ws.addRow([9121234567]);
      ws.getCell('A2').numFmt = '00000000000';
    });
    expect((await read(bytes)).rows[0]?.values).toEqual(['09121234567']);
  });

  it('numberText never uses exponent notation and drops float noise like Excel', () => {
    expect(numberText(9121234567)).toBe('9121234567');
    expect(numberText(1.2e9)).toBe('1200000000');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(6037991234567890)).toBe('6037991234567890');
    expect(numberText(-12.5)).toBe('-12.5');
    expect(numberText(0.30000000000000004)).toBe('0.3');
  });
});

describe('readXlsx: structure and limits', () => {
  it('header on a later row, empty rows skipped with their numbers kept, duplicate headers suffixed, streamed input', async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('B3').value = 'ايميل'; // Arabic ي in the header
      ws.getCell('C3').value = 'ایمیل';
      ws.getCell('B4').value = ' a@x.ir ';
      ws.getCell('B7').value = 'b@x.ir';
      ws.getCell('D7').value = 'بدون سرستون';
    });
    const t = await read(Readable.from([bytes]));
    expect(t.headers).toEqual(['ستون 1', 'ایمیل', 'ایمیل (2)']);
    expect(t.rows).toEqual([
      { rowNumber: 4, values: ['', 'a@x.ir', ''] },
      { rowNumber: 7, values: ['', 'b@x.ir', '', 'بدون سرستون'] },
    ]);
  });

  it('refuses more than 200 columns (200 is fine), in the header or in a data row', async () => {
    const wide = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);
    expect((await read(await workbook((ws) => ws.addRow(wide(200))))).headers).toHaveLength(200);
    const err = await importError(async () => readXlsx(await workbook((ws) => ws.addRow(wide(201)))), 'too_many_columns');
    expect(err.message).toContain('۲۰۰');
    const farCell = await workbook((ws) => {
      ws.addRow(['نام']);
      ws.getCell('XFD2').value = 'far away';
    });
    const inRow = await importError(async () => collect((await readXlsx(farCell)).rows), 'too_many_columns');
    expect(inRow.details).toMatchObject({ count: 16384, row: 2 });
  });

  it('refuses more rows than maxRows, with the limit in the message', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['n']);
      for (let i = 1; i <= 5; i++) ws.addRow([i]);
    });
    expect((await read(bytes, { maxRows: 5 })).rows).toHaveLength(5);
    const err = await importError(async () => collect((await readXlsx(bytes, { maxRows: 4 })).rows), 'too_many_rows');
    expect(err.message).toContain('۴');
  });

  it('an empty sheet, a damaged workbook', async () => {
    await importError(async () => readXlsx(await workbook(() => undefined)), 'empty_file');
    const broken = Buffer.from(await workbook((ws) => ws.addRow(['a'])));
    broken.fill(0, 100, 3000);
    const err = await importError(() => readXlsx(broken), 'malformed_file');
    expect(err.details.cause).toBeTruthy(); // the parser's English, for the logs only
    expect(err.message).not.toContain(String(err.details.cause));
  });

  it('stopping early releases the file', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['n']);
      for (let i = 1; i <= 2000; i++) ws.addRow([i]);
    });
    const table = await readXlsx(bytes);
    let last = 0;
    for await (const row of table.rows) {
      last = row.rowNumber;
      if (last === 5) break;
    }
    expect(last).toBe(5);
  });
});
