import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheduler } from '../../../../platform/jobs/index.js';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.js';
import { apiFor, importFile, onHand, priceIn, priceList, productByCode, scheduler, warehouse, xlsx, type Api } from './product-import-kit.js';

let t: TestApp;
let api: Api;
let s: Scheduler;
let central: { id: string; name: string };
let branch: { id: string; name: string };
let wholesale: { id: string; name: string };
let units: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  api = apiFor(t);
  s = await scheduler(t);
  central = await warehouse(api, 'مرکزی');
  branch = await warehouse(api, 'شعبه');
  wholesale = await priceList(api, 'عمده');
  units = Object.fromEntries((await api.ok<{ items: { id: string; name: string }[] }>('GET', '/api/product-units')).items.map((u) => [u.name, u.id]));
});
afterAll(async () => { await s?.stop(); await t?.close(); });

const HEADERS = ['کد کالا', 'نام کالا', 'نوع', 'گروه کالا', 'برند', 'واحد', 'واحد دوم', 'بارکد', 'طبقه مالیاتی', 'قیمت پایه', 'فعال', 'قیمت در لیست عمده', 'موجودی اول دوره در انبار مرکزی', 'موجودی اول دوره در انبار شعبه'];

describe('products, prices and opening stock from one XLSX', () => {
  it('creates products with categories, brands, prices and one confirmed receipt per warehouse', async () => {
    const bytes = await xlsx([
      HEADERS,
      ['A-100', 'پیچ‌گوشتی چهارسو', 'کالا', 'ابزار / ابزار دستی', 'توسن', 'عدد', 'کارتن', '6260000000101', 'معاف', '۱٬۲۵۰٬۰۰۰', 'بله', '1,100,000', '۱۰', 5],
      ['A-101', 'برنج طارم', 'کالا', 'مواد غذایی', '', 'کیلوگرم', '', '', '', '2000000', '', '1900000', '12.5', ''],
      ['S-1', 'نصب و راه‌اندازی', 'خدمت', 'خدمات فنی', '', 'ساعت', '', '', '', '500000', '', '', '', ''],
    ]);
    const { preview, validation, result } = await importFile(t, api, s, 'catalog.xlsx', bytes);
    expect(preview.suggestedMapping).toMatchObject({ 0: 'code', 1: 'name', 3: 'category', 5: 'unit', 6: 'secondUnit', 11: `price:${wholesale.id}`, 12: `stock:${central.id}`, 13: `stock:${branch.id}` });
    expect(preview.fields.map((f: { label: string }) => f.label)).toEqual(expect.arrayContaining(['قیمت در لیست عمده', 'موجودی اول دوره در انبار شعبه']));
    expect(validation).toMatchObject({ totalRows: 3, valid: 3, wouldCreate: 3, prices: 2, stockLines: 3 });
    expect(result).toMatchObject({ status: 'done', created: 3, rejected: 0, pricesWritten: 2, stockLines: 3 });
    expect(result.stockDocumentIds).toHaveLength(2);

    const a = await productByCode(api, 'A-100');
    expect(a).toMatchObject({ name: 'پیچ‌گوشتی چهارسو', kind: 'goods', categoryName: 'ابزار دستی', brandName: 'توسن', unitName: 'عدد', secondUnitName: 'کارتن', barcode: '6260000000101', taxClassName: 'معاف', basePrice: '1250000', active: true });
    const rice = await productByCode(api, 'A-101');
    const service = await productByCode(api, 'S-1');
    expect(service).toMatchObject({ kind: 'service', categoryName: 'خدمات فنی' });
    const cats = (await api.ok<{ items: { name: string; depth: number; parentId: string | null }[] }>('GET', '/api/product-categories')).items;
    expect(cats.filter((c) => c.name === 'ابزار' || c.name === 'ابزار دستی')).toHaveLength(2);

    expect(await priceIn(api, wholesale.id, a!.id)).toBe('1100000');
    expect(await priceIn(api, wholesale.id, rice!.id)).toBe('1900000');
    expect(await onHand(api, a!.id, central.id)).toBe('10');
    expect(await onHand(api, a!.id, branch.id)).toBe('5');
    expect(await onHand(api, rice!.id, central.id)).toBe('12.5');

    const docs = await Promise.all(result.stockDocumentIds.map((id: string) => api.ok('GET', `/api/stock-documents/${id}`)));
    const byWarehouse = Object.fromEntries(docs.map((d) => [d.warehouseId, d]));
    expect(byWarehouse[central.id]).toMatchObject({ kind: 'receipt', status: 'confirmed', reference: `productImport:${result.id}` });
    expect(byWarehouse[central.id].lines.map((l: { productId: string; quantity: string }) => [l.productId, l.quantity])).toEqual([[a!.id, '10'], [rice!.id, '12.5']]);
    expect(byWarehouse[branch.id].lines).toHaveLength(1);
  });

  it('undo reverses the receipts, restores prices and changed products and removes the created ones', async () => {
    const old = await api.ok('POST', '/api/products', { code: 'U-1', name: 'قدیمی', unitId: units['عدد'], basePrice: '100', description: 'شرح قدیم' });
    await api.ok('PUT', `/api/price-lists/${wholesale.id}/items`, { items: [{ productId: old.id, price: '900' }] });
    const receipt = await api.ok('POST', '/api/stock-documents', { kind: 'receipt', docDate: '1405/01/15', warehouseId: central.id, lines: [{ productId: old.id, quantity: '3' }] });
    await api.ok('POST', `/api/stock-documents/${receipt.id}/confirm`);
    const before = await api.ok('GET', `/api/products/${old.id}`);

    const bytes = await xlsx([
      ['کد کالا', 'نام کالا', 'واحد', 'قیمت پایه', 'توضیحات', 'قیمت در لیست عمده', 'موجودی اول دوره در انبار مرکزی'],
      ['U-1', 'نام تازه', '', '150', '', '950', '7'],
      ['U-2', 'تازه‌وارد', 'عدد', '', '', '400', '4'],
    ]);
    const { result } = await importFile(t, api, s, 'undo.xlsx', bytes, { policy: 'overwrite' });
    expect(result).toMatchObject({ status: 'done', created: 1, overwritten: 1, pricesWritten: 2, stockLines: 2 });
    expect(await api.ok('GET', `/api/products/${old.id}`)).toMatchObject({ name: 'نام تازه', basePrice: '150', description: null });
    expect(await priceIn(api, wholesale.id, old.id)).toBe('950');
    expect(await onHand(api, old.id, central.id)).toBe('10');
    const created = await productByCode(api, 'U-2');

    const undo = await api.call('POST', `/api/products/imports/${result.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ status: 'undone', removed: 1, restored: 1, missing: 0, pricesRestored: 2, receiptsReversed: 1 });
    const after = await api.ok('GET', `/api/products/${old.id}`);
    const strip = ({ version: _v, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;
    expect(strip(after)).toEqual(strip(before));
    expect(await priceIn(api, wholesale.id, old.id)).toBe('900');
    expect(await priceIn(api, wholesale.id, created!.id)).toBeNull();
    expect(await onHand(api, old.id, central.id)).toBe('3');
    expect(await onHand(api, created!.id, central.id)).toBe('0');
    expect((await api.call('GET', `/api/products/${created!.id}`)).statusCode).toBe(404);
    const receiptDoc = await api.ok('GET', `/api/stock-documents/${result.stockDocumentIds[0]}`);
    expect(receiptDoc.reversedById).toBeTruthy();

    const again = await api.call('POST', `/api/products/imports/${result.id}/undo`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('این ورود قبلاً برگردانده شده است.');
  });

  it('refuses to undo when the opening stock was issued since, naming the product, and changes nothing', async () => {
    const bytes = await xlsx([['کد کالا', 'نام کالا', 'واحد', 'موجودی اول دوره در انبار شعبه'], ['I-1', 'فروخته‌شده', 'عدد', '5']]);
    const { result } = await importFile(t, api, s, 'issued.xlsx', bytes);
    expect(result).toMatchObject({ status: 'done', created: 1, stockLines: 1 });
    const p = await productByCode(api, 'I-1');
    const issue = await api.ok('POST', '/api/stock-documents', { kind: 'issue', docDate: '1405/01/16', warehouseId: branch.id, lines: [{ productId: p!.id, quantity: '4' }] });
    await api.ok('POST', `/api/stock-documents/${issue.id}/confirm`);

    const undo = await api.call('POST', `/api/products/imports/${result.id}/undo`);
    expect(undo.statusCode).toBe(409);
    expect(undo.json().detail).toContain('فروخته‌شده');
    expect(undo.json().detail).toContain('چیزی تغییر نکرد');
    expect(await productByCode(api, 'I-1')).toBeTruthy();
    expect(await onHand(api, p!.id, branch.id)).toBe('1');
    expect(await api.ok('GET', `/api/products/imports/${result.id}`)).toMatchObject({ status: 'done' });
  });
});
