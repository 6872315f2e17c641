import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectFormat, fileExtension } from '../detect-format.js';
import { readImportFile } from '../read-import-file.js';
import { collect, importError } from './helpers.js';

const xlsx = async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('S').addRow(['نام', 'موبایل']);
  wb.getWorksheet('S')?.addRow(['علی', '09121234567']);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n'); // all ASCII, still a PDF
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const VCF = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:علی\r\nEND:VCARD\r\n');
const CSV = Buffer.from('نام,موبایل\nعلی,09121234567\n');

/** A minimal stored ZIP with the given entry names (enough for the sniffer). */
function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name, 'latin1');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, n);
    offset += 30 + n.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('detectFormat', () => {
  it('recognises CSV, XLSX and VCF by content', async () => {
    expect(detectFormat(CSV, 'customers.csv')).toBe('csv');
    expect(detectFormat(await xlsx(), 'customers.xlsx')).toBe('xlsx');
    expect(detectFormat(VCF, 'contacts.vcf')).toBe('vcf');
    expect(detectFormat(Buffer.concat([Buffer.from('\n\n'), VCF]), 'contacts.VCF')).toBe('vcf');
  });

  it('Excel text exports (.txt in UTF-16, Windows-1256 .csv) are CSV; upper-case and full-path names work', () => {
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('نام\tموبایل\n', 'utf16le')]), 'Unicode.txt')).toBe('csv');
    expect(detectFormat(iconv.encode('نام,شهر\n', 'win1256'), 'C:\\fakepath\\LIST.CSV')).toBe('csv');
    expect(detectFormat(CSV, 'no-extension')).toBe('csv');
    expect(fileExtension('C:\\fakepath\\a.b.XLSX')).toBe('.xlsx');
    expect(fileExtension('.hidden')).toBe('');
  });

  it('a PDF renamed .xlsx is refused, naming what it really is', async () => {
    const err = await importError(() => detectFormat(PDF, 'customers.xlsx'), 'format_mismatch');
    expect(err.message).toContain('PDF');
    expect(err.message).toContain('.xlsx');
    expect(err.details).toEqual({ extension: '.xlsx', detected: 'PDF' });
  });

  it('an empty file (or only whitespace / a BOM) is refused', async () => {
    const err = await importError(() => detectFormat(Buffer.alloc(0), 'customers.xlsx'), 'empty_file');
    expect(err.message).toBe('فایل خالی است؛ هیچ ردیفی برای وارد کردن ندارد.');
    await importError(() => detectFormat(Buffer.from([0xef, 0xbb, 0xbf, 0x0a, 0x20]), 'a.csv'), 'empty_file');
  });

  it('an EXE, an image or random binary under an import name is refused', async () => {
    expect((await importError(() => detectFormat(EXE, 'customers.xlsx'), 'format_mismatch')).message).toContain('exe');
    await importError(() => detectFormat(EXE, 'customers.csv'), 'format_mismatch');
    await importError(() => detectFormat(PNG, 'contacts.vcf'), 'format_mismatch');
    await importError(() => detectFormat(Buffer.from([1, 2, 3, 0, 5, 6, 7]), 'data.csv'), 'format_mismatch');
    await importError(() => detectFormat(Buffer.from([1, 2, 3, 0, 5, 6, 7]), 'data'), 'binary_file');
  });

  it('a text file named .xlsx, a vCard named .csv, a workbook named .csv are mismatches', async () => {
    expect((await importError(() => detectFormat(CSV, 'customers.xlsx'), 'format_mismatch')).message).toContain('CSV');
    await importError(() => detectFormat(VCF, 'contacts.csv'), 'format_mismatch');
    await importError(async () => detectFormat(await xlsx(), 'customers.csv'), 'format_mismatch');
  });

  it('ZIPs that are not workbooks: Word, ODS, plain ZIP', async () => {
    expect((await importError(() => detectFormat(zip(['[Content_Types].xml', 'word/document.xml']), 'a.xlsx'), 'format_mismatch')).message).toContain('Word');
    expect((await importError(() => detectFormat(zip(['a.txt']), 'a.xlsx'), 'format_mismatch')).message).toContain('ZIP');
    const ods = zip(['mimetype', 'content.xml']);
    const withMime = Buffer.concat([ods.subarray(0, 38), Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), ods.subarray(38)]);
    expect(detectFormat(zip(['[Content_Types].xml', 'xl/workbook.xml']), 'a.xlsx')).toBe('xlsx');
    expect((await importError(() => detectFormat(withMime, 'a.ods'), 'unsupported_format')).message).toContain('ods');
  });

  it('legacy .xls and password-protected workbooks (OLE2) get a "save as xlsx" message', async () => {
    for (const name of ['old.xls', 'locked.xlsx']) {
      const err = await importError(() => detectFormat(OLE2, name), 'unsupported_format');
      expect(err.message).toContain('xlsx');
    }
  });

  it('other extensions are refused, whatever the content', async () => {
    await importError(() => detectFormat(CSV, 'customers.pdf'), 'unsupported_format');
    await importError(() => detectFormat(CSV, 'customers.xls'), 'unsupported_format');
  });
});

describe('readImportFile', () => {
  it('reads each format through the right reader', async () => {
    const csv = await readImportFile(CSV, 'a.csv');
    expect(csv).toMatchObject({ format: 'csv', headers: ['نام', 'موبایل'], encoding: 'utf-8' });
    expect(await collect(csv.rows)).toEqual([{ rowNumber: 2, values: ['علی', '09121234567'] }]);
    const book = await readImportFile(await xlsx(), 'a.xlsx');
    expect(book.format).toBe('xlsx');
    expect(await collect(book.rows)).toEqual([{ rowNumber: 2, values: ['علی', '09121234567'] }]);
    const vcf = await readImportFile(VCF, 'a.vcf');
    expect(vcf.format).toBe('vcf');
    expect((await collect(vcf.rows))[0]?.values[0]).toBe('علی');
  });

  it('passes the limits on', async () => {
    const file = await readImportFile(Buffer.from('n\n1\n2\n3\n'), 'a.csv', { maxRows: 2 });
    await importError(() => collect(file.rows), 'too_many_rows');
  });
});
