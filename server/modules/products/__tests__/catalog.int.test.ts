import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { apiOf, byPath, unitIds } from './helpers.js';

let t: TestApp;
let api: ReturnType<typeof apiOf>['api'];
let ok: ReturnType<typeof apiOf>['ok'];
beforeAll(async () => {
  t = await createTestApp();
  ({ api, ok } = apiOf(t));
});
afterAll(async () => { await t?.close(); });

type Category = { id: string; parentId: string | null; name: string; path: string; depth: number; active: boolean };
const categories = async () => (await ok<{ items: Category[] }>('GET', '/api/product-categories')).items;

describe('units', () => {
  it('a new company starts with units and their decimals', async () => {
    const units = (await ok<{ items: { name: string; decimals: number }[] }>('GET', '/api/product-units')).items;
    expect(units).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'عدد', decimals: 0 }), expect.objectContaining({ name: 'کیلوگرم', decimals: 3 }),
      expect.objectContaining({ name: 'متر', decimals: 2 }), expect.objectContaining({ name: 'کارتن', decimals: 0 }),
    ]));
  });

  it('adds a unit typed with Persian digits, refuses decimals above 6 and a repeated name, deletes only unused units', async () => {
    const u = await ok<{ id: string; decimals: number; name: string }>('POST', '/api/product-units', { name: 'گرم', decimals: '۱' });
    expect(u).toMatchObject({ name: 'گرم', decimals: 1 });
    const bad = await api('POST', '/api/product-units', { name: 'تن', decimals: 7 });
    expect(bad.statusCode).toBe(400);
    expect(byPath(bad.json())).toEqual({ decimals: 'تعداد رقم اعشار حداکثر ۶ می‌تواند باشد' });
    const dup = await api('POST', '/api/product-units', { name: 'گرم' });
    expect(dup.statusCode).toBe(409);
    expect(byPath(dup.json()).name).toContain('گرم');
    const U = await unitIds(t);
    await ok('POST', '/api/products', { name: 'کالای گرمی', unitId: u.id });
    const used = await api('DELETE', `/api/product-units/${u.id}`);
    expect(used.statusCode).toBe(409);
    expect(used.json().detail).toContain('کالای گرمی');
    expect((await api('PATCH', `/api/product-units/${U['لیتر']}`, { active: false })).statusCode).toBe(200);
    const inactive = await api('POST', '/api/products', { name: 'نوشابه', unitId: U['لیتر'] });
    expect(byPath(inactive.json())).toEqual({ unitId: 'واحد اصلی انتخاب‌شده غیرفعال است' });
    expect((await api('DELETE', `/api/product-units/${U['لیتر']}`)).statusCode).toBe(204);
  });
});

describe('category tree', () => {
  it('moves a branch: the whole subtree follows; a move under its own descendant is refused', async () => {
    const a = await ok<Category>('POST', '/api/product-categories', { name: 'الف' });
    const b = await ok<Category>('POST', '/api/product-categories', { name: 'ب', parentId: a.id });
    const c = await ok<Category>('POST', '/api/product-categories', { name: 'ج', parentId: b.id });
    const x = await ok<Category>('POST', '/api/product-categories', { name: 'ایکس' });
    expect(c.path).toBe(`/${a.id}/${b.id}/${c.id}/`);
    const moved = await ok<Category>('PATCH', `/api/product-categories/${b.id}`, { parentId: x.id });
    expect(moved.path).toBe(`/${x.id}/${b.id}/`);
    const all = await categories();
    expect(all.find((r) => r.id === c.id)).toMatchObject({ path: `/${x.id}/${b.id}/${c.id}/`, depth: 2 });
    const cycle = await api('PATCH', `/api/product-categories/${x.id}`, { parentId: c.id });
    expect(cycle.statusCode).toBe(400);
    expect(byPath(cycle.json())).toEqual({ parentId: 'گروه را نمی‌توان زیر خودش یا یکی از زیرگروه‌هایش برد' });
    const self = await api('PATCH', `/api/product-categories/${x.id}`, { parentId: x.id });
    expect(self.statusCode).toBe(400);
    // Back to the top level.
    expect((await ok<Category>('PATCH', `/api/product-categories/${b.id}`, { parentId: null })).path).toBe(`/${b.id}/`);
    expect((await categories()).find((r) => r.id === c.id)!.path).toBe(`/${b.id}/${c.id}/`);
    const history = (await ok<{ items: { changes: { field: string }[] }[] }>('GET', `/api/audit-log?entity=productCategory&entityId=${b.id}`)).items;
    expect(history[0]!.changes.map((ch) => ch.field)).toContain('parentId');
  });

  it('renames, deactivates, refuses a duplicate sibling name and deleting a branch that has children', async () => {
    const p = await ok<Category>('POST', '/api/product-categories', { name: 'دسته ۱' });
    await ok('POST', '/api/product-categories', { name: 'زیر دسته', parentId: p.id });
    const dup = await api('POST', '/api/product-categories', { name: 'زیر دسته', parentId: p.id });
    expect(dup.statusCode).toBe(409);
    expect((await ok<Category>('PATCH', `/api/product-categories/${p.id}`, { name: 'دسته یک', active: false })).active).toBe(false);
    const del = await api('DELETE', `/api/product-categories/${p.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toContain('زیر دسته');
    const U = await unitIds(t);
    const inactive = await api('POST', '/api/products', { name: 'در گروه غیرفعال', unitId: U['عدد'], categoryId: p.id });
    expect(byPath(inactive.json())).toEqual({ categoryId: 'گروه کالای انتخاب‌شده غیرفعال است' });
  });
});

describe('tax classes', () => {
  it('a new company has the VAT class with dated rates and the exempt class', async () => {
    const classes = (await ok<{ items: { name: string; exempt: boolean; rates: { effectiveFrom: string; vatRate: string; tollRate: string }[] }[] }>('GET', '/api/tax-classes')).items;
    const vat = classes.find((c) => c.name === 'مشمول مالیات بر ارزش افزوده')!;
    expect(vat.exempt).toBe(false);
    expect(vat.rates.map((r) => [r.effectiveFrom, Number(r.vatRate) + Number(r.tollRate)])).toEqual([['2014-03-21', 9], ['2024-03-20', 10]]);
    expect(classes.find((c) => c.name === 'معاف')).toMatchObject({ exempt: true, rates: [] });
  });

  it('adds a class with a Jalali-dated rate in Persian digits, refuses a rate above 100, replaces rates on edit', async () => {
    const c = await ok<{ id: string; rates: { effectiveFrom: string; vatRate: string }[] }>('POST', '/api/tax-classes', {
      name: 'کالای خاص', rates: [{ effectiveFrom: '۱۴۰۵/۰۱/۰۱', vatRate: '۹٫۵', tollRate: '۲' }],
    });
    expect(c.rates[0]).toMatchObject({ effectiveFrom: '2026-03-21', vatRate: '9.50' });
    const bad = await api('POST', '/api/tax-classes', { name: 'نادرست', rates: [{ effectiveFrom: '2025-01-01', vatRate: '120', tollRate: '0' }] });
    expect(bad.statusCode).toBe(400);
    expect(byPath(bad.json())).toEqual({ 'rates.0.vatRate': 'نرخ مالیات نمی‌تواند بیش از ۱۰۰ باشد' });
    const edited = await ok<{ rates: unknown[] }>('PATCH', `/api/tax-classes/${c.id}`, { rates: [] });
    expect(edited.rates).toEqual([]);
  });
});

describe('attributes and lookup lists', () => {
  it('adds attributes with values; a value in use by a variant is not removed', async () => {
    const a = await ok<{ id: string; values: string[] }>('POST', '/api/product-attributes', { name: 'سايز', values: ['S', 'M', 'M'] });
    expect(a).toMatchObject({ name: 'سایز', values: ['S', 'M'] });
    const U = await unitIds(t);
    const p = await ok('POST', '/api/products', { name: 'تی‌شرت', unitId: U['عدد'] });
    await ok('POST', `/api/products/${p.id}/variants`, { attributes: { 'سایز': 'M' } });
    const res = await api('PATCH', `/api/product-attributes/${a.id}`, { values: ['S'] });
    expect(res.statusCode).toBe(409);
    expect(byPath(res.json()).values).toContain('M');
    expect((await api('DELETE', `/api/product-attributes/${a.id}`)).statusCode).toBe(409);
  });

  it('brands and sales channels are Settings lookup lists', async () => {
    const lists = (await ok<{ items: { key: string }[] }>('GET', '/api/lookups')).items.map((l) => l.key);
    expect(lists).toEqual(expect.arrayContaining(['productBrand', 'salesChannel']));
    expect((await ok<{ items: unknown[] }>('GET', '/api/lookups/salesChannel')).items.length).toBeGreaterThan(0);
    const brand = await ok('POST', '/api/lookups/productBrand', { name: 'بوش' });
    const U = await unitIds(t);
    const p = await ok<{ brandName: string }>('POST', '/api/products', { name: 'دریل بوش', unitId: U['عدد'], brandId: brand.id });
    expect(p.brandName).toBe('بوش');
    expect((await api('DELETE', `/api/lookups/productBrand/${brand.id}`)).statusCode).toBe(409);
  });
});
