import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { api, makeProduct, makeWarehouse, postDoc } from './inventory-fixture.js';

let t: TestApp;
let call: ReturnType<typeof api>;
beforeAll(async () => { t = await createTestApp(); call = api(t); });
afterAll(async () => { await t?.close(); });

describe('warehouses', () => {
  it('creates with a manager, refuses a duplicate code, edits with version, audits, deletes only unused ones', async () => {
    const created = await call('POST', '/api/warehouses', { code: '۱۰', name: 'انبار مركزي', managerId: t.adminId, address: 'تهران' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: '10', name: 'انبار مرکزی', managerId: t.adminId, managerName: 'مدیر آزمون', allowNegativeStock: false });
    const dup = await call('POST', '/api/warehouses', { code: '10', name: 'دیگر' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toEqual({ path: 'code', message: 'کد انبار برای انبار «انبار مرکزی» ثبت شده است' });
    const badManager = await call('POST', '/api/warehouses', { code: '11', name: 'بی‌مدیر', managerId: '00000000-0000-4000-8000-000000000000' });
    expect(badManager.json().errors[0]).toEqual({ path: 'managerId', message: 'مدیر انبار انتخاب‌شده پیدا نشد' });
    const id = created.json().id;
    const edited = await call('PATCH', `/api/warehouses/${id}`, { allowNegativeStock: true, version: 1 });
    expect(edited.json()).toMatchObject({ allowNegativeStock: true, version: 2 });
    expect((await call('PATCH', `/api/warehouses/${id}`, { name: 'کهنه', version: 1 })).statusCode).toBe(409);
    const history = (await call('GET', `/api/audit-log?entity=warehouse&entityId=${id}`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['update', 'create']);

    const p = await makeProduct(t);
    await postDoc(t, { kind: 'receipt', warehouseId: id, lines: [{ productId: p.productId, quantity: 1 }] });
    const inUse = await call('DELETE', `/api/warehouses/${id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().detail).toContain('حذف نمی‌شود');
    const unused = await makeWarehouse(t);
    expect((await call('DELETE', `/api/warehouses/${unused.id}`)).statusCode).toBe(204);
  });
});

describe('consistency check', () => {
  it('reports a cached balance that differs from the ledger', async () => {
    const wh = await makeWarehouse(t);
    const p = await makeProduct(t);
    await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: [{ productId: p.productId, quantity: 1 }] });
    expect((await call('GET', '/api/stock/consistency')).json()).toMatchObject({ ok: true });
    await t.app.db.execute(sql`update stock_balances set on_hand = on_hand + 1 where warehouse_id = ${wh.id}`);
    const report = (await call('GET', '/api/stock/consistency')).json();
    expect(report.ok).toBe(false);
    expect(report.differences[0]).toMatchObject({ cachedOnHand: '2', ledgerOnHand: '1', lastBalanceAfter: '1' });
    await t.app.db.execute(sql`update stock_balances set on_hand = on_hand - 1 where warehouse_id = ${wh.id}`);
    expect((await call('GET', '/api/stock/consistency')).json().ok).toBe(true);
  });
});

describe('permissions: every route refuses a user without its permission', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/warehouses'], ['GET', `/api/warehouses/${id}`], ['POST', '/api/warehouses', { code: 'x', name: 'x' }],
    ['PATCH', `/api/warehouses/${id}`, { name: 'x' }], ['DELETE', `/api/warehouses/${id}`],
    ['GET', '/api/stock-documents'], ['GET', `/api/stock-documents/${id}`], ['POST', '/api/stock-documents', {}],
    ['PATCH', `/api/stock-documents/${id}`, {}], ['DELETE', `/api/stock-documents/${id}`],
    ['POST', `/api/stock-documents/${id}/confirm`], ['POST', `/api/stock-documents/${id}/reverse`],
    ['GET', '/api/reservations'], ['POST', '/api/reservations', {}], ['DELETE', `/api/reservations/${id}`],
    ['GET', `/api/stock?productId=${id}`], ['GET', `/api/stock/card?productId=${id}`], ['GET', `/api/stock/card/export?productId=${id}`],
    ['GET', '/api/stock/consistency'],
  ];
  it('403 for each route', async () => {
    const nobody = await userWithGrants(t, 'no-stock', [{ permission: 'customers.view', scope: 'all' }]);
    const as = api(t, nobody.token);
    for (const [method, url, body] of routes) {
      const res = await as(method, url, body);
      expect([method, url, res.statusCode]).toEqual([method, url, 403]);
    }
  });

  it('a storekeeper who may create drafts may not confirm them; stock.view with scope own does not see the consistency report', async () => {
    const wh = await makeWarehouse(t);
    const p = await makeProduct(t);
    const clerk = await userWithGrants(t, 'clerk', [
      { permission: 'stockDocuments.view', scope: 'all' }, { permission: 'stockDocuments.create', scope: 'all' }, { permission: 'stock.view', scope: 'own' },
    ]);
    const as = api(t, clerk.token);
    const draft = await as('POST', '/api/stock-documents', { kind: 'receipt', docDate: '1405/01/15', warehouseId: wh.id, lines: [{ productId: p.productId, quantity: 1 }] });
    expect(draft.statusCode).toBe(201);
    expect((await as('POST', `/api/stock-documents/${draft.json().id}/confirm`)).statusCode).toBe(403);
    expect((await as('GET', '/api/stock/consistency')).statusCode).toBe(403);
    const auditor = await userWithGrants(t, 'auditor', [{ permission: 'settings.view', scope: 'all' }]);
    expect((await api(t, auditor.token)('GET', '/api/stock/consistency')).statusCode).toBe(200);
  });
});
