// The lean XLSX reader (uploads in memory) against ExcelJS's streaming reader (the fallback, and the
// reader before it): the same rows from the same workbooks, plus what only hand-written XML shows.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openXlsxParts } from '../xlsx-parts.js';
import { readXlsx } from '../xlsx-reader.js';
import { collect } from './helpers.js';
import { handMadeXlsx } from './zip-writer.js';

async function both(bytes: Buffer) {
  expect(openXlsxParts(bytes)).not.toBeNull(); // the lean reader takes it
  const lean = await readXlsx(bytes);
  const general = await readXlsx(Readable.from([bytes]));
  return {
    lean: { headers: lean.headers, sheetName: lean.sheetName, rows: await collect(lean.rows) },
    general: { headers: general.headers, sheetName: general.sheetName, rows: await collect(general.rows) },
  };
}

const NAMES = ['علی', 'زهرا', 'محمدرضا', 'فاطمه', 'كريم', 'يوسف'];

/** Every kind of cell the import meets, over enough rows that the sheet's XML spans many inflated chunks. */
function fill(ws: ExcelJS.Worksheet, rows: number, richText = true) {
  ws.addRow(['نام', 'موبایل', 'کد ملی', 'تولد', 'مبلغ', 'فعال', 'فرمول', 'یادداشت', 'سایت', 'کد']);
  for (let i = 0; i < rows; i++) {
    const row = ws.addRow([
      `${NAMES[i % NAMES.length]} ${i} & <همکار> "ویژه"`,
      i % 3 === 0 ? 9120000000 + i : `0912${String(i).padStart(7, '0')}`,
      String(1000000000 + i * 7),
      new Date(Date.UTC(1980 + (i % 40), i % 12, 1 + (i % 28))),
      i % 5 === 0 ? 0.1 + 0.2 : i * 1000.5,
      i % 2 === 0,
      i % 4 === 0 ? { formula: `A${i + 2}`, result: `نتیجه ${i}` } : { formula: `${i}*2`, result: i * 2 },
      i % 7 === 0 && richText ? { richText: [{ text: 'مشتری ' }, { font: { bold: true }, text: 'ویژه' }] } : i % 11 === 0 ? null : `یادداشت ${'٬'.repeat(i % 3)}${i}`,
      i % 13 === 0 ? { text: 'وب‌سایت', hyperlink: 'https://example.com' } : '',
      i % 17 === 0 ? { formula: '1/0', result: { error: '#DIV/0!' } } : i,
    ]);
    if (i % 10 === 0) row.getCell(10).numFmt = '00000';
  }
  ws.getColumn(4).numFmt = 'yyyy\\-mm\\-dd';
}

describe('the lean XLSX reader reads what ExcelJS reads', () => {
  it('a workbook written in memory (shared strings, styles, dates, formulas, rich text, links, errors, gaps)', async () => {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('مشتریان ۱۴۰۳'), 3000);
    wb.addWorksheet('دوم').addRow(['not', 'read']);
    const { lean, general } = await both(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(lean.rows).toHaveLength(3000);
    expect(lean).toEqual(general);
    expect(lean.sheetName).toBe('مشتریان ۱۴۰۳');
    expect(lean.rows[0]!.values.slice(0, 4)).toEqual(['علی 0 & <همکار> "ویژه"', '9120000000', '1000000000', '1980-01-01']);
  });

  it('a workbook written by the streaming writer, with and without shared strings', async () => {
    for (const useSharedStrings of [true, false]) {
      const chunks: Buffer[] = [];
      const sink = new (await import('node:stream')).Writable({ write: (c, _e, done) => { chunks.push(c); done(); } });
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings, useStyles: true });
      const ws = wb.addWorksheet('Sheet');
      // Without shared strings rich text is written inline, where ExcelJS's reader keeps only the last run
      // («ویژه» of «مشتری ویژه»); the lean reader keeps them all (the hand-written test below).
      fill(ws, 1500, useSharedStrings);
      ws.commit();
      await wb.commit();
      const { lean, general } = await both(Buffer.concat(chunks));
      expect(lean.rows).toHaveLength(1500);
      expect(lean).toEqual(general);
    }
  });
});

describe('the lean XLSX reader: XML ExcelJS does not write', () => {
  it('inline strings, ISO dates, cells and rows without references, phonetic guides, entities, date formats with escapes', async () => {
    const bytes = handMadeXlsx({
      sheetName: 'مشتریان',
      sharedStrings: '<si><t>نام</t></si><si><r><t xml:space="preserve">کد </t></r><r><rPr><b/></rPr><t>ملی</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>A &amp; B &#x6CC;&#1705;</t></si>',
      styles: '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"><alignment horizontal="right"/></xf></cellXfs>',
      rows: [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>تاریخ</t></is></c><c r="D1" t="inlineStr"><is><r><t>شهر</t></r><r><t> محل</t></r></is></c></row>',
        '<row r="2"/>',
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>12345</v></c><c r="C3" s="1"><v>45000</v></c><c r="D3" t="s"><v>3</v></c></row>',
        '<row><c t="inlineStr"><is><t>بی‌مرجع</t></is></c><c><v>7</v></c><c t="d"><v>2024-03-20T00:00:00Z</v></c><c t="b"><v>1</v></c></row>',
        '<row r="9" spans="1:4"><c r="B9" s="2"><v>36526</v></c><c r="D9" t="e"><v>#N/A</v></c></row>',
      ].join(''),
    });
    const table = await readXlsx(bytes);
    expect(table.headers).toEqual(['نام', 'کد ملی', 'تاریخ', 'شهر محل']);
    expect(await collect(table.rows)).toEqual([
      { rowNumber: 3, values: ['東京', '12345', '2023-03-15', 'A & B یک'] },
      { rowNumber: 4, values: ['بی‌مرجع', '7', '2024-03-20', 'true'] },
      { rowNumber: 9, values: ['', '2000-01-01', '', ''] },
    ]);
  });

  it('leaves to ExcelJS what it does not handle: prefixed XML, 1904 dates, a damaged archive', async () => {
    expect(openXlsxParts(handMadeXlsx({ rows: '', prefix: 'x' }))).toBeNull();
    expect(openXlsxParts(handMadeXlsx({ rows: '', workbookPr: '<workbookPr date1904="1"/>' }))).toBeNull();
    expect(openXlsxParts(Buffer.from('PK\u0003\u0004 not really a zip'))).toBeNull();
  });
});

describe('the lean XLSX reader: a sheet inflated in chunks', () => {
  it('gives the same rows wherever the chunks are cut: inside a tag, a name, a value or a Persian letter', async () => {
    const { rowsOfSheetXml } = await import('../xlsx-sheet-rows.js');
    const parts = { sharedStrings: ['نام', 'موبایل'], numFmts: [undefined, 'yyyy-mm-dd'] };
    const xml = Buffer.from(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"/>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>سارا &amp; نگار</t></is></c><c r="B3"><v>9121234567</v></c></row>' +
        '<row r="4"><c r="A4" t="str"><f>A3</f><v>ژیلا</v></c><c r="C4" s="1"><v>36526</v></c></row></sheetData><rowBreaks/>',
      'utf8',
    );
    const rows = (chunks: Uint8Array[]) => collect(rowsOfSheetXml((async function* () { yield* chunks; })(), parts));
    const whole = await rows([xml]);
    expect(whole).toEqual([
      { number: 1, cells: ['نام', 'موبایل'] },
      { number: 3, cells: ['سارا & نگار', '9121234567'] },
      { number: 4, cells: ['ژیلا', '', '2000-01-01'] },
    ]);
    for (let cut = 1; cut < xml.length; cut++) {
      expect(await rows([xml.subarray(0, cut), xml.subarray(cut)]), `cut at byte ${cut}`).toEqual(whole);
    }
    for (const size of [1, 3, 7]) {
      const chunks = [];
      for (let at = 0; at < xml.length; at += size) chunks.push(xml.subarray(at, at + size));
      expect(await rows(chunks), `chunks of ${size} bytes`).toEqual(whole);
    }
  });
});

describe('the lean XLSX reader: a ZIP bomb does not fill the memory', () => {
  const bomb = () => handMadeXlsx({ rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sharedStrings: `<si><t>${'ب'.repeat(5000)}</t></si>` });

  it('refuses a part that inflates past the limit, in Persian, even when its header claims a small size', async () => {
    const { ImportFileError } = await import('../errors.js');
    const honest = bomb();
    expect(() => openXlsxParts(honest, 4096)).toThrow(ImportFileError);
    expect(() => openXlsxParts(honest, 4096)).toThrow(/بخش «xl\/sharedStrings.xml» درون فایل بیش از اندازه بزرگ است/);
    // The central directory entry of sharedStrings.xml, its uncompressed size set to 10 bytes.
    const lying = Buffer.from(honest);
    let central = -1;
    for (let at = lying.indexOf('PK\u0001\u0002'); at >= 0; at = lying.indexOf('PK\u0001\u0002', at + 4)) {
      if (lying.toString('utf8', at + 46, at + 66) === 'xl/sharedStrings.xml') central = at;
    }
    expect(central).toBeGreaterThan(0);
    lying.writeUInt32LE(10, central + 24);
    expect(() => openXlsxParts(lying, 4096)).toThrow(ImportFileError);
    expect(openXlsxParts(honest, 1024 * 1024)).not.toBeNull();
  });

  it('stops a row that never ends once it passes the limit', async () => {
    const { rowsOfSheetXml } = await import('../xlsx-sheet-rows.js');
    const endless = (async function* () {
      yield Buffer.from('<sheetData><row r="1">');
      for (let i = 0; i < 100; i++) yield Buffer.from(`<c r="A1" t="inlineStr"><is><t>${'x'.repeat(1000)}</t></is></c>`);
    })();
    await expect(collect(rowsOfSheetXml(endless, { sharedStrings: [], numFmts: [] }, 50_000))).rejects.toThrow(/a row longer than 50000 characters/);
  });
});
