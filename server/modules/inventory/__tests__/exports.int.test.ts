// Exports of the inventory lists (warehouses, stock documents, stock table): each read back and compared
// with what the list API shows, through HTTP, with permissions and the audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { readCsvExport, readXlsxExport } from '../../../test-support/export-reader.js';
import { systemCtx } from '../reservations.service.js';
import { stockDocumentExportPages } from '../stock-documents.export.js';
import { stockExportPages } from '../stock-reads.service.js';
import { api, makeProduct, postDoc, type ProductFixture } from './inventory-fixture.js';

let t: TestApp;
let call: ReturnType<typeof api>;
let main: { id: string; name: string };
let branch: { id: string; name: string };
let nails: ProductFixture;
let rice: ProductFixture;

const FORMULA = '=HYPERLINK("x")';
const ok = async (method: string, url: string, body?: unknown) => {
  const res = await call(method, url, body);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
};
const exportAudits = async (resource: string) =>
  (await ok('GET', `/api/audit-log?entity=export&entityId=${resource}`)).items as { action: string; actor: { id: string } | null; changes: { field: string; after: unknown }[] }[];
const auditFields = (entry: { changes: { field: string; after: unknown }[] }) => Object.fromEntries(entry.changes.map((c) => [c.field, c.after]));

beforeAll(async () => {
  t = await createTestApp();
  call = api(t);
  main = await ok('POST', '/api/warehouses', { code: 'A1', name: 'انبار مرکزی', managerId: t.adminId, address: 'تهران، خیابان ولیعصر' });
  branch = await ok('POST', '/api/warehouses', { code: 'B1', name: 'انبار شعبه', allowNegativeStock: true });
  await ok('POST', '/api/warehouses', { code: 'C1', name: FORMULA, active: false });
  nails = await makeProduct(t, { name: 'میخ فولادی' });
  rice = await makeProduct(t, { name: 'برنج هاشمی', decimals: 3, secondUnit: { name: 'کیسه', decimals: 0 } });
  await postDoc(t, { kind: 'receipt', warehouseId: main.id, description: 'رسید اول دوره', lines: [{ productId: nails.productId, quantity: 100 }, { productId: rice.productId, quantity: '12.5', quantity2: 5 }] });
  await postDoc(t, { kind: 'receipt', warehouseId: branch.id, lines: [{ productId: rice.productId, quantity: '۳٫۲۵' }] });
  await postDoc(t, { kind: 'transfer', warehouseId: main.id, toWarehouseId: branch.id, lines: [{ productId: nails.productId, quantity: 40 }] });
  const reversed = await postDoc(t, { kind: 'issue', docDate: '1405/01/20', warehouseId: main.id, lines: [{ productId: nails.productId, quantity: 1 }] });
  await ok('POST', `/api/stock-documents/${reversed.id}/reverse`);
  await ok('POST', '/api/stock-documents', { kind: 'issue', docDate: '1405/02/01', warehouseId: branch.id, description: '-2+3 پیش‌نویس', lines: [{ productId: nails.productId, quantity: 2 }] });
  await ok('POST', '/api/reservations', { warehouseId: main.id, productId: rice.productId, quantity: '2.5', expiresAt: new Date(t.clock.now.getTime() + 3_600_000).toISOString(), reference: 'quote:1' });
});
afterAll(async () => { await t?.close(); });

describe('GET /api/warehouses/export', () => {
  it('an RTL XLSX with the same warehouses as the list, Persian intact, formulas neutralised, audited', async () => {
    const list = (await ok('GET', '/api/warehouses')).items as { code: string; name: string; managerName: string | null; address: string | null; active: boolean }[];
    const x = await readXlsxExport(await call('GET', '/api/warehouses/export?format=xlsx'));
    expect(x.rightToLeft).toBe(true);
    expect(x.header.slice(0, 6)).toEqual(['کد انبار', 'نام انبار', 'مدیر انبار', 'نشانی', 'موجودی منفی مجاز', 'فعال']);
    expect(x.rows.map((r) => [r['کد انبار'], r['نام انبار'], r['مدیر انبار'], r['نشانی'], r['فعال']])).toEqual(
      list.map((w) => [w.code, w.name === FORMULA ? `'${FORMULA}` : w.name, w.managerName, w.address, w.active ? 'بله' : 'خیر']),
    );
    expect(x.rows[0]).toMatchObject({ 'نام انبار': 'انبار مرکزی', 'مدیر انبار': 'مدیر آزمون', 'نشانی': 'تهران، خیابان ولیعصر', 'موجودی منفی مجاز': 'خیر' });
    expect(x.rows[2]!['تاریخ ایجاد']).toMatch(/^14\d\d\/\d\d\/\d\d \d\d:\d\d$/);

    const csv = readCsvExport(await call('GET', '/api/warehouses/export?format=csv'));
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((r) => r['نام انبار'])).toEqual(['انبار مرکزی', 'انبار شعبه', `'${FORMULA}`]);
    const [latest, first] = await exportAudits('warehouses');
    expect(auditFields(latest!)).toEqual({ format: 'csv' });
    expect(first).toMatchObject({ action: 'create', actor: { id: t.adminId } });
  });
});

describe('GET /api/stock-documents/export', () => {
  type Doc = { id: string; kind: string; number: number; fiscalYear: number; docDate: string; status: string; reversedById: string | null; warehouseName: string; toWarehouseName: string | null; description: string | null; lineCount: number };
  const allPages = async (query: string) => {
    const out: Doc[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Doc[]; nextCursor: string | null } = await ok('GET', `/api/stock-documents?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };

  it('the list as XLSX: Persian kind and status, Jalali date, numbers as numbers, issuing user', async () => {
    const list = await allPages('');
    const x = await readXlsxExport(await call('GET', '/api/stock-documents/export?format=xlsx'));
    expect(x.rightToLeft).toBe(true);
    expect(x.rows.map((r) => [r['شماره'], r['سال مالی'], r['تعداد ردیف'], r['انبار']])).toEqual(list.map((d) => [d.number, d.fiscalYear, d.lineCount, d.warehouseName]));
    const draft = x.rows.find((r) => r['وضعیت'] === 'پیش‌نویس')!;
    expect(draft).toMatchObject({ 'نوع سند': 'حواله انبار', 'تاریخ سند': '1405/02/01', 'وضعیت': 'پیش‌نویس', 'صادرکننده': 'مدیر آزمون', 'تاییدکننده': null, 'توضیحات': "'-2+3 پیش‌نویس" });
    const statuses = x.rows.map((r) => `${r['نوع سند']} ${r['وضعیت']}`);
    expect(statuses).toContain('حواله انبار برگشت‌خورده');
    expect(statuses).toContain('انتقال بین انبار تاییدشده');
    const transfer = x.rows.find((r) => r['نوع سند'] === 'انتقال بین انبار')!;
    expect(transfer).toMatchObject({ 'انبار': 'انبار مرکزی', 'انبار مقصد': 'انبار شعبه', 'تاییدکننده': 'مدیر آزمون', 'تاریخ سند': '1405/01/15' });
    expect(typeof transfer['شماره']).toBe('number');
  });

  it('honours the list filters (kind, status, warehouse, dates) and is audited with them; CSV has the BOM', async () => {
    const filter = `&kind=receipt&status=confirmed&warehouseId=${branch.id}&from=1405/01/01&to=1405/01/31`;
    const list = await allPages(filter);
    expect(list.length).toBe(1);
    const csv = readCsvExport(await call('GET', `/api/stock-documents/export?format=csv${filter}`));
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((r) => [r['نوع سند'], r['شماره'], r['انبار'], r['وضعیت']])).toEqual(list.map((d) => ['رسید انبار', String(d.number), d.warehouseName, 'تاییدشده']));
    const atBranch = (await readXlsxExport(await call('GET', `/api/stock-documents/export?warehouseId=${branch.id}`))).rows;
    expect(atBranch.length).toBe((await allPages(`&warehouseId=${branch.id}`)).length);
    expect(atBranch.every((r) => r['انبار'] === 'انبار شعبه' || r['انبار مقصد'] === 'انبار شعبه')).toBe(true);
    const audited = auditFields((await exportAudits('stockDocuments'))[1]!);
    expect(audited).toMatchObject({ format: 'csv', kind: 'receipt', status: 'confirmed', warehouseId: branch.id });
  });

  it('streams with the list keyset paging: small pages give the same rows as the list', async () => {
    const ctx = systemCtx(t.app.db, t.tenantId, () => t.clock.now);
    const pages: string[][] = [];
    for await (const page of stockDocumentExportPages(ctx, {}, 2)) pages.push(page.map((d) => d.id));
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(pages.flat()).toEqual((await allPages('')).map((d) => d.id));
  });
});

describe('GET /api/stock/export', () => {
  type Row = { warehouseName: string; productCode: string; productName: string; variantCode: string; unitName: string; onHand: string; reserved: string; sellable: string };
  const numbers = (r: Record<string, unknown>) => [r['موجودی'], r['رزروشده'], r['قابل فروش']];

  it('one product across warehouses: the stock table with numbers as numbers', async () => {
    const list = (await ok('GET', `/api/stock?productId=${rice.productId}`)).items as Row[];
    const x = await readXlsxExport(await call('GET', `/api/stock/export?format=xlsx&productId=${rice.productId}`));
    expect(x.rightToLeft).toBe(true);
    expect(x.rows.map((r) => [r['انبار'], r['کد کالا'], r['نام کالا'], r['تنوع'], r['واحد'], ...numbers(r)])).toEqual(
      list.map((s) => [s.warehouseName, s.productCode, s.productName, s.variantCode, s.unitName, Number(s.onHand), Number(s.reserved), Number(s.sellable)]),
    );
    expect(numbers(x.rows[0]!)).toEqual([12.5, 2.5, 10]);
    expect(x.rows[0]).toMatchObject({ 'انبار': 'انبار مرکزی', 'نام کالا': 'برنج هاشمی', 'موجودی واحد دوم': 5 });
    expect(numbers(x.rows[1]!)).toEqual([3.25, 0, 3.25]);
  });

  it('one warehouse: only its rows; CSV with the BOM; audited with the filter; a missing filter is refused before anything is sent', async () => {
    const list = (await ok('GET', `/api/stock?warehouseId=${branch.id}`)).items as Row[];
    const csv = readCsvExport(await call('GET', `/api/stock/export?format=csv&warehouseId=${branch.id}`));
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((r) => [r['انبار'], r['نام کالا'], r['موجودی']])).toEqual(list.map((s) => [s.warehouseName, s.productName, s.onHand]));
    expect(csv.rows.map((r) => r['نام کالا']).sort()).toEqual(['برنج هاشمی', 'میخ فولادی']);
    const audits = await exportAudits('stock');
    expect(auditFields(audits[0]!)).toEqual({ format: 'csv', warehouseId: branch.id });
    const none = await call('GET', '/api/stock/export?format=csv');
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toBe('کالا یا انبار را انتخاب کنید.');
    expect(await exportAudits('stock')).toHaveLength(audits.length);
  });

  it('streams page by page in warehouse-code order', async () => {
    const ctx = systemCtx(t.app.db, t.tenantId, () => t.clock.now);
    const rows: Row[] = [];
    for await (const page of stockExportPages(ctx, { productId: nails.productId }, 1)) rows.push(...page);
    expect(rows.map((r) => [r.warehouseName, r.onHand])).toEqual([['انبار مرکزی', '60'], ['انبار شعبه', '40']]);
  });

  it('the stock card export is audited too', async () => {
    await readCsvExport(await call('GET', `/api/stock/card/export?format=csv&productId=${nails.productId}`));
    expect(auditFields((await exportAudits('stockCard'))[0]!)).toEqual({ format: 'csv', productId: nails.productId });
  });
});

describe('export permissions', () => {
  const exports = () => ['/api/warehouses/export', '/api/stock-documents/export', `/api/stock/export?productId=${nails.productId}`];

  it('403 for a user who may view the lists but not export them; the export permission opens each', async () => {
    const viewer = await userWithGrants(t, 'stock-viewer', ['warehouses.view', 'stockDocuments.view', 'stock.view'].map((permission) => ({ permission, scope: 'all' })));
    for (const url of exports()) {
      const res = await api(t, viewer.token)('GET', url);
      expect([url, res.statusCode, res.json().detail]).toEqual([url, 403, 'شما اجازه انجام این کار را ندارید.']);
    }
    const exporter = await userWithGrants(t, 'stock-exporter', ['warehouses.export', 'stockDocuments.export', 'stock.export'].map((permission) => ({ permission, scope: 'all' })));
    for (const url of exports()) expect([url, (await api(t, exporter.token)('GET', url)).statusCode]).toEqual([url, 200]);
  });

  it('the storekeeper and sales manager roles a company starts with may export warehouses and stock documents', async () => {
    const roles = (await ok('GET', '/api/roles')).items as { id: string; name: string }[];
    for (const name of ['انباردار', 'مدیر فروش']) {
      const role = roles.find((r) => r.name === name)!;
      const grants = (await ok('GET', `/api/roles/${role.id}/permissions`)).grants as { permission: string }[];
      expect(grants.map((g) => g.permission)).toEqual(expect.arrayContaining(['warehouses.export', 'stockDocuments.export', 'stock.export']));
    }
  });
});
