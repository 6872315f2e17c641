// Use cases of the import screen: preview an upload, validate it (writing no customer), start the job,
// read progress. Writing happens in import.job.ts; undo in import-undo.ts.
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import { scopeOf } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../../platform/http/app-error.js';
import { enqueueJob } from '../../../platform/jobs/index.js';
import { ownerScopeCondition } from '../../access/index.js';
import { assertReferences } from '../customers.service.js';
import { customerImportRows, customerImports } from '../customer-imports.table.js';
import { planBatch } from './batch-planner.js';
import { fieldLabelFa, IMPORT_FIELDS, suggestImportMapping } from './import-fields.js';
import { loadImportFile, openImportFile, rowsOf, storeImportFile } from './import-file.js';
import { columnsOf, DEFAULT_KIND_KEY, passSettings, readAhead, screenedBatches } from './import-pass.js';
import { importTuning } from './import-tuning.js';
import type { CreateImportBody, ImportOut } from './import.contract.js';

export const IMPORT_JOB = 'customers.import';
const SAMPLE_ROWS = 10;
const REJECTED_SHOWN = 500;
const fields = IMPORT_FIELDS.map((f) => ({ key: f.key, label: f.label }));

type ImportRecord = typeof customerImports.$inferSelect;
export const toImportOut = (r: ImportRecord): ImportOut => ({
  id: r.id, status: r.status, filename: r.filename, format: r.format, policy: r.policy, matchFields: r.matchFields,
  totalRows: r.totalRows, processedRows: r.processedRows, created: r.created, overwritten: r.overwritten, merged: r.merged,
  skipped: r.skipped, rejected: r.rejected, error: r.error, createdAt: r.createdAt, finishedAt: r.finishedAt,
});

// The job runs as the person who started it (their scope, their name in the audit log).
const needUser = (ctx: Ctx) => {
  if (!ctx.userId) throw new AppError('forbidden', { detail: 'ورود مشتریان از فایل باید با حساب یک کاربر انجام شود، نه با کلید API.' });
};

export async function previewImport(ctx: Ctx, upload: { buffer: Buffer; filename: string }) {
  needUser(ctx);
  const file = await openImportFile(upload.buffer, upload.filename);
  const sampleRows: string[][] = [];
  let totalRows = 0;
  for await (const row of rowsOf(file)) if (totalRows++ < SAMPLE_ROWS) sampleRows.push(row.values);
  if (totalRows === 0) throw new AppError('validation', { detail: 'فایل جز سطر عنوان ستون‌ها ردیفی ندارد.', errors: [{ path: 'file', message: 'فایل ردیفی ندارد' }] });
  const fileId = await inTenant(ctx.db, ctx, (tx) => storeImportFile(tx, ctx, { ...upload, format: file.format }));
  return {
    fileId, filename: upload.filename, format: file.format, encoding: file.encoding, headers: file.headers, sampleRows, totalRows,
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

/** Reads the whole file and judges every row as the job will, writing no customer. */
export async function validateImport(ctx: Ctx, body: CreateImportBody) {
  needUser(ctx);
  const { bytes, filename } = await loadImportFile(ctx, body.fileId);
  const file = await openImportFile(bytes, filename);
  checkMapping(body, file.headers);
  const ownerId = body.ownerId ?? null;
  if (ownerId && ownerId !== ctx.userId && !scopeOf(ctx.principal, 'customers.assign')) {
    throw fieldError('ownerId', 'برای تعیین کارشناس مسئول دیگری، دسترسی «تخصیص مشتری» لازم است', 'forbidden');
  }
  const mapping: Record<string, string> = { ...body.mapping, ...(body.defaultKind ? { [DEFAULT_KIND_KEY]: body.defaultKind } : {}) };
  // Created as 'failed' and turned 'validated' at the end: a pass that dies midway never looks usable.
  const imp = await inTenant(ctx.db, ctx, async (tx) => {
    if (ownerId) await assertReferences(tx, ctx, { ownerId });
    const [row] = await tx.insert(customerImports).values({
      tenantId: ctx.tenantId, status: 'failed', fileId: body.fileId, filename, format: file.format, mapping, policy: body.policy,
      matchFields: body.matchFields, ownerId, error: 'بررسی فایل کامل نشد', createdBy: ctx.userId, createdAt: ctx.now(),
    }).returning();
    return row!;
  });
  try {
    const settings = await passSettings(ctx, imp);
    const counts = { totalRows: 0, rejected: 0, wouldCreate: 0, wouldUpdate: 0, wouldSkip: 0 };
    const shown: { rowNumber: number; reasons: string[]; values: string[] }[] = [];
    for await (const batch of readAhead(screenedBatches(file, settings, 0, importTuning.batchSize))) {
      counts.totalRows += batch.rows.length;
      await inTenant(ctx.db, ctx, async (tx) => {
        const rejected = [];
        for (const p of await planBatch(tx, ctx, settings, batch.rows)) {
          if (p.outcome === 'rejected') rejected.push({ tenantId: ctx.tenantId, importId: imp.id, rowNumber: p.rowNumber, outcome: p.outcome, reasons: p.reasons, values: p.values });
          else if (p.outcome === 'created') counts.wouldCreate++;
          else if (p.outcome === 'skipped') counts.wouldSkip++;
          else counts.wouldUpdate++;
        }
        counts.rejected += rejected.length;
        shown.push(...rejected.slice(0, REJECTED_SHOWN - shown.length).map((r) => ({ rowNumber: r.rowNumber, reasons: r.reasons, values: r.values })));
        if (rejected.length) await tx.insert(customerImportRows).values(rejected);
      });
    }
    await inTenant(ctx.db, ctx, (tx) =>
      tx.update(customerImports).set({ status: 'validated', error: null, totalRows: counts.totalRows, rejected: counts.rejected }).where(eq(customerImports.id, imp.id)),
    );
    const { totalRows, rejected, ...would } = counts;
    return { id: imp.id, status: 'validated' as const, totalRows, valid: totalRows - rejected, rejected: shown, rejectedCount: rejected, ...would };
  } catch (err) {
    await inTenant(ctx.db, ctx, (tx) => tx.delete(customerImports).where(eq(customerImports.id, imp.id)));
    throw err;
  }
}

export async function startImport(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const imp = await importInScope(tx, ctx, id, true);
    if (imp.status !== 'validated') {
      throw new AppError('conflict', { detail: imp.status === 'failed' ? 'بررسی این فایل کامل نشده است؛ دوباره آن را بررسی کنید.' : 'این ورود قبلاً شروع شده است.' });
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
