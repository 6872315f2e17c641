// The file is parsed once (at preview) and the validation pass's screening is reused by the job — and
// neither shortcut may change what gets written: duplicates against the database are still found when
// the job writes, and a lost cache only means the work is done again.
import { rm, writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { derivedFileBase } from '../../../../platform/files/files.service.js';
import { files } from '../../../../platform/files/files.table.js';
import type { Scheduler } from '../../../../platform/jobs/index.js';
import { bearer, createTestApp, type TestApp } from '../../../../test-support/test-app.js';
import { DEFAULT_BATCH_SIZE, importTuning } from '../import-tuning.js';
import { keptScreening, removeImportWork, validationSummary } from '../kept-screening.js';
import { catchUp, drain, nid, preview, scheduler, validate, xlsx } from './import-test-kit.js';

let t: TestApp;
let h: Record<string, string>;
let s: Scheduler;
beforeAll(async () => { t = await createTestApp(); h = bearer(t.adminToken); s = await scheduler(t); });
afterAll(async () => { await s?.stop(); await t?.close(); });
afterEach(() => { importTuning.batchSize = DEFAULT_BATCH_SIZE; });

const api = (method: string, url: string, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url, headers: h, ...(payload !== undefined ? { payload: payload as object } : {}) });
let seq = 345_000_000;
const nextNid = () => nid(String((seq += 7919)));
const HEADERS = ['نام', 'نام خانوادگی', 'کد ملی'];

/** Overwrites the stored upload: from here on, anything that parses it again fails. */
async function spoilUpload(fileId: string) {
  const [row] = await t.app.database.db.select().from(files).where(eq(files.id, fileId));
  await writeFile(derivedFileBase(row!.sha256), 'not a workbook any more');
}

async function run(id: string) {
  expect((await api('POST', `/api/customers/imports/${id}/start`)).statusCode).toBe(200);
  await drain(t, s);
  return (await api('GET', `/api/customers/imports/${id}`)).json();
}

describe('one read of the file', () => {
  it('validates and imports from the rows parsed at preview, never parsing the XLSX again', async () => {
    const ids = [nextNid(), nextNid(), nextNid()];
    const p = (await preview(t, h, 'once.xlsx', await xlsx([HEADERS, ['الف', 'یکم', ids[0]!], ['ب', 'دوم', ids[1]!], ['پ', 'سوم', ids[0]!], ['ت', 'چهارم', ids[2]!]]))).json();
    await spoilUpload(p.fileId);
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: ['nationalId'] });
    expect(v).toMatchObject({ status: 'validated', totalRows: 4, valid: 3, rejectedCount: 1, wouldCreate: 3 });
    expect(v.rejected).toEqual([{ rowNumber: 4, reasons: ['تکراری با ردیف ۲ همین فایل: کد ملی یکسان است'], values: ['پ', 'سوم', ids[0]] }]);
    expect(await run(v.id)).toMatchObject({ status: 'done', created: 3, rejected: 1 });
    // The rejected-rows file takes its headers from the rows cache too.
    expect((await api('GET', `/api/customers/imports/${v.id}/rejected`)).statusCode).toBe(200);
  });
});

describe("the job reuses the validation pass's screening", () => {
  it('keeps it while the import waits to start and removes it when the import ends', async () => {
    const p = (await preview(t, h, 'kept.xlsx', await xlsx([HEADERS, ['الف', 'یکم', nextNid()]]))).json();
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: ['nationalId'] });
    expect(await validationSummary(v.id)).toEqual({ totalRows: 1, rejectedCount: 0, wouldCreate: 1, wouldUpdate: 0, wouldSkip: 0 });
    // Made with other settings or reference lists, it is not used.
    expect(await keptScreening(v.id, 'another key', 0)).toBeNull();
    expect(await run(v.id)).toMatchObject({ status: 'done', created: 1 });
    expect(await validationSummary(v.id)).toBeNull();
  });

  it('still finds, when writing, a customer created with the same national ID after the validation pass', async () => {
    const taken = nextNid();
    const fresh = nextNid();
    const p = (await preview(t, h, 'race.xlsx', await xlsx([HEADERS, ['الف', 'یکم', taken], ['ب', 'دوم', fresh]]))).json();
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: ['nationalId'] });
    expect(v).toMatchObject({ wouldCreate: 2, wouldSkip: 0 });
    const meanwhile = await api('POST', '/api/customers', { kind: 'natural', firstName: 'زودتر', lastName: 'آمده', nationalId: taken });
    expect(meanwhile.statusCode).toBe(201);
    expect(await run(v.id)).toMatchObject({ status: 'done', created: 1, skipped: 1 });
    const found = (await api('GET', `/api/customers?q=${taken}`)).json().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ lastName: 'آمده' });
  });

  it('without the kept screening (lost, or made by other code) screens again and writes the same, resuming mid-file', async () => {
    importTuning.batchSize = 2;
    const a = nextNid();
    const rows = [['الف', 'یکم', a], ['ب', 'دوم', nextNid()], ['پ', 'سوم', a], ['ت', 'چهارم', nextNid()], ['ث', 'پنجم', nextNid()]];
    const p = (await preview(t, h, 'again.xlsx', await xlsx([HEADERS, ...rows]))).json();
    const v = await validate(t, h, s, { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: ['nationalId'] });
    await removeImportWork(v.id);
    let crashed = false;
    importTuning.hooks.beforeRow = (row) => {
      if (row === 5 && !crashed) { crashed = true; throw new Error('simulated crash'); }
    };
    try {
      expect((await api('POST', `/api/customers/imports/${v.id}/start`)).statusCode).toBe(200);
      await drain(t, s);
      // The retry is due after its back-off.
      catchUp(t, 3_600_000);
      await drain(t, s);
    } finally {
      importTuning.hooks = {};
    }
    expect(crashed).toBe(true);
    const done = (await api('GET', `/api/customers/imports/${v.id}`)).json();
    expect(done).toMatchObject({ status: 'done', totalRows: 5, processedRows: 5, created: 4, rejected: 1 });
    const res = await api('GET', `/api/customers/imports/${v.id}/rejected`);
    expect(res.statusCode).toBe(200);
  });

  it("reports a validation pass that cannot read the file as 'failed', with the reason", async () => {
    const p = (await preview(t, h, 'gone.xlsx', await xlsx([HEADERS, ['الف', 'یکم', nextNid()]]))).json();
    const queued = (await api('POST', '/api/customers/imports', { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: [] })).json();
    expect(queued).toMatchObject({ status: 'validating', totalRows: 1, processedRows: 0 });
    // Before the pass runs, the rows cache goes and the upload is spoiled: the pass has to parse it and cannot.
    const [row] = await t.app.database.db.select().from(files).where(eq(files.id, p.fileId));
    await rm(`${derivedFileBase(row!.sha256)}.rows-v1.json`);
    await spoilUpload(p.fileId);
    await drain(t, s);
    const failed = (await api('GET', `/api/customers/imports/${queued.id}`)).json();
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('پسوند فایل');
    const report = await api('GET', `/api/customers/imports/${queued.id}/validation`);
    expect(report.statusCode).toBe(409);
    expect((await api('POST', `/api/customers/imports/${queued.id}/start`)).statusCode).toBe(409);
  });
});
