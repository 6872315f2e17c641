import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catchUp } from '../../../customers/import/__tests__/import-test-kit.js';
import { jobs, type Scheduler } from '../../../../platform/jobs/index.js';
import { bearer, createTestApp, userWithGrants, type TestApp } from '../../../../test-support/test-app.js';
import { DEFAULT_BATCH_SIZE, importTuning } from '../import-tuning.js';
import { apiFor, importFile, multipart, onHand, preview, priceIn, priceList, productByCode, readXlsx, scheduler, warehouse, xlsx, type Api } from './product-import-kit.js';

let t: TestApp;
let api: Api;
let s: Scheduler;
let store: { id: string; name: string };
let retail: { id: string; name: string };
let units: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  api = apiFor(t);
  s = await scheduler(t);
  store = await warehouse(api, 'فروشگاه');
  retail = await priceList(api, 'خرده');
  units = Object.fromEntries((await api.ok<{ items: { id: string; name: string }[] }>('GET', '/api/product-units')).items.map((u) => [u.name, u.id]));
});
afterAll(async () => { await s?.stop(); await t?.close(); });
afterEach(() => { importTuning.batchSize = DEFAULT_BATCH_SIZE; importTuning.receiptLines = null; importTuning.hooks = {}; });

describe('duplicate policies', () => {
  it.each(['skip', 'overwrite', 'merge'] as const)('%s: a row matching an existing code', async (policy) => {
    const code = `M-${policy}`;
    const existing = await api.ok('POST', '/api/products', { code, name: 'نام قدیم', unitId: units['عدد'], basePrice: '100', description: 'شرح قدیم', barcode: `62600${policy.length}0000${policy.charCodeAt(0)}` });
    await api.ok('PUT', `/api/price-lists/${retail.id}/items`, { items: [{ productId: existing.id, price: '111' }] });
    const bytes = await xlsx([
      ['کد کالا', 'نام کالا', 'توضیحات', 'قیمت پایه', 'واحد', 'قیمت در لیست خرده', 'موجودی اول دوره در انبار فروشگاه'],
      [code, 'نام جدید', '', '', '', '', '2'],
      [`${code}-new`, 'تازه', 'شرح', '۵۰۰', 'عدد', '600', ''],
    ]);
    const { validation, result } = await importFile(t, api, s, `${policy}.xlsx`, bytes, { policy });
    const after = await api.ok('GET', `/api/products/${existing.id}`);
    if (policy === 'skip') {
      expect(validation).toMatchObject({ wouldCreate: 1, wouldSkip: 1, wouldUpdate: 0 });
      expect(result).toMatchObject({ status: 'done', created: 1, skipped: 1, stockLines: 0 });
      expect(after).toMatchObject({ name: 'نام قدیم', description: 'شرح قدیم', basePrice: '100', version: existing.version });
      expect(await onHand(api, existing.id, store.id)).toBe('0');
    }
    // Overwrite: every mapped field takes the file's value; empty ones become empty (a price item is removed).
    if (policy === 'overwrite') {
      expect(result).toMatchObject({ status: 'done', created: 1, overwritten: 1, stockLines: 1 });
      expect(after).toMatchObject({ name: 'نام جدید', description: null, basePrice: null, unitName: 'عدد' });
      expect(await priceIn(api, retail.id, existing.id)).toBeNull();
    }
    // Merge: only non-empty cells change.
    if (policy === 'merge') {
      expect(result).toMatchObject({ status: 'done', created: 1, merged: 1, stockLines: 1 });
      expect(after).toMatchObject({ name: 'نام جدید', description: 'شرح قدیم', basePrice: '100' });
      expect(await priceIn(api, retail.id, existing.id)).toBe('111');
    }
    if (policy !== 'skip') expect(await onHand(api, existing.id, store.id)).toBe('2');
    const created = await productByCode(api, `${code}-new`);
    expect(created).toMatchObject({ name: 'تازه', basePrice: '500' });
    expect(await priceIn(api, retail.id, created!.id)).toBe('600');
  });

  it('matches by barcode when asked, and changes the code from the file', async () => {
    const existing = await api.ok('POST', '/api/products', { code: 'B-OLD', name: 'بارکددار', unitId: units['عدد'], barcode: '6260999000011' });
    const bytes = await xlsx([['کد کالا', 'بارکد', 'نام کالا'], ['B-NEW', '۶۲۶۰۹۹۹۰۰۰۰۱۱', 'بارکددار نو']]);
    const { result } = await importFile(t, api, s, 'barcode.xlsx', bytes, { policy: 'merge', matchFields: ['barcode'] });
    expect(result).toMatchObject({ status: 'done', merged: 1, created: 0 });
    expect(await api.ok('GET', `/api/products/${existing.id}`)).toMatchObject({ code: 'B-NEW', name: 'بارکددار نو' });
  });
});

describe('rejected rows', () => {
  it('explains each rejected row in Persian; the rejected-rows XLSX has them with their reasons', async () => {
    const headers = ['کد کالا', 'نام کالا', 'واحد', 'قیمت پایه', 'موجودی اول دوره در انبار فروشگاه'];
    const bytes = await xlsx([
      headers,
      ['R-1', 'درست', 'عدد', '1000', '3'],
      ['R-2', 'واحد ناشناخته', 'بشکه', '1000', ''],
      ['R-3', 'اعشار نابجا', 'عدد', '1000', '2.5'],
      ['R-1', 'کد تکراری', 'عدد', '1000', ''],
      ['R-5', 'قیمت بد', 'عدد', 'دوازده', ''],
      ['R-6', '', 'عدد', '', ''],
    ]);
    const { validation, result } = await importFile(t, api, s, 'bad.xlsx', bytes);
    expect(validation).toMatchObject({ totalRows: 6, valid: 1, rejectedCount: 5 });
    const reasons = Object.fromEntries(validation.rejected.map((r: { rowNumber: number; reasons: string[] }) => [r.rowNumber, r.reasons.join(' | ')]));
    expect(reasons[3]).toMatch(/^واحد اصلی «بشکه» تعریف نشده است؛ واحدهای موجود: .*«عدد»/);
    expect(reasons[4]).toBe('موجودی اول دوره در انبار فروشگاه باید عدد صحیح باشد؛ واحد «عدد» اعشار نمی‌پذیرد');
    expect(reasons[5]).toBe('تکراری با ردیف ۲ همین فایل: کد کالا «R-1» یکسان است');
    expect(reasons[6]).toBe('قیمت پایه باید عددی صحیح و نامنفی به ریال باشد');
    expect(reasons[7]).toBe('نام کالا الزامی است');
    expect(result).toMatchObject({ status: 'done', created: 1, rejected: 5, stockLines: 1 });

    const res = await api.call('GET', `/api/products/imports/${result.id}/rejected`);
    expect(res.statusCode).toBe(200);
    const { ws, rows } = await readXlsx(res.rawPayload);
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(rows[0]).toEqual(['ردیف', ...headers, 'دلیل رد']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([3, 4, 5, 6, 7]);
    expect(rows[1]![3]).toBe('بشکه');
    expect(String(rows[3]![6])).toContain('تکراری با ردیف ۲');
  });

  it('refuses a VCF file, a mapping to an unknown warehouse and a field mapped twice', async () => {
    const vcf = await preview(t, api.h, 'contacts.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane\r\nEND:VCARD\r\n');
    expect(vcf.statusCode).toBe(415);
    expect(vcf.json().detail).toContain('XLSX');
    const p = (await preview(t, api.h, 'm.xlsx', await xlsx([['کد کالا', 'نام'], ['X-1', 'الف']]))).json();
    const ghost = await api.call('POST', '/api/products/imports', { fileId: p.fileId, mapping: { 0: 'code', 1: `stock:00000000-0000-4000-8000-000000000000` }, policy: 'skip', matchFields: ['code'] });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().errors[0].message).toContain('انبار ستون «نام» پیدا نشد');
    const twice = await api.call('POST', '/api/products/imports', { fileId: p.fileId, mapping: { 0: 'name', 1: 'name' }, policy: 'skip', matchFields: [] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].message).toContain('هر دو به «نام کالا» نگاشت شده‌اند');
  });
});

describe('a crash inside a batch or inside the opening-stock step', () => {
  it('leaves no partial batch and no receipt; the re-run finishes once', async () => {
    importTuning.batchSize = 2;
    const rows = Array.from({ length: 5 }, (_, i) => [`C-${i + 1}`, `کالای ${i + 1}`, 'عدد', String(i + 1)]);
    const bytes = await xlsx([['کد کالا', 'نام کالا', 'واحد', 'موجودی اول دوره در انبار فروشگاه'], ...rows]);
    let crashes = 0;
    importTuning.hooks.beforeRow = (row) => { if (row === 5 && crashes === 0) { crashes++; throw new Error('simulated crash'); } };
    importTuning.hooks.afterReceipts = () => { if (crashes === 1) { crashes++; throw new Error('simulated crash after receipts'); } };
    const p = (await preview(t, api.h, 'crash.xlsx', bytes)).json();
    const v = await api.ok('POST', '/api/products/imports', { fileId: p.fileId, mapping: p.suggestedMapping, policy: 'skip', matchFields: ['code'] });
    await api.ok('POST', `/api/products/imports/${v.id}/start`);
    const receipts = async () => (await api.ok<{ items: { id: string }[] }>('GET', `/api/stock-documents?reference=${encodeURIComponent(`productImport:${v.id}`)}`)).items;
    // Lost lease or retry: the job is due again at once.
    const rerun = async () => {
      await t.app.database.db.update(jobs).set({ status: 'queued', runAt: new Date(0), lockedBy: null, lockedUntil: null }).where(eq(jobs.dedupeKey, `products.import:${v.id}`));
      catchUp(t);
      return s.runDueOnce();
    };

    catchUp(t);
    expect(await s.runDueOnce()).toBe(1);
    expect(crashes).toBe(1);
    // Batch 1 (rows 2–3) committed; batch 2 (rows 4–5) died at row 5 and left nothing.
    expect(await api.ok('GET', `/api/products/imports/${v.id}`)).toMatchObject({ status: 'running', processedRows: 2, created: 2 });
    expect(await productByCode(api, 'C-3')).toBeUndefined();
    expect(await receipts()).toEqual([]);

    expect(await rerun()).toBe(1);
    expect(crashes).toBe(2);
    // Every row written, but the receipt step rolled back whole: no receipt, not done.
    expect(await api.ok('GET', `/api/products/imports/${v.id}`)).toMatchObject({ status: 'running', processedRows: 5, created: 5, stockDocumentIds: [] });
    expect(await receipts()).toEqual([]);
    expect(await onHand(api, (await productByCode(api, 'C-1'))!.id, store.id)).toBe('0');

    expect(await rerun()).toBe(1);
    const result = await api.ok('GET', `/api/products/imports/${v.id}`);
    expect(result).toMatchObject({ status: 'done', created: 5, stockLines: 5, processedRows: 5 });
    expect(result.stockDocumentIds).toHaveLength(1);
    expect((await receipts()).map((d) => d.id)).toEqual(result.stockDocumentIds);
    for (let i = 1; i <= 5; i++) expect(await onHand(api, (await productByCode(api, `C-${i}`))!.id, store.id)).toBe(String(i));
  });

  it('splits a warehouse\'s opening stock into numbered receipts past the line limit', async () => {
    importTuning.receiptLines = 2;
    const rows = Array.from({ length: 5 }, (_, i) => [`SP-${i + 1}`, `قطعه ${i + 1}`, 'عدد', '1']);
    const { result } = await importFile(t, api, s, 'split.xlsx', await xlsx([['کد کالا', 'نام کالا', 'واحد', 'موجودی اول دوره در انبار فروشگاه'], ...rows]));
    expect(result).toMatchObject({ status: 'done', created: 5, stockLines: 5 });
    const docs = await Promise.all(result.stockDocumentIds.map((id: string) => api.ok('GET', `/api/stock-documents/${id}`)));
    expect(docs.map((d) => [d.lines.length, d.description])).toEqual([
      [2, 'موجودی اول دوره از فایل «split.xlsx» (بخش ۱ از ۳)'], [2, 'موجودی اول دوره از فایل «split.xlsx» (بخش ۲ از ۳)'], [1, 'موجودی اول دوره از فایل «split.xlsx» (بخش ۳ از ۳)'],
    ]);
  });
});

describe('permissions', () => {
  it('every import route answers 403 without products.import', async () => {
    const viewer = await userWithGrants(t, 'noimport', [{ permission: 'products.view', scope: 'all' }, { permission: 'products.create', scope: 'all' }]);
    const vh = bearer(viewer.token);
    const m = multipart('a.csv', 'کد کالا,نام کالا\r\nالف,ب\r\n');
    const id = '00000000-0000-4000-8000-000000000000';
    const call = (method: string, url: string, payload?: unknown) => t.app.inject({ method: method as 'GET', url, headers: vh, ...(payload ? { payload: payload as object } : {}) });
    const calls = [
      t.app.inject({ method: 'POST', url: '/api/products/imports/preview', headers: { ...vh, ...m.headers }, payload: m.payload }),
      call('POST', '/api/products/imports', { fileId: id, mapping: { 0: 'code' }, policy: 'skip', matchFields: ['code'] }),
      call('GET', '/api/products/imports'),
      call('GET', `/api/products/imports/${id}`),
      call('POST', `/api/products/imports/${id}/start`),
      call('GET', `/api/products/imports/${id}/rejected`),
      call('POST', `/api/products/imports/${id}/undo`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('شما اجازه انجام این کار را ندارید.');
    }
  });

  it('documents every import route in OpenAPI under «product import»', async () => {
    const doc = await api.ok('GET', '/api/openapi.json');
    const tagged = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>)
      .flatMap(([path, ops]) => Object.values(ops).filter((o) => o.tags?.includes('product import')).map(() => path));
    expect(new Set(tagged)).toEqual(new Set(['/api/products/imports/preview', '/api/products/imports', '/api/products/imports/{id}', '/api/products/imports/{id}/start', '/api/products/imports/{id}/rejected', '/api/products/imports/{id}/undo']));
  });
});
