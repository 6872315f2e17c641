import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { loadStockItems } from '../index.js';
import { apiOf, byPath, unitIds } from './helpers.js';

let t: TestApp;
let api: ReturnType<typeof apiOf>['api'];
let ok: ReturnType<typeof apiOf>['ok'];
let U: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  ({ api, ok } = apiOf(t));
  U = await unitIds(t);
});
afterAll(async () => { await t?.close(); });

type Product = { id: string; code: string; name: string; version: number; barcode: string | null; variants: { id: string; code: string; barcode: string | null; isDefault: boolean; attributes: Record<string, string> }[] };
const create = (body: Record<string, unknown>) => ok<Product>('POST', '/api/products', { unitId: U['عدد'], ...body });

describe('products', () => {
  it('creates a product from Persian digits and Arabic letters with a second unit and its default variant', async () => {
    const p = await create({ code: '۵۰۰۱', name: 'كابل مسي', barcode: '۶۲۶۰۱۲۳۴۵۶۷۸۹', secondUnitId: U['کارتن'], basePrice: '۱٬۲۵۰٬۰۰۰', kind: 'goods' });
    expect(p).toMatchObject({ code: '5001', name: 'کابل مسی', barcode: '6260123456789', basePrice: '1250000', unitName: 'عدد', secondUnitName: 'کارتن', version: 1 });
    expect(p.variants).toEqual([expect.objectContaining({ isDefault: true, code: '5001', barcode: '6260123456789', attributes: {} })]);
  });

  it('keeps a usual second-unit ratio typed in Persian digits; refuses zero, a ratio without a second unit, and clears it with the unit', async () => {
    const p = await create({ name: 'برنج کیسه‌ای', secondUnitId: U['کارتن'], secondUnitRatio: '۲۵٫۵۰' });
    expect(p).toMatchObject({ secondUnitName: 'کارتن', secondUnitRatio: '25.5' });
    const zero = await api('POST', '/api/products', { unitId: U['عدد'], name: 'ضریب صفر', secondUnitId: U['کارتن'], secondUnitRatio: '۰' });
    expect(zero.statusCode).toBe(400);
    expect(byPath(zero.json())).toMatchObject({ secondUnitRatio: 'ضریب تبدیل واحد دوم باید بزرگ‌تر از صفر باشد' });
    const alone = await api('POST', '/api/products', { unitId: U['عدد'], name: 'ضریب تنها', secondUnitRatio: '12' });
    expect(alone.statusCode).toBe(400);
    expect(byPath(alone.json())).toMatchObject({ secondUnitRatio: expect.stringContaining('بدون واحد دوم') });
    const cleared = await ok<Product>('PATCH', `/api/products/${p.id}`, { secondUnitId: null, version: p.version });
    expect(cleared).toMatchObject({ secondUnitId: null, secondUnitRatio: null });
  });

  it('gives an automatic code when none is typed', async () => {
    const p = await create({ name: 'کالای بدون کد' });
    expect(p.code).toMatch(/^\d+$/);
  });

  it('refuses a second unit equal to the main unit, a bad price and a missing name, in Persian on those fields, writing nothing', async () => {
    const before = (await ok<{ total: number }>('GET', '/api/products?total=true')).total;
    const res = await api('POST', '/api/products', { unitId: U['عدد'], secondUnitId: U['عدد'], basePrice: '12.5', name: '' });
    expect(res.statusCode).toBe(400);
    expect(byPath(res.json())).toMatchObject({
      name: 'نام کالا الزامی است',
      basePrice: 'قیمت پایه باید عددی صحیح و نامنفی به ریال باشد',
      secondUnitId: 'واحد دوم باید با واحد اصلی فرق داشته باشد',
    });
    const noUnit = await api('POST', '/api/products', { name: 'بی‌واحد' });
    expect(byPath(noUnit.json())).toMatchObject({ unitId: 'واحد اصلی الزامی است' });
    const badRef = await api('POST', '/api/products', { name: 'واحد ناموجود', unitId: '00000000-0000-4000-8000-000000000000' });
    expect(badRef.statusCode).toBe(400);
    expect(byPath(badRef.json())).toMatchObject({ unitId: 'واحد اصلی انتخاب‌شده پیدا نشد' });
    expect((await ok<{ total: number }>('GET', '/api/products?total=true')).total).toBe(before);
  });

  it('refuses a code or barcode another product or variant has, naming that product', async () => {
    const a = await create({ code: 'A-100', name: 'لامپ ال‌ای‌دی 10 وات', barcode: '111222333' });
    const dupCode = await api('POST', '/api/products', { unitId: U['عدد'], code: 'A-100', name: 'دیگری' });
    expect(dupCode.statusCode).toBe(409);
    expect(byPath(dupCode.json()).code).toContain('لامپ ال‌ای‌دی 10 وات');
    const dupBarcode = await api('POST', '/api/products', { unitId: U['عدد'], name: 'دیگری', barcode: '۱۱۱۲۲۲۳۳۳' });
    expect(dupBarcode.statusCode).toBe(409);
    expect(byPath(dupBarcode.json()).barcode).toContain('لامپ ال‌ای‌دی 10 وات');
    await ok('POST', '/api/product-attributes', { name: 'توان', values: ['۱۰ وات', '۲۰ وات'] });
    const v = await ok<{ code: string }>('POST', `/api/products/${a.id}/variants`, { code: 'A-100-20', barcode: '999888777', attributes: { 'توان': '۲۰ وات' } });
    expect(v.code).toBe('A-100-20');
    const clash = await api('POST', '/api/products', { unitId: U['عدد'], code: 'A-100-20', name: 'سومی' });
    expect(clash.statusCode).toBe(409);
    expect(byPath(clash.json()).code).toContain('تنوع');
    const b = await create({ code: 'B-1', name: 'کالای ب' });
    const vClash = await api('POST', `/api/products/${b.id}/variants`, { code: 'X-1', barcode: '111222333', attributes: { 'توان': '۱۰ وات' } });
    expect(vClash.statusCode).toBe(409);
    expect(byPath(vClash.json()).barcode).toContain('لامپ ال‌ای‌دی 10 وات');
    // A product keeps its own code when saved again (its default variant mirrors it).
    expect((await api('PATCH', `/api/products/${a.id}`, { code: 'A-100', barcode: '111222333' })).statusCode).toBe(200);
  });

  it('adds variants by attribute combination, refuses unknown values and repeated combinations', async () => {
    await ok('POST', '/api/product-attributes', { name: 'رنگ', values: ['قرمز', 'آبی'] });
    const p = await create({ code: 'SH-1', name: 'پیراهن مردانه' });
    const red = await ok<{ code: string; attributes: Record<string, string> }>('POST', `/api/products/${p.id}/variants`, { attributes: { 'رنگ': 'قرمز' } });
    expect(red.code).toBe('SH-1-1');
    const again = await api('POST', `/api/products/${p.id}/variants`, { attributes: { 'رنگ': 'قرمز' } });
    expect(again.statusCode).toBe(409);
    const unknown = await api('POST', `/api/products/${p.id}/variants`, { attributes: { 'رنگ': 'سبز' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('سبز');
    const detail = await ok<Product>('GET', `/api/products/${p.id}`);
    expect((await ok<{ items: { id: string; variantCount: number }[] }>('GET', `/api/products?q=${encodeURIComponent('پیراهن مردانه')}`)).items[0]!.variantCount).toBe(1);
    expect(detail.variants.map((v) => v.isDefault)).toEqual([true, false]);
    // A variant's code is found by the quick search.
    const found = await ok<{ items: { id: string }[] }>('GET', `/api/products?q=${encodeURIComponent('SH-1-1')}`);
    expect(found.items.map((x) => x.id)).toEqual([p.id]);
  });

  it('finds products by Persian search with Arabic ي/ك and Persian digits, by barcode and description', async () => {
    const p = await create({ code: 'K-77', name: 'کیک شکلاتی ۲۰۰ گرمی', description: 'محصول ویژه یلدا', barcode: '5550001' });
    const ids = async (q: string) => (await ok<{ items: { id: string }[] }>('GET', `/api/products?q=${encodeURIComponent(q)}`)).items.map((x) => x.id);
    expect(await ids('كيك شكلاتي')).toEqual([p.id]);
    expect(await ids('شکلاتی 200')).toEqual([p.id]);
    expect(await ids('۵۵۵۰۰۰۱')).toEqual([p.id]);
    expect(await ids('يلدا')).toEqual([p.id]);
  });

  it('filters by category including its subtree, pages with the cursor and counts', async () => {
    const root = await ok('POST', '/api/product-categories', { name: 'لوازم خانگی' });
    const child = await ok('POST', '/api/product-categories', { name: 'آشپزخانه', parentId: root.id });
    const other = await ok('POST', '/api/product-categories', { name: 'پوشاک' });
    for (let i = 0; i < 3; i++) await create({ name: `قابلمه ${i}`, categoryId: child.id });
    await create({ name: 'یخچال', categoryId: root.id });
    await create({ name: 'کت', categoryId: other.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { total: number; nextCursor: string | null; items: { name: string }[] } = await ok('GET', `/api/products?categoryId=${root.id}&limit=2&sort=name&total=true${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.total).toBe(4);
      seen.push(...body.items.map((x) => x.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['قابلمه 0', 'قابلمه 1', 'قابلمه 2', 'یخچال']);
    expect((await ok<{ total: number }>('GET', `/api/products?categoryId=${child.id}&total=true`)).total).toBe(3);
    const counts = (await ok<{ items: { id: string; productCount: number }[] }>('GET', '/api/product-categories')).items;
    expect(counts.find((c) => c.id === child.id)!.productCount).toBe(3);
    expect(counts.find((c) => c.id === root.id)!.productCount).toBe(1);
    expect((await ok<{ total: number }>('GET', `/api/products?categoryId=${other.id}&total=true&kind=goods`)).total).toBe(1);
  });

  it('detects a concurrent edit through the version number, and records the change history', async () => {
    const p = await create({ name: 'نسخه‌دار', basePrice: 1000 });
    expect((await api('PATCH', `/api/products/${p.id}`, { basePrice: '2000', version: p.version })).statusCode).toBe(200);
    const stale = await api('PATCH', `/api/products/${p.id}`, { basePrice: '3000', version: p.version });
    expect(stale.statusCode).toBe(409);
    expect((await ok<{ basePrice: string }>('GET', `/api/products/${p.id}`)).basePrice).toBe('2000');
    const history = (await ok<{ items: { action: string; changes: { field: string; before: unknown; after: unknown }[] }[] }>('GET', `/api/audit-log?entity=product&entityId=${p.id}`)).items;
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]!.changes).toEqual([{ field: 'basePrice', before: '1000', after: '2000' }]);
  });

  it('soft-deletes: hidden from the list and GET, refused as stock, audited', async () => {
    const p = await create({ code: 'DEL-1', name: 'کالای حذفی' });
    expect((await api('DELETE', `/api/products/${p.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/products/${p.id}`)).statusCode).toBe(404);
    expect((await ok<{ items: unknown[] }>('GET', `/api/products?q=${encodeURIComponent('کالای حذفی')}`)).items).toEqual([]);
    const items = await inTenant(t.app.db, { tenantId: t.tenantId }, (tx) => loadStockItems(tx, t.tenantId, [p.variants[0]!.id]));
    expect(items.get(p.variants[0]!.id)).toMatchObject({ deleted: true, active: false });
    const dup = await api('POST', '/api/products', { unitId: U['عدد'], code: 'DEL-1', name: 'تکرار' });
    expect(byPath(dup.json()).code).toContain('حذف شده');
    const history = (await ok<{ items: { action: string }[] }>('GET', `/api/audit-log?entity=product&entityId=${p.id}`)).items;
    expect(history[0]!.action).toBe('delete');
  });

  it('exports the filtered list as an RTL XLSX and a CSV that read back with the same values', async () => {
    const cat = await ok('POST', '/api/product-categories', { name: 'صادراتی' });
    await create({ code: 'EX-1', name: 'کالای صادراتی یک', categoryId: cat.id, basePrice: '123456789' });
    await create({ code: 'EX-2', name: 'کالای صادراتی دو', categoryId: cat.id, secondUnitId: U['کارتن'] });
    const list = (await ok<{ items: { code: string; name: string; secondUnitName: string | null; basePrice: string | null }[] }>('GET', `/api/products?categoryId=${cat.id}&sort=code`)).items;
    const res = await api('GET', `/api/products/export?format=xlsx&categoryId=${cat.id}&sort=code`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(ws.getRow(1).getCell(1).value).toBe('کد کالا');
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push([1, 2, 8, 11].map((c) => ws.getRow(r).getCell(c).value));
    expect(rows).toEqual(list.map((p) => [p.code, p.name, p.secondUnitName, p.basePrice === null ? null : Number(p.basePrice)]));
    const csv = await api('GET', `/api/products/export?format=csv&categoryId=${cat.id}&sort=code`);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('کالای صادراتی یک');
  });
});

describe('sales category limits', () => {
  it('limits a sales user to some branches: canSell, sellableOnly search, audited', async () => {
    const seller = await userWithGrants(t, 'seller', [{ permission: 'products.view', scope: 'all' }]);
    const tools = await ok('POST', '/api/product-categories', { name: 'ابزار' });
    const hand = await ok('POST', '/api/product-categories', { name: 'ابزار دستی', parentId: tools.id });
    const food = await ok('POST', '/api/product-categories', { name: 'خوراکی' });
    const hammer = await create({ name: 'چکش فروشی', categoryId: hand.id });
    const bread = await create({ name: 'نان فروشی', categoryId: food.id });
    const set = await ok<{ categoryIds: string[] }>('PUT', `/api/staff/${seller.id}/product-categories`, { categoryIds: [tools.id] });
    expect(set.categoryIds).toEqual([tools.id]);
    const { ok: asSeller } = apiOf(t, seller.token);
    const names = (await asSeller<{ items: { name: string }[] }>('GET', `/api/products?sellableOnly=true&q=${encodeURIComponent('فروشی')}`)).items.map((x) => x.name);
    expect(names).toEqual(['چکش فروشی']);
    const all = (await asSeller<{ items: { name: string }[] }>('GET', `/api/products?q=${encodeURIComponent('فروشی')}`)).items;
    expect(all).toHaveLength(2);
    const { canSell } = await import('../index.js');
    const check = await inTenant(t.app.db, { tenantId: t.tenantId }, (tx) => canSell(tx, t.tenantId, seller.id, [hammer.id, bread.id]));
    expect(check).toMatchObject({ allowed: false, refused: [{ productId: bread.id, reason: 'category' }] });
    const free = await inTenant(t.app.db, { tenantId: t.tenantId }, (tx) => canSell(tx, t.tenantId, t.adminId, [hammer.id, bread.id]));
    expect(free.allowed).toBe(true);
    const history = (await ok<{ items: { changes: { field: string; after: unknown }[] }[] }>('GET', `/api/audit-log?entity=salesCategoryLimits&entityId=${seller.id}`)).items;
    expect(history[0]!.changes[0]).toMatchObject({ field: 'categories', after: ['ابزار'] });
    const bad = await api('PUT', `/api/staff/${seller.id}/product-categories`, { categoryIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.statusCode).toBe(400);
    expect(byPath(bad.json())['categoryIds.0']).toBe('گروه کالای انتخاب‌شده پیدا نشد');
  });
});
