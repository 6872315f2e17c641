import type { FastifyReply } from 'fastify';
import './exceljs-utf8-fix.js';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import { PassThrough } from 'node:stream';
import type { Ctx } from '../context.js';
import { recordExport, type ExportAudit } from './export-audit.js';

export type ExportColumn<T> = { header: string; value: (row: T) => string | number | null; width?: number };

/** Spreadsheet apps run a cell that starts like a formula; prefix it so it stays text. */
export const neutralizeFormula = (v: string | number | null) =>
  typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;

/**
 * Streams rows as CSV (UTF-8 with BOM so Excel shows Persian) or XLSX (right-to-left sheet), page by page,
 * so a large export never holds every row in memory. With `audit`, who exported what (and with which
 * filters) is written to the audit log before the first row leaves.
 */
export async function sendExport<T>(
  reply: FastifyReply,
  opts: { format: 'csv' | 'xlsx'; filename: string; columns: ExportColumn<T>[]; pages: AsyncIterable<T[]>; audit?: ExportAudit & { ctx: Ctx } },
) {
  const { format, columns } = opts;
  if (opts.audit) {
    const { ctx, ...what } = opts.audit;
    await recordExport(ctx, { ...what, format });
  }
  const name = `${opts.filename}.${format}`;
  reply.header('content-disposition', `attachment; filename="${format === 'csv' ? 'export.csv' : 'export.xlsx'}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  if (format === 'csv') {
    const out = new PassThrough();
    const csv = stringify({ header: true, columns: columns.map((c) => c.header), bom: true });
    csv.pipe(out);
    reply.type('text/csv; charset=utf-8').send(out);
    for await (const page of opts.pages) for (const row of page) csv.write(columns.map((c) => neutralizeFormula(c.value(row))));
    csv.end();
    return reply;
  }
  const out = new PassThrough();
  reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(out);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('Sheet1', { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for await (const page of opts.pages) for (const row of page) ws.addRow(columns.map((c) => neutralizeFormula(c.value(row)))).commit();
  ws.commit();
  await wb.commit();
  return reply;
}
