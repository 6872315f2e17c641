// The background job `products.import`. Each batch is ONE transaction that writes its products, prices,
// product_import_rows and the import's progress together: a crash (even kill -9) rolls the batch back and
// the re-claimed job resumes at processed_rows. After the last batch, ONE more transaction confirms the
// opening-stock receipts (one per warehouse) and marks the import done — or, on a crash, nothing of it.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { toPersianDigits } from '../../../../common/text.js';
import type { Ctx } from '../../../platform/context.js';
import { scopeOf } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { publishEvent } from '../../../platform/events/index.js';
import { AppError } from '../../../platform/http/app-error.js';
import { registerJobHandler, type Job, type JobHelpers } from '../../../platform/jobs/index.js';
import { importProgressEvent } from '../../../platform/import/import-progress.js';
import { ctxForUser } from '../../auth/background-ctx.js';
import { receiveStock } from '../../inventory/index.js';
import { productImportRows, productImports } from '../product-imports.table.js';
import { planBatch } from './batch-planner.js';
import { newCreatedRefs, writeBatch, type RowRecord } from './batch-writer.js';
import { openParsedImport } from './import-file.js';
import { passSettings, screenedBatches } from './import-pass.js';
import { IMPORT_JOB } from './import.service.js';
import { DEFAULT_RECEIPT_LINES, importTuning } from './import-tuning.js';

type ImportRecord = typeof productImports.$inferSelect;
type Payload = { importId: string };
const PROGRESS = 'products.import.progress';

const progress = (imp: Pick<ImportRecord, 'id' | 'tenantId' | 'createdBy' | 'totalRows'>, processedRows: number, status?: string) =>
  importProgressEvent(PROGRESS, imp, processedRows, status);

async function finishFailed(db: JobHelpers['db'], imp: ImportRecord, now: Date, error: string) {
  await inTenant(db, { tenantId: imp.tenantId }, async (tx) => {
    const [row] = await tx.update(productImports).set({ status: 'failed', error, finishedAt: now })
      .where(and(eq(productImports.id, imp.id), inArray(productImports.status, ['queued', 'running']))).returning();
    if (row) await publishEvent(tx, progress(row, row.processedRows, 'failed'));
  });
}

/** queued → running, once: counters from zero and the validation pass's rejected rows cleared. */
async function begin(ctx: Ctx, id: string): Promise<ImportRecord | null> {
  return inTenant(ctx.db, ctx, async (tx) => {
    const [imp] = await tx.select().from(productImports).where(eq(productImports.id, id)).for('update');
    if (!imp || (imp.status !== 'queued' && imp.status !== 'running')) return null;
    if (imp.status === 'running') return imp;
    await tx.delete(productImportRows).where(and(eq(productImportRows.tenantId, ctx.tenantId), eq(productImportRows.importId, id)));
    const [row] = await tx.update(productImports)
      .set({ status: 'running', error: null, processedRows: 0, created: 0, overwritten: 0, merged: 0, skipped: 0, rejected: 0, pricesWritten: 0, stockLines: 0, stockDocumentIds: [] })
      .where(eq(productImports.id, id)).returning();
    return row!;
  });
}

/** The opening stock of the written rows: one confirmed receipt per warehouse (split past receiptLines). */
async function receiveOpeningStock(ctx: Ctx, imp: ImportRecord, totalRows: number) {
  const perReceipt = importTuning.receiptLines ?? DEFAULT_RECEIPT_LINES;
  await inTenant(ctx.db, ctx, async (tx) => {
    const [locked] = await tx.select().from(productImports).where(eq(productImports.id, imp.id)).for('update');
    if (locked?.status !== 'running') return;
    const rows = await tx.select({ productId: productImportRows.productId, before: productImportRows.before }).from(productImportRows)
      .where(and(eq(productImportRows.tenantId, ctx.tenantId), eq(productImportRows.importId, imp.id), inArray(productImportRows.outcome, ['created', 'overwritten', 'merged'])))
      .orderBy(asc(productImportRows.rowNumber));
    const byWarehouse = new Map<string, { productId: string; quantity: string }[]>();
    for (const r of rows) {
      for (const s of (r.before as RowRecord | null)?.stock ?? []) byWarehouse.set(s.warehouseId, [...(byWarehouse.get(s.warehouseId) ?? []), { productId: r.productId!, quantity: s.quantity }]);
    }
    const documentIds: string[] = [];
    let lines = 0;
    for (const [warehouseId, all] of byWarehouse) {
      const parts = Math.ceil(all.length / perReceipt);
      for (let i = 0; i < parts; i++) {
        const part = all.slice(i * perReceipt, (i + 1) * perReceipt);
        const doc = await receiveStock(tx, ctx, {
          warehouseId, lines: part, reference: `productImport:${imp.id}`, docDate: ctx.now(),
          description: `موجودی اول دوره از فایل «${imp.filename}»${parts > 1 ? ` (بخش ${toPersianDigits(i + 1)} از ${toPersianDigits(parts)})` : ''}`,
        });
        documentIds.push(doc.id);
        lines += part.length;
      }
    }
    importTuning.hooks.afterReceipts?.();
    const [row] = await tx.update(productImports)
      .set({ status: 'done', stockDocumentIds: documentIds, stockLines: lines, totalRows, finishedAt: ctx.now(), error: null })
      .where(eq(productImports.id, imp.id)).returning();
    await publishEvent(tx, progress(row!, row!.processedRows, 'done'));
  });
}

async function run(ctx: Ctx, start: ImportRecord) {
  const imp = await begin(ctx, start.id);
  if (!imp) return;
  const parsed = await openParsedImport(ctx, imp.fileId);
  const settings = await passSettings(ctx, imp);
  const made = newCreatedRefs();
  let total = imp.processedRows;
  for await (const batch of screenedBatches(parsed.rows, settings, imp.processedRows, importTuning.batchSize)) {
    await inTenant(ctx.db, ctx, async (tx) => {
      // Another worker that took over a lost lease may have written this batch already.
      const [locked] = await tx.select({ processedRows: productImports.processedRows, status: productImports.status }).from(productImports).where(eq(productImports.id, imp.id)).for('update');
      if (locked?.status !== 'running' || locked.processedRows !== batch.first) throw new Error(`product import ${imp.id}: progress moved elsewhere`);
      const plans = await planBatch(tx, ctx, settings, batch.rows);
      const c = await writeBatch(tx, ctx, imp.id, Math.floor(batch.first / importTuning.batchSize) + 1, plans, settings.row.refs, made);
      const processedRows = batch.first + batch.rows.length;
      const add = (col: AnyPgColumn, n: number) => sql`${col} + ${n}`;
      await tx.update(productImports).set({
        processedRows, created: add(productImports.created, c.created), overwritten: add(productImports.overwritten, c.overwritten),
        merged: add(productImports.merged, c.merged), skipped: add(productImports.skipped, c.skipped), rejected: add(productImports.rejected, c.rejected),
        pricesWritten: add(productImports.pricesWritten, c.pricesWritten),
      }).where(eq(productImports.id, imp.id));
      await publishEvent(tx, progress(imp, processedRows));
      total = processedRows;
    });
  }
  await receiveOpeningStock(ctx, imp, total);
}

export async function runImportJob(job: Job<Payload>, helpers: JobHelpers) {
  const tenantId = job.tenantId;
  if (!tenantId || !job.payload?.importId) return;
  const [imp] = await inTenant(helpers.db, { tenantId }, (tx) => tx.select().from(productImports).where(eq(productImports.id, job.payload.importId)));
  if (!imp || (imp.status !== 'queued' && imp.status !== 'running')) return;
  const ctx = imp.createdBy ? await ctxForUser(helpers.db, tenantId, imp.createdBy, helpers.now, `product-import:${imp.id}`) : null;
  if (!ctx || !scopeOf(ctx.principal, 'products.import')) {
    await finishFailed(helpers.db, imp, helpers.now(), 'کاربری که این ورود را ساخته غیرفعال است یا دیگر دسترسی «ورود از فایل» کالاها را ندارد.');
    return;
  }
  try {
    await run(ctx, imp);
  } catch (err) {
    // A refusal (the file changed, a receipt refused) will not get better by retrying.
    if (err instanceof AppError) return finishFailed(helpers.db, imp, helpers.now(), err.message);
    if (job.attempts >= job.maxAttempts) await finishFailed(helpers.db, imp, helpers.now(), 'ورود پس از چند بار تلاش انجام نشد؛ بخش‌های انجام‌شده را می‌توانید برگردانید.');
    throw err;
  }
}

registerJobHandler<Payload>(IMPORT_JOB, runImportJob);
