// The background job `customers.import`. Each batch is ONE transaction that writes its customers, its
// customer_import_rows and the import's progress together: a crash (even kill -9) rolls the batch back,
// and the re-claimed job resumes at processed_rows. Safe to run again at any point (idempotent).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.js';
import { scopeOf } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { publishEvent } from '../../../platform/events/index.js';
import { AppError } from '../../../platform/http/app-error.js';
import { dropFirst, inBatches } from '../../../platform/import/batches.js';
import { registerJobHandler, type Job, type JobHelpers } from '../../../platform/jobs/index.js';
import { ctxForUser } from '../../auth/background-ctx.js';
import { customerImportRows, customerImports } from '../customer-imports.table.js';
import { planBatch, withDrafts, type PassSettings, type Screened } from './batch-planner.js';
import { writeBatch } from './batch-writer.js';
import { openParsedImport } from './import-file.js';
import { passSettings, prefetching, screenRows } from './import-pass.js';
import { IMPORT_JOB, importProgress as progress } from './import.service.js';
import { importTuning } from './import-tuning.js';
import { keptScreening, removeImportWork, screeningKey } from './kept-screening.js';
import { canOverlap, codeTurns, mustWaitBeforePlanning, type CodeTurn } from './batch-overlap.js';

type ImportRecord = typeof customerImports.$inferSelect;
type Payload = { importId: string };

async function finish(db: JobHelpers['db'], imp: ImportRecord, now: Date, status: 'done' | 'failed', error: string | null, totalRows?: number) {
  await inTenant(db, { tenantId: imp.tenantId }, async (tx) => {
    const [row] = await tx
      .update(customerImports)
      .set({ status, error, finishedAt: now, ...(totalRows !== undefined ? { totalRows } : {}) })
      .where(and(eq(customerImports.id, imp.id), inArray(customerImports.status, ['queued', 'running'])))
      .returning();
    if (row) await publishEvent(tx, progress(row, row.processedRows, status));
  });
  // The kept screening is of no use once the import has ended.
  await removeImportWork(imp.id).catch(() => undefined);
}

/** queued → running, once: counters from zero and the validation pass's rejected rows cleared. */
async function begin(ctx: Ctx, id: string): Promise<ImportRecord | null> {
  return inTenant(ctx.db, ctx, async (tx) => {
    const [imp] = await tx.select().from(customerImports).where(eq(customerImports.id, id)).for('update');
    if (!imp || (imp.status !== 'queued' && imp.status !== 'running')) return null;
    if (imp.status === 'running') return imp;
    await tx.delete(customerImportRows).where(and(eq(customerImportRows.tenantId, ctx.tenantId), eq(customerImportRows.importId, id)));
    const [row] = await tx
      .update(customerImports)
      .set({ status: 'running', error: null, processedRows: 0, created: 0, overwritten: 0, merged: 0, skipped: 0, rejected: 0 })
      .where(eq(customerImports.id, id))
      .returning();
    return row!;
  });
}

/**
 * The screened rows from processed_rows on: the validation pass's, when it kept them with the same
 * settings and reference lists; otherwise every row screened again from the rows cache (in file order
 * from the first row, so repeats inside the file are judged as before).
 */
async function rowsToWrite(ctx: Ctx, imp: ImportRecord, settings: PassSettings): Promise<AsyncIterable<Screened>> {
  const kept = await keptScreening(imp.id, screeningKey(settings), imp.processedRows);
  if (kept) return kept;
  const parsed = await openParsedImport(ctx, imp.fileId);
  return dropFirst(screenRows(parsed.rows, settings), imp.processedRows);
}

/** Batches with their new-customer drafts made (batch-planner withDrafts), in the read-ahead, outside the transaction. */
async function* drafted<B extends { rows: Screened[] }>(ctx: Ctx, settings: PassSettings, batches: AsyncIterable<B>): AsyncGenerator<B> {
  for await (const b of batches) yield { ...b, rows: withDrafts(ctx, settings, b.rows) };
}

async function run(ctx: Ctx, start: ImportRecord, helpers: JobHelpers) {
  const imp = await begin(ctx, start.id);
  if (!imp) return;
  const settings = await passSettings(ctx, imp);
  const rows = await rowsToWrite(ctx, imp, settings);
  const batches = prefetching(drafted(ctx, settings, inBatches(rows, imp.processedRows, importTuning.batchSize)));
  // On PostgreSQL two batches overlap (batch-overlap.ts): the next one is planned and written on a second
  // connection while the previous one finishes, and commits after it. PGlite has one connection.
  const overlap = helpers.database.kind === 'postgres';
  const nextTurn = codeTurns(ctx);
  let previous: Promise<number> | null = null;
  let total = imp.processedRows;
  try {
    for await (const batch of batches) {
      const before: Promise<number> | null = previous;
      const mine = writeInTransaction(ctx, imp, settings, batch, batches.prefetch, overlap ? { previous: before, turn: nextTurn() } : null);
      previous = mine;
      if (!overlap) total = await mine;
      else {
        mine.catch(() => undefined); // awaited by the next round or below
        if (before) total = await before;
      }
    }
    if (previous) total = await previous;
  } finally {
    // Stopped by a failed batch: the one still in flight rolls back (it waits for the failed one).
    await previous?.catch(() => undefined);
  }
  await finish(ctx.db, imp, ctx.now(), 'done', null, total);
}

type Overlap = { previous: Promise<number> | null; turn: CodeTurn };

/**
 * One batch, ONE transaction with its progress; resolves with processed_rows after its commit. With
 * `overlap.previous` (the batch before, maybe still in flight) it plans and writes meanwhile where that
 * cannot change a result (batch-overlap.ts), and waits for it before anything else and before committing.
 */
function writeInTransaction(ctx: Ctx, imp: ImportRecord, settings: PassSettings, batch: { first: number; rows: Screened[] }, prefetch: () => void, overlap: Overlap | null) {
  const previous = overlap?.previous ?? null;
  return inTenant(ctx.db, ctx, async (tx) => {
    // Asynchronous commit: a database crash may lose the last batches' commits, but each batch commits
    // with its progress, so the job then simply resumes earlier; finishing commits synchronously, which
    // also makes every batch before it durable. Saves a WAL flush per batch.
    await tx.execute(sql`set local synchronous_commit = off`);
    if (previous && mustWaitBeforePlanning(settings)) await previous;
    const plans = await planBatch(tx, ctx, settings, batch.rows);
    const overlapping = overlap !== null && canOverlap(plans);
    if (previous && !overlapping) await previous;
    const c = await writeBatch(tx, ctx, imp.id, Math.floor(batch.first / importTuning.batchSize) + 1, plans, {
      whileWriting: prefetch,
      ...(overlapping ? { numbering: overlap.turn.numbering, ...(previous ? { beforeOneByOne: () => previous } : {}) } : {}),
    });
    if (previous) await previous;
    // Another worker that took over a lost lease may have written this batch already. (No key update: the
    // import-row records of a batch in flight hold a key-share lock on this row through their foreign key.)
    const [locked] = await tx.select({ processedRows: customerImports.processedRows, status: customerImports.status }).from(customerImports).where(eq(customerImports.id, imp.id)).for('no key update');
    if (locked?.status !== 'running' || locked.processedRows !== batch.first) throw new Error(`import ${imp.id}: progress moved elsewhere`);
    const processedRows = batch.first + batch.rows.length;
    await tx
      .update(customerImports)
      .set({
        processedRows,
        created: sql`${customerImports.created} + ${c.created}`, overwritten: sql`${customerImports.overwritten} + ${c.overwritten}`,
        merged: sql`${customerImports.merged} + ${c.merged}`, skipped: sql`${customerImports.skipped} + ${c.skipped}`,
        rejected: sql`${customerImports.rejected} + ${c.rejected}`,
      })
      .where(eq(customerImports.id, imp.id));
    await publishEvent(tx, progress(imp, processedRows));
    return processedRows;
  }).finally(() => overlap?.turn.release());
}

export async function runImportJob(job: Job<Payload>, helpers: JobHelpers) {
  const tenantId = job.tenantId;
  if (!tenantId || !job.payload?.importId) return;
  const [imp] = await inTenant(helpers.db, { tenantId }, (tx) => tx.select().from(customerImports).where(eq(customerImports.id, job.payload.importId)));
  if (!imp || (imp.status !== 'queued' && imp.status !== 'running')) return;
  const ctx = imp.createdBy ? await ctxForUser(helpers.db, tenantId, imp.createdBy, helpers.now, `import:${imp.id}`) : null;
  if (!ctx || !scopeOf(ctx.principal, 'customers.import')) {
    await finish(helpers.db, imp, helpers.now(), 'failed', 'کاربری که این ورود را ساخته غیرفعال است یا دیگر دسترسی «ورود از فایل» مشتریان را ندارد.');
    return;
  }
  try {
    await run(ctx, imp, helpers);
  } catch (err) {
    // A refusal (the file changed or became unreadable) will not get better by retrying.
    if (err instanceof AppError) return finish(helpers.db, imp, helpers.now(), 'failed', err.message);
    if (job.attempts >= job.maxAttempts) await finish(helpers.db, imp, helpers.now(), 'failed', 'ورود پس از چند بار تلاش انجام نشد؛ بخش‌های انجام‌شده را می‌توانید برگردانید.');
    throw err;
  }
}

registerJobHandler<Payload>(IMPORT_JOB, runImportJob);
