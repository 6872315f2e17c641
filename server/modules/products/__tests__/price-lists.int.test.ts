import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, login, type TestApp } from '../../../test-support/test-app.js';
import { apiOf, byPath, unitIds } from './helpers.js';

let t: TestApp;
let api: ReturnType<typeof apiOf>['api'];
let ok: ReturnType<typeof apiOf>['ok'];
let product: { id: string; variants: { id: string; isDefault: boolean }[] };
let red: { id: string };
let seller: { id: string; token: string };
let roleA: string;
let roleB: string;
let web: string;
let phone: string;

type Price = { price: string | null; source: string; priceList: { id: string; name: string } | null; reason: string };
const price = (query: string, token = t.adminToken) => apiOf(t, token).ok<Price>('GET', `/api/products/${product.id}/price?${query}`);
const list = (body: Record<string, unknown>) => ok<{ id: string; name: string }>('POST', '/api/price-lists', body);
const items = (id: string, rows: Record<string, unknown>[]) => ok('PUT', `/api/price-lists/${id}/items`, { items: rows });

beforeAll(async () => {
  t = await createTestApp();
  ({ api, ok } = apiOf(t));
  const U = await unitIds(t);
  await ok('POST', '/api/product-attributes', { name: 'رنگ', values: ['قرمز', 'آبی'] });
  product = await ok('POST', '/api/products', { code: 'P-1', name: 'کالای قیمت‌دار', unitId: U['عدد'], basePrice: '1000' });
  red = await ok('POST', `/api/products/${product.id}/variants`, { attributes: { 'رنگ': 'قرمز' } });
  roleA = (await ok('POST', '/api/roles', { name: 'همکار' })).id;
  roleB = (await ok('POST', '/api/roles', { name: 'عمده' })).id;
  await ok('PUT', `/api/roles/${roleA}/permissions`, { grants: [{ permission: 'products.view', scope: 'all' }] });
  const staff = await ok('POST', '/api/staff', { username: 'seller', firstName: 'فروشنده', lastName: 'قیمت', password: 'Passw0rd-x', roleIds: [roleA, roleB] });
  seller = { id: staff.id, token: (await login(t.app, 'seller', 'Passw0rd-x')).token };
  const channels = (await ok<{ items: { id: string; name: string }[] }>('GET', '/api/lookups/salesChannel')).items;
  web = channels.find((c) => c.name === 'فروشگاه اینترنتی')!.id;
  phone = channels.find((c) => c.name === 'فروش تلفنی')!.id;
});
afterAll(async () => { await t?.close(); });

describe('price resolution', () => {
  it('falls back to the base price, and to nothing without one', async () => {
    expect(await price('date=2025-06-01')).toMatchObject({ price: '1000', source: 'basePrice', priceList: null });
    const U = await unitIds(t);
    const bare = await ok('POST', '/api/products', { name: 'بی‌قیمت', unitId: U['عدد'] });
    expect(await ok('GET', `/api/products/${bare.id}/price`)).toMatchObject({ price: null, source: 'none' });
  });

  it('ranks lists: channel+role > role > channel > general; variant item, then priority; validity dates; inactive ignored', async () => {
    const general = await list({ name: 'عمومی', validFrom: '2025-01-01' });
    await items(general.id, [{ productId: product.id, price: '۹۰۰' }]);
    const old = await list({ name: 'قدیمی', validFrom: '2020-01-01', validTo: '2020-12-31' });
    await items(old.id, [{ productId: product.id, price: '500' }]);
    const byChannel = await list({ name: 'اینترنتی', channelId: web });
    await items(byChannel.id, [{ productId: product.id, price: '800' }]);
    const byRoleA = await list({ name: 'همکاران', roleId: roleA });
    await items(byRoleA.id, [{ productId: product.id, price: '700' }, { productId: product.id, variantId: red.id, price: '720' }]);
    const byRoleB = await list({ name: 'عمده‌فروشان', roleId: roleB, priority: 5 });
    await items(byRoleB.id, [{ productId: product.id, price: '650' }]);
    const both = await list({ name: 'همکاران اینترنتی', channelId: web, roleId: roleA });
    await items(both.id, [{ productId: product.id, price: '600' }]);
    const off = await list({ name: 'غیرفعال', channelId: phone, active: false });
    await items(off.id, [{ productId: product.id, price: '1' }]);

    // The admin holds none of these roles.
    expect(await price('date=2025-06-01')).toMatchObject({ price: '900', source: 'priceList', priceList: { name: 'عمومی' } });
    expect(await price(`date=2025-06-01&channel=${web}`)).toMatchObject({ price: '800', priceList: { name: 'اینترنتی' } });
    expect(await price(`date=2025-06-01&channel=${phone}`)).toMatchObject({ price: '900', priceList: { name: 'عمومی' } });
    expect(await price('date=2020-06-01')).toMatchObject({ price: '500', priceList: { name: 'قدیمی' } });
    expect(await price('date=۱۳۹۹/۰۳/۱۲')).toMatchObject({ price: '500' }); // Jalali, Persian digits = 2020-06-01
    expect(await price('date=2024-06-01')).toMatchObject({ price: '1000', source: 'basePrice' });
    // The seller holds roles A and B: role lists beat the channel list; B's higher priority wins between them.
    const s = await price(`date=2025-06-01&channel=${phone}`, seller.token);
    expect(s).toMatchObject({ price: '650', priceList: { name: 'عمده‌فروشان' } });
    expect(s.reason).toContain('اولویت');
    // A variant item beats a product-wide item of a higher-priority list.
    expect(await price(`date=2025-06-01&variantId=${red.id}`, seller.token)).toMatchObject({ price: '720', priceList: { name: 'همکاران' } });
    // Channel and role set is the most specific.
    const best = await price(`date=2025-06-01&channel=${web}`, seller.token);
    expect(best).toMatchObject({ price: '600', priceList: { name: 'همکاران اینترنتی' } });
    expect(best.reason).toContain('اختصاصی‌تر');
    // The admin may ask for the seller's price.
    expect(await price(`date=2025-06-01&channel=${web}&userId=${seller.id}`)).toMatchObject({ price: '600' });
    // Another id (its last digit changed; the old `replace(/.$/, '0')` gave the same id when it ended in 0).
    const variantId = product.variants[0]!.id;
    const other = await api('GET', `/api/products/${product.id}/price?variantId=${variantId.slice(0, -1)}${variantId.endsWith('0') ? '1' : '0'}`);
    expect([400, 404]).toContain(other.statusCode);
  });

  it('refuses overlapping validity for two active lists with the same channel and role, naming the other list', async () => {
    const res = await api('POST', '/api/price-lists', { name: 'عمومی دوم', validFrom: '2025-03-01', validTo: '2025-12-31' });
    expect(res.statusCode).toBe(409);
    expect(byPath(res.json()).validFrom).toContain('«عمومی»');
    // Inactive, or not overlapping: accepted.
    expect((await api('POST', '/api/price-lists', { name: 'عمومی پیش‌نویس', validFrom: '2025-03-01', active: false })).statusCode).toBe(201);
    const gap = await list({ name: 'عمومی ۲۰۲۲', validFrom: '2022-01-01', validTo: '2022-12-31' });
    const clash = await api('PATCH', `/api/price-lists/${gap.id}`, { validTo: '2025-02-01' });
    expect(clash.statusCode).toBe(409);
    const order = await api('POST', '/api/price-lists', { name: 'وارونه', validFrom: '2030-02-01', validTo: '2030-01-01', channelId: phone });
    expect(byPath(order.json())).toEqual({ validTo: 'تاریخ پایان اعتبار نباید پیش از تاریخ شروع باشد' });
  });
});

describe('price list items', () => {
  it('bulk upserts, changes, removes and replaces items, all or nothing, audited', async () => {
    const pl = await list({ name: 'ویرایشی', channelId: phone, roleId: roleB });
    const first = await ok<{ items: { id: string; price: string; variantId: string | null }[] }>('PUT', `/api/price-lists/${pl.id}/items`, {
      items: [{ productId: product.id, price: '1,200' }, { productId: product.id, variantId: red.id, price: '۱۳۰۰' }],
    });
    expect(first.items.map((i) => i.price).sort()).toEqual(['1200', '1300']);
    const U = await unitIds(t);
    const other = await ok('POST', '/api/products', { name: 'دیگر', unitId: U['عدد'] });
    const bad = await api('PUT', `/api/price-lists/${pl.id}/items`, { items: [{ productId: product.id, price: '5' }, { productId: other.id, variantId: red.id, price: '9' }] });
    expect(bad.statusCode).toBe(400);
    expect(byPath(bad.json())).toEqual({ 'items.1.variantId': 'تنوع ردیف ۲ از همان کالا نیست' });
    const neg = await api('PUT', `/api/price-lists/${pl.id}/items`, { items: [{ productId: product.id, price: '-5' }] });
    expect(byPath(neg.json())['items.0.price']).toBe('قیمت باید عددی صحیح و نامنفی به ریال باشد');
    expect((await ok<{ items: { price: string }[] }>('GET', `/api/price-lists/${pl.id}/items`)).items.map((i) => i.price).sort()).toEqual(['1200', '1300']);
    const replaced = await ok<{ items: { id: string; price: string }[] }>('PUT', `/api/price-lists/${pl.id}/items`, { items: [{ productId: product.id, price: '1250' }], replace: true });
    expect(replaced.items).toEqual([expect.objectContaining({ price: '1250', variantId: null })]);
    const history = (await ok<{ items: { action: string; changes: { field: string; before: unknown; after: unknown }[] }[] }>('GET', `/api/audit-log?entity=priceListItem&entityId=${replaced.items[0]!.id}`)).items;
    expect(history[0]!.changes).toEqual([{ field: 'price', before: '1200', after: '1250' }]);
    expect((await ok<{ itemCount: number }>('GET', `/api/price-lists/${pl.id}`)).itemCount).toBe(1);
    const upd = await ok<{ version: number; priority: number }>('PATCH', `/api/price-lists/${pl.id}`, { priority: 3, version: 1 });
    expect(upd).toMatchObject({ version: 2, priority: 3 });
    expect((await api('PATCH', `/api/price-lists/${pl.id}`, { priority: 4, version: 1 })).statusCode).toBe(409);
    expect((await api('DELETE', `/api/price-lists/${pl.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/price-lists/${pl.id}`)).statusCode).toBe(404);
  });
});

const ROUTES: [string, string, string][] = [
  ['GET', '/api/products', 'products.view'], ['POST', '/api/products', 'products.create'], ['GET', '/api/products/export', 'products.export'],
  ['GET', '/api/products/:id', 'products.view'], ['PATCH', '/api/products/:id', 'products.edit'], ['DELETE', '/api/products/:id', 'products.delete'],
  ['GET', '/api/products/:id/variants', 'products.view'], ['POST', '/api/products/:id/variants', 'products.edit'],
  ['PATCH', '/api/products/:id/variants/:variantId', 'products.edit'], ['DELETE', '/api/products/:id/variants/:variantId', 'products.edit'],
  ['GET', '/api/products/:id/price', 'products.view'],
  ['PUT', '/api/products/:id/image', 'products.edit'], ['DELETE', '/api/products/:id/image', 'products.edit'],
  ['GET', '/api/staff/:userId/product-categories', 'staff.view'], ['PUT', '/api/staff/:userId/product-categories', 'staff.edit'],
  ...['product-units', 'product-categories', 'tax-classes', 'product-attributes'].flatMap((r): [string, string, string][] => [
    ['GET', `/api/${r}`, 'products.view'], ['POST', `/api/${r}`, 'products.create'], ['PATCH', `/api/${r}/:id`, 'products.edit'], ['DELETE', `/api/${r}/:id`, 'products.delete'],
  ]),
  ['GET', '/api/price-lists', 'priceLists.view'], ['GET', '/api/price-lists/:id', 'priceLists.view'], ['POST', '/api/price-lists', 'priceLists.create'],
  ['PATCH', '/api/price-lists/:id', 'priceLists.edit'], ['DELETE', '/api/price-lists/:id', 'priceLists.delete'],
  ['GET', '/api/price-lists/:id/items', 'priceLists.view'], ['PUT', '/api/price-lists/:id/items', 'priceLists.edit'],
  ['GET', '/api/price-lists/export', 'priceLists.export'], ['GET', '/api/price-lists/:id/items/export', 'priceLists.export'],
];
const ANY_ID = '00000000-0000-4000-8000-000000000000';

describe('permissions', () => {
  it('the list below covers every products and price-list route', () => {
    // Product imports (/api/products/imports…) belong to the import work and have their own tests.
    const mine = t.app.registeredRoutes.filter((r) => /^\/api\/(products|product-|tax-classes|price-lists|staff\/:userId\/product-categories)/.test(r.url) && !r.url.startsWith('/api/products/imports'));
    expect(mine.map((r) => `${r.method} ${r.url} ${r.permission}`).sort()).toEqual(ROUTES.map(([m, u, p]) => `${m} ${u} ${p}`).sort());
  });

  it('answers 403 on every route to a user who holds every other product permission but not that one', async () => {
    for (const [method, url, permission] of ROUTES) {
      const others = ['products.view', 'products.create', 'products.edit', 'products.delete', 'products.export', 'priceLists.view', 'priceLists.create', 'priceLists.edit', 'priceLists.delete', 'priceLists.export', 'staff.view', 'staff.edit']
        .filter((p) => p !== permission).map((p) => ({ permission: p, scope: 'all' }));
      const username = `u-${permission.replace('.', '-').toLowerCase()}`;
      const token = await tokenFor(username, others);
      const res = await t.app.inject({ method: method as 'GET', url: url.replace(/:[a-zA-Z]+/g, ANY_ID), headers: bearer(token), ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
      expect({ route: `${method} ${url}`, status: res.statusCode }).toEqual({ route: `${method} ${url}`, status: 403 });
      expect(res.json().detail).toBe('شما اجازه انجام این کار را ندارید.');
    }
  });
});

const tokens = new Map<string, string>();
async function tokenFor(username: string, grants: { permission: string; scope: string }[]) {
  if (tokens.has(username)) return tokens.get(username)!;
  const role = await ok('POST', '/api/roles', { name: `نقش ${username}` });
  await ok('PUT', `/api/roles/${role.id}/permissions`, { grants });
  await ok('POST', '/api/staff', { username, firstName: 'کاربر', lastName: username, password: 'Passw0rd-x', roleIds: [role.id] });
  const token = (await login(t.app, username, 'Passw0rd-x')).token;
  tokens.set(username, token);
  return token;
}
