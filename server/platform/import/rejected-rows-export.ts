// The rejected rows of an import as a right-to-left XLSX the user can fix and upload again: «ردیف», the
// file's own columns as they were, and «دلیل رد». Cells that look like formulas are neutralized by sendExport.
// Read page by page from the import's row records, whichever module's table holds them.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../context.js';
import { inTenant } from '../db/transactions.js';
import { neutralizeFormula, sendExport, type ExportColumn } from '../export/export.service.js';

/** The columns every import-rows table has (customer_import_rows, product_import_rows). */
export type ImportRowsTable = PgTable & {
  tenantId: AnyPgColumn;
  importId: AnyPgColumn;
  rowNumber: AnyPgColumn<{ data: number; notNull: true }>;
  outcome: AnyPgColumn;
  values: AnyPgColumn<{ data: string[] }>;
  reasons: AnyPgColumn<{ data: string[] }>;
};

type Rejected = { rowNumber: number; values: string[] | null; reasons: string[] | null };
const PAGE = 1000;

async function* rejectedPages(ctx: Ctx, table: ImportRowsTable, importId: string): AsyncGenerator<Rejected[]> {
  let after = 0;
  for (;;) {
    const page: Rejected[] = await inTenant(ctx.db, ctx, (tx) =>
      tx
        .select({ rowNumber: table.rowNumber, values: table.values, reasons: table.reasons })
        .from(table)
        .where(and(eq(table.tenantId, ctx.tenantId), eq(table.importId, importId), eq(table.outcome, 'rejected'), gt(table.rowNumber, after)))
        .orderBy(asc(table.rowNumber))
        .limit(PAGE),
    );
    if (page.length) yield page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.rowNumber;
  }
}

/** `headers` are the file's columns as the user should read them (the caller names a VCF's fields). */
export async function sendRejectedRowsXlsx(
  reply: FastifyReply,
  ctx: Ctx,
  input: { table: ImportRowsTable; importId: string; filename: string; headers: readonly string[] },
) {
  const columns: ExportColumn<Rejected>[] = [
    { header: 'ردیف', value: (r) => r.rowNumber, width: 8 },
    ...input.headers.map((h, i): ExportColumn<Rejected> => ({ header: String(neutralizeFormula(h)), value: (r) => r.values?.[i] ?? '' })),
    { header: 'دلیل رد', value: (r) => (r.reasons ?? []).join('؛ '), width: 60 },
  ];
  const base = input.filename.replace(/\.[^.]+$/, '');
  return sendExport(reply, { format: 'xlsx', filename: `ردیف‌های ردشده ${base}`, columns, pages: rejectedPages(ctx, input.table, input.importId) });
}
