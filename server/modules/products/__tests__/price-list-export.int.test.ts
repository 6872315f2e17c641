// Exports of the price lists and of one list's prices: read back and compared with the list API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { readCsvExport, readXlsxExport } from '../../../test-support/export-reader.js';
import { systemCtx } from '../../inventory/reservations.service.js';
import { priceItemExport } from '../price-lists.export.js';
import { apiOf, unitIds } from './helpers.js';

let t: TestApp;
let api: ReturnType<typeof apiOf>['api'];
let ok: ReturnType<typeof apiOf>['ok'];
let retail: { id: string; name: string };
let web: string;

type Item = { id: string; productCode: string; productName: string; variantCode: string | null; unitName: string; price: string };
const FORMULA = '=HYPERLINK("x")';
const exportAudits = async (resource: string) =>
  (await ok<{ items: { action: string; changes: { field: string; after: unknown }[] }[] }>('GET', `/api/audit-log?entity=export&entityId=${resource}`)).items;
const auditFields = (entry: { changes: { field: string; after: unknown }[] }) => Object.fromEntries(entry.changes.map((c) => [c.field, c.after]));

beforeAll(async () => {
  t = await createTestApp();
  ({ api, ok } = apiOf(t));
  const U = await unitIds(t);
  await ok('POST', '/api/product-attributes', { name: 'رنگ', values: ['قرمز', 'آبی'] });
  const kettle = await ok('POST', '/api/products', { code: 'K-1', name: 'کتری برقی', unitId: U['عدد'] });
  const red = await ok('POST', `/api/products/${kettle.id}/variants`, { attributes: { 'رنگ': 'قرمز' } });
  const rice = await ok('POST', '/api/products', { code: 'A-1', name: 'برنج طارم', unitId: U['کیلوگرم'] });
  const odd = await ok('POST', '/api/products', { code: 'Z-1', name: FORMULA, unitId: U['عدد'] });
  web = (await ok<{ items: { id: string; name: string }[] }>('GET', '/api/lookups/salesChannel')).items.find((c) => c.name === 'فروشگاه اینترنتی')!.id;
  retail = await ok('POST', '/api/price-lists', { name: 'خرده‌فروشی', channelId: web, validFrom: '1404/01/01', validTo: '1404/12/29', priority: 2 });
  await ok('POST', '/api/price-lists', { name: 'عمده', active: false });
  await ok('PUT', `/api/price-lists/${retail.id}/items`, { items: [
    { productId: kettle.id, price: '25,000,000' }, { productId: kettle.id, variantId: red.id, price: '۲۶۵۰۰۰۰۰' },
    { productId: rice.id, price: '1850000' }, { productId: odd.id, price: '9007199254740993' },
  ] });
});
afterAll(async () => { await t?.close(); });

describe('GET /api/price-lists/{id}/items/export', () => {
  it("the list's prices as an RTL XLSX: same rows as the list, prices as numbers, Persian intact, formula neutralised, audited", async () => {
    const list = (await ok<{ items: Item[] }>('GET', `/api/price-lists/${retail.id}/items`)).items;
    expect(list.map((i) => [i.productCode, i.variantCode])).toEqual([['A-1', null], ['K-1', null], ['K-1', 'K-1-1'], ['Z-1', null]]);
    const x = await readXlsxExport(await api('GET', `/api/price-lists/${retail.id}/items/export?format=xlsx`));
    expect(x.rightToLeft).toBe(true);
    expect(x.header).toEqual(['کد کالا', 'نام کالا', 'تنوع', 'مشخصات تنوع', 'واحد', 'قیمت (ریال)']);
    expect(x.rows.map((r) => [r['کد کالا'], r['واحد']])).toEqual(list.map((i) => [i.productCode, i.unitName]));
    expect(x.rows.slice(0, 3)).toEqual([
      { 'کد کالا': 'A-1', 'نام کالا': 'برنج طارم', 'تنوع': 'همه تنوع‌ها', 'مشخصات تنوع': null, 'واحد': 'کیلوگرم', 'قیمت (ریال)': 1850000 },
      { 'کد کالا': 'K-1', 'نام کالا': 'کتری برقی', 'تنوع': 'همه تنوع‌ها', 'مشخصات تنوع': null, 'واحد': 'عدد', 'قیمت (ریال)': 25000000 },
      { 'کد کالا': 'K-1', 'نام کالا': 'کتری برقی', 'تنوع': 'K-1-1', 'مشخصات تنوع': 'قرمز', 'واحد': 'عدد', 'قیمت (ریال)': 26500000 },
    ]);
    // Beyond 2^53 a number cell would change the amount: it stays text.
    expect(x.rows[3]).toMatchObject({ 'نام کالا': `'${FORMULA}`, 'قیمت (ریال)': '9007199254740993' });
    expect(auditFields((await exportAudits('priceListItems'))[0]!)).toEqual({ format: 'xlsx', priceListId: retail.id });
  });

  it('CSV with the BOM; an unknown list is 404 and writes nothing', async () => {
    const csv = readCsvExport(await api('GET', `/api/price-lists/${retail.id}/items/export?format=csv`));
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((r) => r['قیمت (ریال)'])).toEqual(['1850000', '25000000', '26500000', '9007199254740993']);
    const before = (await exportAudits('priceListItems')).length;
    expect((await api('GET', '/api/price-lists/00000000-0000-4000-8000-000000000000/items/export')).statusCode).toBe(404);
    expect(await exportAudits('priceListItems')).toHaveLength(before);
  });

  it('streams page by page in the order of the list', async () => {
    const { pages } = await priceItemExport(systemCtx(t.app.db, t.tenantId, () => t.clock.now), retail.id, 1);
    const codes: string[] = [];
    for await (const page of pages) codes.push(...page.map((i) => `${i.productCode}/${i.variantCode ?? ''}`));
    expect(codes).toEqual(['A-1/', 'K-1/', 'K-1/K-1-1', 'Z-1/']);
  });
});

describe('GET /api/price-lists/export', () => {
  it('the lists with channel, role, Jalali validity and active; filters honoured', async () => {
    const x = await readXlsxExport(await api('GET', '/api/price-lists/export?format=xlsx'));
    expect(x.rows).toEqual([
      { 'نام لیست قیمت': 'خرده‌فروشی', 'کانال فروش': 'فروشگاه اینترنتی', 'نقش': 'همه نقش‌ها', 'شروع اعتبار': '1404/01/01', 'پایان اعتبار': '1404/12/29', 'اولویت': 2, 'تعداد ردیف': 4, 'فعال': 'بله' },
      { 'نام لیست قیمت': 'عمده', 'کانال فروش': 'همه کانال‌ها', 'نقش': 'همه نقش‌ها', 'شروع اعتبار': null, 'پایان اعتبار': null, 'اولویت': 0, 'تعداد ردیف': 0, 'فعال': 'خیر' },
    ]);
    const active = readCsvExport(await api('GET', `/api/price-lists/export?format=csv&active=true&channelId=${web}`));
    expect(active.bom).toBe(true);
    expect(active.rows.map((r) => r['نام لیست قیمت'])).toEqual(['خرده‌فروشی']);
    expect(auditFields((await exportAudits('priceLists'))[0]!)).toEqual({ format: 'csv', active: 'true', channelId: web });
  });
});

describe('permissions', () => {
  it('403 without priceLists.export (even with every other price-list permission); 200 with it', async () => {
    const viewer = await userWithGrants(t, 'price-viewer', ['priceLists.view', 'priceLists.create', 'priceLists.edit', 'priceLists.delete'].map((permission) => ({ permission, scope: 'all' })));
    const exporter = await userWithGrants(t, 'price-exporter', [{ permission: 'priceLists.export', scope: 'all' }]);
    for (const url of ['/api/price-lists/export', `/api/price-lists/${retail.id}/items/export`]) {
      expect([url, (await apiOf(t, viewer.token).api('GET', url)).statusCode]).toEqual([url, 403]);
      expect([url, (await apiOf(t, exporter.token).api('GET', url)).statusCode]).toEqual([url, 200]);
    }
  });
});
