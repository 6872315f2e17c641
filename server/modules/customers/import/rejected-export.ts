// The rejected rows as a right-to-left XLSX the user can fix and upload again: «ردیف», the file's own
// columns as they were, and «دلیل رد». Cells that look like formulas are neutralized by sendExport.
import { and, asc, eq, gt } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { neutralizeFormula, sendExport, type ExportColumn } from '../../../platform/export/export.service.js';
import { customerImportRows } from '../customer-imports.table.js';
import { fieldLabelFa } from './import-fields.js';
import { openParsedImport } from './import-file.js';
import { importInScope } from './import.service.js';

type Rejected = { rowNumber: number; values: string[] | null; reasons: string[] | null };
const PAGE = 1000;

async function* rejectedPages(ctx: Ctx, importId: string): AsyncGenerator<Rejected[]> {
  let after = 0;
  for (;;) {
    const page = await inTenant(ctx.db, ctx, (tx) =>
      tx
        .select({ rowNumber: customerImportRows.rowNumber, values: customerImportRows.values, reasons: customerImportRows.reasons })
        .from(customerImportRows)
        .where(and(
          eq(customerImportRows.tenantId, ctx.tenantId), eq(customerImportRows.importId, importId),
          eq(customerImportRows.outcome, 'rejected'), gt(customerImportRows.rowNumber, after),
        ))
        .orderBy(asc(customerImportRows.rowNumber))
        .limit(PAGE),
    );
    if (page.length) yield page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.rowNumber;
  }
}

export async function sendRejectedRows(ctx: Ctx, id: string, reply: FastifyReply) {
  const imp = await inTenant(ctx.db, ctx, (tx) => importInScope(tx, ctx, id));
  const { headers, format } = await openParsedImport(ctx, imp.fileId);
  const columns: ExportColumn<Rejected>[] = [
    { header: 'ردیف', value: (r) => r.rowNumber, width: 8 },
    ...headers.map((h, i): ExportColumn<Rejected> => ({
      header: String(neutralizeFormula(format === 'vcf' ? fieldLabelFa(h) : h)),
      value: (r) => r.values?.[i] ?? '',
    })),
    { header: 'دلیل رد', value: (r) => (r.reasons ?? []).join('؛ '), width: 60 },
  ];
  const base = imp.filename.replace(/\.[^.]+$/, '');
  return sendExport(reply, { format: 'xlsx', filename: `ردیف‌های ردشده ${base}`, columns, pages: rejectedPages(ctx, id) });
}
