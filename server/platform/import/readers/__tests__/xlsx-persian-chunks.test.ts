import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsx } from '../xlsx-reader.js';

describe('streaming XLSX with many Persian rows', () => {
  it('keeps every Persian letter intact where the zip stream splits a character between chunks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('مشتریان');
    ws.addRow(['نام', 'نام خانوادگی', 'شهر']);
    const names = ['محمد', 'فاطمه', 'علی', 'زهرا', 'حسین', 'مریم', 'رضا'];
    const rows = 8000;
    for (let i = 0; i < rows; i++) ws.addRow([names[i % names.length], `رضایی‌نژاد ${i}`, 'اصفهان']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const table = await readXlsx(buffer);
    let read = 0;
    const broken: string[] = [];
    for await (const row of table.rows) {
      read++;
      if (row.values.some((v) => v.includes('\uFFFD'))) broken.push(row.values.join(' | '));
    }
    expect(read).toBe(rows);
    expect(broken).toEqual([]);
  }, 60_000);
});
