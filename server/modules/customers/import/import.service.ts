// Use cases of the import screen: preview an upload, queue its validation (writing no customer), read the
// validation report, start the job, read progress. The validation pass runs in validation.job.ts, writing
// in import.job.ts, undo in import-undo.ts.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import { scopeOf } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../../platform/http/app-error.js';
import { columnsOf } from '../../../platform/import/mapped-columns.js';
import { importProgressEvent } from '../../../platform/import/import-progress.js';
import { enqueueJob } from '../../../platform/jobs/index.js';
import { ownerScopeCondition } from '../../access/index.js';
import { assertReferences } from '../customers.service.js';
import { customerImportRows, customerImports } from '../customer-imports.table.js';
import { fieldLabelFa, IMPORT_FIELDS, suggestImportMapping } from './import-fields.js';
import { openParsedImport, parseUpload, storeImportFile } from './import-file.js';
import { DEFAULT_KIND_KEY } from './import-pass.js';
import { sweepStaleImportWork, validationSummary } from './kept-screening.js';
import type { CreateImportBody, ImportOut } from './import.contract.js';

export const IMPORT_JOB = 'customers.import';
export const VALIDATE_JOB = 'customers.import.validate';
const PROGRESS = 'customers.import.progress';
const SAMPLE_ROWS = 10;
const REJECTED_SHOWN = 500;
const fields = IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.label }));

type ImportRecord = typeof customerImports.$inferSelect;
export const toImportOut = (r: ImportRecord): ImportOut => ({
  id: r.id, status: r.status, filename: r.filename, format: r.format, policy: r.policy, matchFields: r.matchFields,
  totalRows: r.totalRows, processedRows: r.processedRows, created: r.created, overwritten: r.overwritten, merged: r.merged,
  skipped: r.skipped, rejected: r.rejected, error: r.error, createdAt: r.createdAt, finishedAt: r.finishedAt,
});

/** The live progress event of an import (validation pass or job), for its creator. */
export const importProgress = (imp: Pick<ImportRecord, 'id' | 'tenantId' | 'createdBy' | 'totalRows'>, processedRows: number, status?: string) =>
  importProgressEvent(PROGRESS, imp, processedRows, status);

// The job runs as the person who started it (their scope, their name in the audit log).
const needUser = (ctx: Ctx) => {
  if (!ctx.userId) throw new AppError('forbidden', { detail: 'ورود مشتریان از فایل باید با حساب یک کاربر انجام شود، نه با کلید API.' });
};

export async function previewImport(ctx: Ctx, upload: { buffer: Buffer; filename: string }) {
  needUser(ctx);
  // The one full read of the file: later passes read the rows cache it writes.
  const file = await parseUpload(upload.buffer, upload.filename, SAMPLE_ROWS);
  if (file.totalRows === 0) throw new AppError('validation', { detail: 'فایل جز سطر عنوان ستون‌ها ردیفی ندارد.', errors: [{ path: 'file', message: 'فایل ردیفی ندارد' }] });
  const fileId = await inTenant(ctx.db, ctx, (tx) => storeImportFile(tx, ctx, { ...upload, format: file.format }));
  return {
    fileId, filename: upload.filename, format: file.format, encoding: file.encoding, headers: file.headers, sampleRows: file.sampleRows, totalRows: file.totalRows,
    suggestedMapping: suggestImportMapping(file.headers), fields,
  };
}

/** The import if the user may see it (their own, or by the scope of customers.import), locked when asked. */
export async function importInScope(tx: Tx, ctx: Ctx, id: string, lock = false) {
  const scope = await ownerScopeCondition(tx, ctx, 'customers.import', customerImports.createdBy);
  const q = tx.select().from(customerImports).where(and(eq(customerImports.tenantId, ctx.tenantId), eq(customerImports.id, id), scope));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('ورود از فایل');
  return row;
}

function checkMapping(body: CreateImportBody, headers: string[]) {
  const columns = columnsOf(body.mapping);
  const byField = new Map<string, number>();
  for (const [col, field] of columns) {
    if (col >= headers.length) throw fieldError(`mapping.${col}`, `ستون شماره ${col + 1} در فایل نیست`);
    const other = byField.get(field);
    if (other !== undefined) {
      throw fieldError(`mapping.${col}`, `ستون‌های «${headers[other]}» و «${headers[col]}» هر دو به «${fieldLabelFa(field)}» نگاشت شده‌اند؛ هر فیلد از یک ستون خوانده می‌شود`);
    }
    byField.set(field, col);
  }
  if (!columns.length) throw fieldError('mapping', 'هیچ ستونی به فیلدهای مشتری نگاشت نشده است');
  for (const f of body.matchFields) {
    if (!byField.has(f)) throw fieldError('matchFields', `فیلد تطبیق «${fieldLabelFa(f)}» به هیچ ستونی نگاشت نشده است`);
  }
}

/**
 * Checks the request and queues the validation pass (validation.job.ts): the import is 'validating' until
 * every row is judged, then 'validated' with its report (GET …/validation). Writes no customer.
 */
export async function validateImport(ctx: Ctx, body: CreateImportBody) {
  needUser(ctx);
  const parsed = await openParsedImport(ctx, body.fileId);
  checkMapping(body, parsed.headers);
  const ownerId = body.ownerId ?? null;
  if (ownerId && ownerId !== ctx.userId && !scopeOf(ctx.principal, 'customers.assign')) {
    throw fieldError('ownerId', 'برای تعیین کارشناس مسئول دیگری، دسترسی «تخصیص مشتری» لازم است', 'forbidden');
  }
  const mapping: Record<string, string> = { ...body.mapping, ...(body.defaultKind ? { [DEFAULT_KIND_KEY]: body.defaultKind } : {}) };
  const imp = await inTenant(ctx.db, ctx, async (tx) => {
    if (ownerId) await assertReferences(tx, ctx, { ownerId });
    const [row] = await tx.insert(customerImports).values({
      tenantId: ctx.tenantId, status: 'validating', fileId: body.fileId, filename: parsed.filename, format: parsed.format, mapping, policy: body.policy,
      matchFields: body.matchFields, ownerId, totalRows: parsed.totalRows, createdBy: ctx.userId, createdAt: ctx.now(),
    }).returning();
    await enqueueJob(tx, { kind: VALIDATE_JOB, payload: { importId: row!.id }, dedupeKey: `${VALIDATE_JOB}:${row!.id}` });
    return row!;
  });
  void sweepStaleImportWork(ctx.now()).catch(() => undefined);
  return toImportOut(imp);
}

/** The validation pass's report: counts, and the first rejected rows with their reasons. */
export async function getValidation(ctx: Ctx, id: string) {
  const { imp, shown } = await inTenant(ctx.db, ctx, async (tx) => {
    const imp = await importInScope(tx, ctx, id);
    if (imp.status !== 'validated') {
      const detail = imp.status === 'validating' ? 'بررسی فایل هنوز تمام نشده است.' : imp.status === 'failed' ? `بررسی فایل انجام نشد: ${imp.error ?? ''}` : 'این ورود دیگر در مرحله بررسی نیست.';
      throw new AppError('conflict', { detail });
    }
    const shown = await tx
      .select({ rowNumber: customerImportRows.rowNumber, reasons: customerImportRows.reasons, values: customerImportRows.values })
      .from(customerImportRows)
      .where(and(eq(customerImportRows.tenantId, ctx.tenantId), eq(customerImportRows.importId, id), eq(customerImportRows.outcome, 'rejected')))
      .orderBy(asc(customerImportRows.rowNumber))
      .limit(REJECTED_SHOWN);
    return { imp, shown };
  });
  const summary = await validationSummary(id);
  if (!summary) throw new AppError('conflict', { detail: 'نتیجه بررسی این فایل در دسترس نیست؛ دوباره آن را بررسی کنید.' });
  const { totalRows, rejectedCount, ...would } = summary;
  return {
    id: imp.id, status: imp.status, totalRows, valid: totalRows - rejectedCount, rejectedCount, ...would,
    rejected: shown.map((r) => ({ rowNumber: r.rowNumber, reasons: r.reasons ?? [], values: r.values ?? [] })),
  };
}

export async function startImport(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const imp = await importInScope(tx, ctx, id, true);
    if (imp.status !== 'validated') {
      const detail = imp.status === 'validating' ? 'بررسی فایل هنوز تمام نشده است.'
        : imp.status === 'failed' ? 'بررسی این فایل کامل نشده است؛ دوباره آن را بررسی کنید.' : 'این ورود قبلاً شروع شده است.';
      throw new AppError('conflict', { detail });
    }
    const [row] = await tx.update(customerImports).set({ status: 'queued' }).where(eq(customerImports.id, id)).returning();
    await enqueueJob(tx, { kind: IMPORT_JOB, payload: { importId: id }, dedupeKey: `${IMPORT_JOB}:${id}` });
    return toImportOut(row!);
  });
}

export async function getImport(ctx: Ctx, id: string) {
  return toImportOut(await inTenant(ctx.db, ctx, (tx) => importInScope(tx, ctx, id)));
}

export async function listImports(ctx: Ctx) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'customers.import', customerImports.createdBy);
    const rows = await tx.select().from(customerImports).where(and(eq(customerImports.tenantId, ctx.tenantId), scope)).orderBy(desc(customerImports.createdAt)).limit(50);
    return { items: rows.map(toImportOut) };
  });
}
