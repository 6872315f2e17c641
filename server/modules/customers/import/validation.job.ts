// The background job `customers.import.validate`: the validation pass (every row judged as the job will
// judge it, nothing written but the rejected rows), run off the HTTP request because a large file takes
// seconds. Progress goes to processed_rows (the wizard polls it); the screening is kept for the job.
// Safe to run again: it starts over, clearing what an interrupted run wrote.
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import { scopeOf } from '../../../platform/context.js';
import { insertJsonRows } from '../../../platform/db/json-insert.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { publishEvent } from '../../../platform/events/index.js';
import { AppError } from '../../../platform/http/app-error.js';
import { inBatches } from '../../../platform/import/batches.js';
import { registerJobHandler, type Job, type JobHelpers } from '../../../platform/jobs/index.js';
import { ctxForUser } from '../../auth/background-ctx.js';
import { customerImportRows, customerImports } from '../customer-imports.table.js';
import { planBatch, type Screened } from './batch-planner.js';
import { openParsedImport } from './import-file.js';
import { passSettings, readAhead, screenRows } from './import-pass.js';
import { importTuning } from './import-tuning.js';
import { importProgress, VALIDATE_JOB } from './import.service.js';
import { keepScreening, removeImportWork, screeningKey, type ScreeningWriter, type ValidationSummary } from './kept-screening.js';

type ImportRecord = typeof customerImports.$inferSelect;
type Payload = { importId: string };

/** Still validating → starts over: no rejected rows, no progress from an interrupted run. */
async function begin(ctx: Ctx, id: string): Promise<ImportRecord | null> {
  return inTenant(ctx.db, ctx, async (tx) => {
    const [imp] = await tx.select().from(customerImports).where(eq(customerImports.id, id)).for('update');
    if (imp?.status !== 'validating') return null;
    await tx.delete(customerImportRows).where(and(eq(customerImportRows.tenantId, ctx.tenantId), eq(customerImportRows.importId, id)));
    const [row] = await tx.update(customerImports).set({ processedRows: 0, rejected: 0 }).where(eq(customerImports.id, id)).returning();
    return row!;
  });
}

async function end(db: JobHelpers['db'], imp: ImportRecord, set: Partial<ImportRecord>) {
  await inTenant(db, { tenantId: imp.tenantId }, async (tx) => {
    const [row] = await tx.update(customerImports).set(set).where(and(eq(customerImports.id, imp.id), eq(customerImports.status, 'validating'))).returning();
    if (row) await publishEvent(tx, importProgress(row, row.processedRows, row.status));
  });
}

/** Screened rows on their way to the batches are also written to the kept screening. */
async function* keeping(rows: AsyncIterable<Screened>, out: ScreeningWriter): AsyncGenerator<Screened> {
  for await (const r of rows) {
    await out.write(r);
    yield r;
  }
}

async function run(ctx: Ctx, start: ImportRecord) {
  const imp = await begin(ctx, start.id);
  if (!imp) return;
  const parsed = await openParsedImport(ctx, imp.fileId);
  const settings = await passSettings(ctx, imp);
  const out = await keepScreening(imp.id, screeningKey(settings));
  const counts: ValidationSummary = { totalRows: 0, rejectedCount: 0, wouldCreate: 0, wouldUpdate: 0, wouldSkip: 0 };
  try {
    for await (const batch of readAhead(inBatches(keeping(screenRows(parsed.rows, settings), out), 0, importTuning.batchSize))) {
      counts.totalRows += batch.rows.length;
      await inTenant(ctx.db, ctx, async (tx) => {
        const rejected = [];
        for (const p of await planBatch(tx, ctx, settings, batch.rows)) {
          if (p.outcome === 'rejected') rejected.push({ tenantId: ctx.tenantId, importId: imp.id, rowNumber: p.rowNumber, outcome: p.outcome, reasons: p.reasons, values: p.values });
          else if (p.outcome === 'created') counts.wouldCreate++;
          else if (p.outcome === 'skipped') counts.wouldSkip++;
          else counts.wouldUpdate++;
        }
        counts.rejectedCount += rejected.length;
        await insertJsonRows(tx, customerImportRows, rejected);
        const processedRows = batch.first + batch.rows.length;
        await tx.update(customerImports).set({ processedRows, rejected: sql`${customerImports.rejected} + ${rejected.length}` }).where(eq(customerImports.id, imp.id));
        await publishEvent(tx, importProgress(imp, processedRows, 'validating'));
      });
    }
    await out.commit(counts);
  } catch (err) {
    await out.abort();
    throw err;
  }
  // processed_rows goes back to 0: from here on it counts the job's progress.
  await end(ctx.db, imp, { status: 'validated', error: null, totalRows: counts.totalRows, rejected: counts.rejectedCount, processedRows: 0 });
}

async function fail(db: JobHelpers['db'], imp: ImportRecord, now: Date, error: string) {
  await removeImportWork(imp.id).catch(() => undefined);
  await end(db, imp, { status: 'failed', error, finishedAt: now });
}

export async function runValidationJob(job: Job<Payload>, helpers: JobHelpers) {
  const tenantId = job.tenantId;
  if (!tenantId || !job.payload?.importId) return;
  const [imp] = await inTenant(helpers.db, { tenantId }, (tx) => tx.select().from(customerImports).where(eq(customerImports.id, job.payload.importId)));
  if (imp?.status !== 'validating') return;
  const ctx = imp.createdBy ? await ctxForUser(helpers.db, tenantId, imp.createdBy, helpers.now, `import:${imp.id}`) : null;
  if (!ctx || !scopeOf(ctx.principal, 'customers.import')) {
    return fail(helpers.db, imp, helpers.now(), 'کاربری که این ورود را ساخته غیرفعال است یا دیگر دسترسی «ورود از فایل» مشتریان را ندارد.');
  }
  try {
    await run(ctx, imp);
  } catch (err) {
    // A refusal (the file became unreadable) will not get better by retrying.
    if (err instanceof AppError) return fail(helpers.db, imp, helpers.now(), err.message);
    if (job.attempts >= job.maxAttempts) await fail(helpers.db, imp, helpers.now(), 'بررسی فایل پس از چند بار تلاش انجام نشد؛ دوباره آن را بررسی کنید.');
    throw err;
  }
}

registerJobHandler<Payload>(VALIDATE_JOB, runValidationJob);
