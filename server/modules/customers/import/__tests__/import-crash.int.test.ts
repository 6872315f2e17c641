import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobs, type Scheduler } from '../../../../platform/jobs/index.js';
import { bearer, createTestApp, type TestApp } from '../../../../test-support/test-app.js';
import { customerImportRows } from '../../customer-imports.table.js';
import { customers } from '../../customers.table.js';
import { DEFAULT_BATCH_SIZE, importTuning } from '../import-tuning.js';
import { catchUp, csv, nid, preview, scheduler, validate } from './import-test-kit.js';

let t: TestApp;
let h: Record<string, string>;
let s: Scheduler;
beforeAll(async () => { t = await createTestApp(); h = bearer(t.adminToken); s = await scheduler(t); });
afterAll(async () => { await s?.stop(); await t?.close(); });
afterEach(() => { importTuning.batchSize = DEFAULT_BATCH_SIZE; importTuning.hooks = {}; });

const api = (method: string, url: string, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url, headers: h, ...(payload !== undefined ? { payload: payload as object } : {}) });
const db = () => t.app.database.db;
const countOf = async (nationalIds: string[]) => {
  const [r] = await db().select({ n: sql<number>`count(*)::int` }).from(customers).where(inArray(customers.nationalId, nationalIds));
  return Number(r!.n);
};
const importRows = async (id: string) => db().select().from(customerImportRows).where(eq(customerImportRows.importId, id));

describe('a crash in the middle of a batch', () => {
  it('keeps the committed batch, leaves nothing of the broken one, and a re-run finishes with correct totals and no duplicates', async () => {
    importTuning.batchSize = 5;
    const ids = Array.from({ length: 12 }, (_, i) => nid(String(213_456_789 + i * 1013)));
    // Row 10 repeats row 3's national ID: rejected both times the job sees it.
    const rows = ids.map((n, i) => ['مشتری', `شماره ${i + 1}`, i === 8 ? ids[1]! : n]);
    const p = (await preview(t, h, 'crash.csv', csv([['نام', 'نام خانوادگی', 'کد ملی'], ...rows]))).json();
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: ['nationalId'] });
    expect(v).toMatchObject({ totalRows: 12, valid: 11, wouldCreate: 11 });
    expect((await api('POST', `/api/customers/imports/${v.id}/start`)).statusCode).toBe(200);

    // Batch 1 = file rows 2–6, batch 2 = rows 7–11: die at row 9, after rows 7 and 8 were written.
    let crashed = false;
    importTuning.hooks.beforeRow = (row) => {
      if (row === 9 && !crashed) { crashed = true; throw new Error('simulated crash (kill -9)'); }
    };
    catchUp(t);
    expect(await s.runDueOnce()).toBe(1);
    expect(crashed).toBe(true);

    const mid = (await api('GET', `/api/customers/imports/${v.id}`)).json();
    expect(mid).toMatchObject({ status: 'running', processedRows: 5, created: 5, rejected: 0 });
    expect(await countOf(ids.slice(0, 5))).toBe(5);
    expect(await countOf(ids.slice(5, 7))).toBe(0); // rows 7 and 8: written, then rolled back with their batch
    expect((await importRows(v.id)).map((r) => r.rowNumber).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);

    // As after kill -9: the job row is still 'running' under a lease that has run out; another worker takes it.
    await db().update(jobs).set({ status: 'running', lockedBy: 'dead-worker', lockedUntil: new Date(0) }).where(and(eq(jobs.kind, 'customers.import'), eq(jobs.dedupeKey, `customers.import:${v.id}`)));
    catchUp(t);
    expect(await s.runDueOnce()).toBe(1);

    const done = (await api('GET', `/api/customers/imports/${v.id}`)).json();
    expect(done).toMatchObject({ status: 'done', totalRows: 12, processedRows: 12, created: 11, rejected: 1, skipped: 0 });
    expect(await countOf(ids.filter((_, i) => i !== 8))).toBe(11);
    const recorded = await importRows(v.id);
    expect(recorded).toHaveLength(12);
    expect(recorded.find((r) => r.rowNumber === 10)).toMatchObject({ outcome: 'rejected', reasons: ['تکراری با ردیف ۳ همین فایل: کد ملی یکسان است'] });
    const [job] = await db().select().from(jobs).where(eq(jobs.dedupeKey, `customers.import:${v.id}`));
    expect(job).toMatchObject({ status: 'done' });

    // Running the finished job again changes nothing.
    await db().update(jobs).set({ status: 'queued' }).where(eq(jobs.id, job!.id));
    catchUp(t);
    await s.runDueOnce();
    expect((await api('GET', `/api/customers/imports/${v.id}`)).json()).toMatchObject({ status: 'done', created: 11 });
    expect(await importRows(v.id)).toHaveLength(12);
  });

  it('a failed batch also takes down the batch written after it (on PostgreSQL they overlap); codes follow the file order', async () => {
    importTuning.batchSize = 3;
    const ids = Array.from({ length: 10 }, (_, i) => nid(String(314_159_265 + i * 2027)));
    const p = (await preview(t, h, 'overlap.csv', csv([['نام خانوادگی', 'کد ملی'], ...ids.map((n, i) => [`ردیف ${i + 2}`, n])]))).json();
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: ['nationalId'] });
    expect((await api('POST', `/api/customers/imports/${v.id}/start`)).statusCode).toBe(200);

    // Dies inside batch 1 (file rows 2–4) after its customers went in; batch 2 may be written meanwhile.
    let crashed = false;
    importTuning.hooks.beforeRow = (row) => {
      if (row === 3 && !crashed) { crashed = true; throw new Error('simulated crash'); }
    };
    catchUp(t);
    await s.runDueOnce();
    expect(crashed).toBe(true);
    expect((await api('GET', `/api/customers/imports/${v.id}`)).json()).toMatchObject({ status: 'running', processedRows: 0, created: 0 });
    expect(await countOf(ids)).toBe(0);
    expect(await importRows(v.id)).toHaveLength(0);

    await db().update(jobs).set({ status: 'running', lockedBy: 'dead-worker', lockedUntil: new Date(0) }).where(and(eq(jobs.kind, 'customers.import'), eq(jobs.dedupeKey, `customers.import:${v.id}`)));
    catchUp(t);
    await s.runDueOnce();
    expect((await api('GET', `/api/customers/imports/${v.id}`)).json()).toMatchObject({ status: 'done', processedRows: 10, created: 10 });
    const made = await db().select({ code: customers.code, nationalId: customers.nationalId }).from(customers).where(inArray(customers.nationalId, ids));
    const codes = ids.map((n) => Number(made.find((c) => c.nationalId === n)!.code));
    expect(new Set(codes).size).toBe(10);
    expect([...codes].sort((a, b) => a - b)).toEqual(codes);
  });

  it('tells the creator how far it is after every batch (live progress bar)', async () => {
    importTuning.batchSize = 2;
    const events: { e: string; u: string; d: { id: string; processedRows: number; totalRows: number; status?: string } }[] = [];
    const unlisten = await t.app.database.listen('crm_events', (payload) => events.push(JSON.parse(payload)));
    try {
      const p = (await preview(t, h, 'progress.csv', csv([['نام خانوادگی'], ['یک'], ['دو'], ['سه']]))).json();
      const v = await validate(t, h, s, { fileId: p.fileId, mapping: { 0: 'lastName' }, policy: 'skip', matchFields: [] });
      await api('POST', `/api/customers/imports/${v.id}/start`);
      catchUp(t);
      await s.runDueOnce();
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await unlisten();
    }
    const mine = events.filter((e) => e.e === 'customers.import.progress');
    // The validation pass first (its progress, then 'validated' with the count reset for the job), then the job.
    expect(mine.map((e) => [e.d.processedRows, e.d.totalRows, e.d.status])).toEqual([
      [2, 3, 'validating'], [3, 3, 'validating'], [0, 3, 'validated'], [2, 3, undefined], [3, 3, undefined], [3, 3, 'done'],
    ]);
    expect(new Set(mine.map((e) => e.u))).toEqual(new Set([t.adminId]));
  });

  it('a second start is refused, so one import never runs twice', async () => {
    const p = (await preview(t, h, 'once.csv', csv([['نام خانوادگی'], ['یک‌بار']]))).json();
    const queued = (await api('POST', '/api/customers/imports', { fileId: p.fileId, mapping: { 0: 'lastName' }, policy: 'skip', matchFields: [] })).json();
    const early = await api('POST', `/api/customers/imports/${queued.id}/start`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('بررسی فایل هنوز تمام نشده است.');
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: { 0: 'lastName' }, policy: 'skip', matchFields: [] });
    expect((await api('POST', `/api/customers/imports/${v.id}/start`)).statusCode).toBe(200);
    const again = await api('POST', `/api/customers/imports/${v.id}/start`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('این ورود قبلاً شروع شده است.');
  });
});
