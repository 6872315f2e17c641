import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

type Response = { statusCode: number; rawPayload: Buffer; body: string; headers: Record<string, unknown> };
export type ExportSheet = { header: string[]; rows: Record<string, unknown>[] };

/** An XLSX answer read back with exceljs: header, rows keyed by header (cell values as written), right-to-left flag. */
export async function readXlsxExport(res: Response): Promise<ExportSheet & { rightToLeft: boolean }> {
  if (res.statusCode !== 200) throw new Error(`export ${res.statusCode}: ${res.body}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = Array.from({ length: ws.columnCount }, (_, i) => String(ws.getRow(1).getCell(i + 1).value));
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  }
  return { header, rows, rightToLeft: ws.views[0]?.rightToLeft === true };
}

/** A CSV answer: whether it starts with the UTF-8 BOM, header, rows keyed by header (text; empty cells are ''). */
export function readCsvExport(res: Response): ExportSheet & { bom: boolean } {
  if (res.statusCode !== 200) throw new Error(`export ${res.statusCode}: ${res.body}`);
  const bom = res.rawPayload.subarray(0, 3).toString('hex') === 'efbbbf';
  const [header = [], ...lines] = parse(res.rawPayload.toString('utf8'), { bom: true }) as string[][];
  return { bom, header, rows: lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))) };
}
