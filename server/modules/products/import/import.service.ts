// Use cases of the product import screen: preview an upload, validate it (writing no product), start the
// job, read progress. Writing happens in import.job.ts; undo in import-undo.ts.
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { AppError, fieldError, notFound } from '../../../platform/http/app-error.js';
import { columnsOf } from '../../../platform/import/mapped-columns.js';
import { enqueueJob } from '../../../platform/jobs/index.js';
import { ownerScopeCondition } from '../../access/index.js';
import { productImportRows, productImports } from '../product-imports.table.js';
import { planBatch, type PassSettings } from './batch-planner.js';
import { fieldLabelFa, IMPORT_FIELDS, priceFieldLabel, stockFieldLabel, suggestImportMapping } from './import-fields.js';
import { openParsedImport, parseUpload, storeImportFile } from './import-file.js';
import { passSettings, screenedBatches } from './import-pass.js';
import { dynamicFields, loadImportRefs } from './import-refs.js';
import { importTuning } from './import-tuning.js';
import type { CreateImportBody, ImportOut } from './import.contract.js';

export const IMPORT_JOB = 'products.import';
const SAMPLE_ROWS = 10;
const REJECTED_SHOWN = 500;

type ImportRecord = typeof productImports.$inferSelect;
export const toImportOut = (r: ImportRecord): ImportOut => ({
  id: r.id, status: r.status, filename: r.filename, format: r.format, policy: r.policy, matchFields: r.matchFields,
  totalRows: r.totalRows, processedRows: r.processedRows, created: r.created, overwritten: r.overwritten, merged: r.merged,
  skipped: r.skipped, rejected: r.rejected, pricesWritten: r.pricesWritten, stockLines: r.stockLines, stockDocumentIds: r.stockDocumentIds,
  error: r.error, createdAt: r.createdAt, finishedAt: r.finishedAt,
});

// The job runs as the person who started it (their permissions, their name in the audit log and on the receipts).
const needUser = (ctx: Ctx) => {
  if (!ctx.userId) throw new AppError('forbidden', { detail: 'ورود کالاها از فایل باید با حساب یک کاربر انجام شود، نه با کلید API.' });
};

export async function previewImport(ctx: Ctx, upload: { buffer: Buffer; filename: string }) {
  needUser(ctx);
  // The one full read of the file: later passes read the rows cache it writes.
  const file = await parseUpload(upload.buffer, upload.filename, SAMPLE_ROWS);
  if (file.totalRows === 0) throw new AppError('validation', { detail: 'فایل جز سطر عنوان ستون‌ها ردیفی ندارد.', errors: [{ path: 'file', message: 'فایل ردیفی ندارد' }] });
  const { fileId, dynamic } = await inTenant(ctx.db, ctx, async (tx) => ({
    fileId: await storeImportFile(tx, ctx, { ...upload, format: file.format }),
    dynamic: dynamicFields(await loadImportRefs(tx, ctx.tenantId)),
  }));
  return {
    fileId, filename: upload.filename, format: file.format, encoding: file.encoding, headers: file.headers, sampleRows: file.sampleRows, totalRows: file.totalRows,
    suggestedMapping: suggestImportMapping(file.headers, dynamic),
    fields: [...IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.label })), ...dynamic],
  };
}

/** The import if the user may see it (their own, or by the scope of products.import), locked when asked. */
export async function importInScope(tx: Tx, ctx: Ctx, id: string, lock = false) {
  const scope = await ownerScopeCondition(tx, ctx, 'products.import', productImports.createdBy);
  const q = tx.select().from(productImports).where(and(eq(productImports.tenantId, ctx.tenantId), eq(productImports.id, id), scope));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('ورود کالا از فایل');
  return row;
}

function checkMapping(body: CreateImportBody, headers: string[], s: PassSettings) {
  const columns = columnsOf(body.mapping);
  const byField = new Map<string, number>();
  const label = (f: string) =>
    f.startsWith('price:') ? priceFieldLabel(s.row.refs.priceLists.get(f.slice(6)) ?? '') : f.startsWith('stock:') ? stockFieldLabel(s.row.refs.warehouses.get(f.slice(6)) ?? '') : fieldLabelFa(f);
  for (const [col, field] of columns) {
    if (col >= headers.length) throw fieldError(`mapping.${col}`, `ستون شماره ${col + 1} در فایل نیست`);
    if (field.startsWith('price:') && !s.row.refs.priceLists.has(field.slice(6))) throw fieldError(`mapping.${col}`, `لیست قیمت ستون «${headers[col]}» پیدا نشد یا غیرفعال است`);
    if (field.startsWith('stock:') && !s.row.refs.warehouses.has(field.slice(6))) throw fieldError(`mapping.${col}`, `انبار ستون «${headers[col]}» پیدا نشد یا غیرفعال است`);
    const other = byField.get(field);
    if (other !== undefined) {
      throw fieldError(`mapping.${col}`, `ستون‌های «${headers[other]}» و «${headers[col]}» هر دو به «${label(field)}» نگاشت شده‌اند؛ هر فیلد از یک ستون خوانده می‌شود`);
    }
    byField.set(field, col);
  }
  if (!columns.length) throw fieldError('mapping', 'هیچ ستونی به فیلدهای کالا نگاشت نشده است');
  for (const f of body.matchFields) {
    if (!byField.has(f)) throw fieldError('matchFields', `فیلد تطبیق «${fieldLabelFa(f)}» به هیچ ستونی نگاشت نشده است`);
  }
}

/** Judges every row of the file as the job will, writing no product. */
export async function validateImport(ctx: Ctx, body: CreateImportBody) {
  needUser(ctx);
  const { filename, ...file } = await openParsedImport(ctx, body.fileId);
  const settings = await passSettings(ctx, { mapping: body.mapping, policy: body.policy, matchFields: body.matchFields });
  checkMapping(body, file.headers, settings);
  // Created as 'failed' and turned 'validated' at the end: a pass that dies midway never looks usable.
  const imp = await inTenant(ctx.db, ctx, async (tx) => {
    const [row] = await tx.insert(productImports).values({
      tenantId: ctx.tenantId, status: 'failed', fileId: body.fileId, filename, format: file.format, mapping: body.mapping, policy: body.policy,
      matchFields: body.matchFields, error: 'بررسی فایل کامل نشد', createdBy: ctx.userId, createdAt: ctx.now(),
    }).returning();
    return row!;
  });
  try {
    const counts = { totalRows: 0, rejected: 0, wouldCreate: 0, wouldUpdate: 0, wouldSkip: 0, prices: 0, stockLines: 0 };
    const shown: { rowNumber: number; reasons: string[]; values: string[] }[] = [];
    for await (const batch of screenedBatches(file.rows, settings, 0, importTuning.batchSize)) {
      counts.totalRows += batch.rows.length;
      await inTenant(ctx.db, ctx, async (tx) => {
        const rejected = [];
        for (const p of await planBatch(tx, ctx, settings, batch.rows)) {
          if (p.outcome === 'rejected') {
            rejected.push({ tenantId: ctx.tenantId, importId: imp.id, rowNumber: p.rowNumber, outcome: p.outcome, reasons: p.reasons, values: p.values });
            continue;
          }
          if (p.outcome === 'skipped') {
            counts.wouldSkip++;
            continue;
          }
          if (p.outcome === 'created') counts.wouldCreate++;
          else counts.wouldUpdate++;
          counts.prices += p.prices.length;
          counts.stockLines += p.stock.length;
        }
        counts.rejected += rejected.length;
        shown.push(...rejected.slice(0, REJECTED_SHOWN - shown.length).map((r) => ({ rowNumber: r.rowNumber, reasons: r.reasons, values: r.values })));
        if (rejected.length) await tx.insert(productImportRows).values(rejected);
      });
    }
    await inTenant(ctx.db, ctx, async (tx) => {
      await tx.update(productImports).set({ status: 'validated', error: null, totalRows: counts.totalRows, rejected: counts.rejected }).where(eq(productImports.id, imp.id));
      await recordAudit(tx, ctx, { entity: 'productImport', entityId: imp.id, action: 'create', after: { filename, policy: body.policy, matchFields: body.matchFields, ...counts } });
    });
    const { totalRows, rejected, ...rest } = counts;
    return { id: imp.id, status: 'validated' as const, totalRows, valid: totalRows - rejected, rejected: shown, rejectedCount: rejected, ...rest };
  } catch (err) {
    await inTenant(ctx.db, ctx, (tx) => tx.delete(productImports).where(eq(productImports.id, imp.id)));
    throw err;
  }
}

export async function startImport(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const imp = await importInScope(tx, ctx, id, true);
    if (imp.status !== 'validated') {
      throw new AppError('conflict', { detail: imp.status === 'failed' ? 'بررسی این فایل کامل نشده است؛ دوباره آن را بررسی کنید.' : 'این ورود قبلاً شروع شده است.' });
    }
    const [row] = await tx.update(productImports).set({ status: 'queued' }).where(eq(productImports.id, id)).returning();
    await enqueueJob(tx, { kind: IMPORT_JOB, payload: { importId: id }, dedupeKey: `${IMPORT_JOB}:${id}` });
    await recordAudit(tx, ctx, { entity: 'productImport', entityId: id, action: 'update', before: { status: imp.status }, after: { status: 'queued' } });
    return toImportOut(row!);
  });
}

export async function getImport(ctx: Ctx, id: string) {
  return toImportOut(await inTenant(ctx.db, ctx, (tx) => importInScope(tx, ctx, id)));
}

export async function listImports(ctx: Ctx) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'products.import', productImports.createdBy);
    const rows = await tx.select().from(productImports).where(and(eq(productImports.tenantId, ctx.tenantId), scope)).orderBy(desc(productImports.createdAt)).limit(50);
    return { items: rows.map(toImportOut) };
  });
}
