import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { startScheduler } from '../../../platform/jobs/index.js';
import { consumeReservation, issueStock, receiveStock } from '../index.js';
import { systemCtx } from '../reservations.service.js';
import { api, ledgerCount, makeProduct, makeWarehouse, postDoc, stockOf, type ProductFixture } from './inventory-fixture.js';

let t: TestApp;
let call: ReturnType<typeof api>;
let wh: { id: string; name: string };
let phone: ProductFixture;
const inHours = (h: number) => new Date(t.clock.now.getTime() + h * 3_600_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  call = api(t);
  wh = await makeWarehouse(t, { name: 'انبار فروش' });
  phone = await makeProduct(t, { name: 'گوشی همراه' });
  await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: [{ productId: phone.productId, quantity: 10 }] });
});
afterAll(async () => { await t?.close(); });

describe('reservations', () => {
  it('a reservation lowers sellable stock; one beyond it is refused with the sellable quantity; releasing gives it back', async () => {
    const r = await call('POST', '/api/reservations', { warehouseId: wh.id, productId: phone.productId, quantity: '۴', expiresAt: inHours(2), reference: 'quote:1' });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ status: 'active', quantity: '4', productName: 'گوشی همراه', warehouseName: 'انبار فروش' });
    expect((await stockOf(t, phone.productId, wh.id)).items[0]).toMatchObject({ onHand: '10', reserved: '4', sellable: '6' });

    const tooMuch = await call('POST', '/api/reservations', { warehouseId: wh.id, productId: phone.productId, quantity: 7, expiresAt: inHours(2) });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().code).toBe('insufficient_stock');
    expect(tooMuch.json().errors[0].path).toBe('quantity');
    expect(tooMuch.json().errors[0].message).toMatch(/^موجودی قابل فروش «گوشی همراه» در انبار «انبار فروش» ۶ .+ است و ۷ .+ درخواست شده است$/);

    // An issue may not eat into reserved stock either.
    const draft = (await call('POST', '/api/stock-documents', { kind: 'issue', docDate: '1405/01/15', warehouseId: wh.id, lines: [{ productId: phone.productId, quantity: 7 }] })).json();
    const refused = await call('POST', `/api/stock-documents/${draft.id}/confirm`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('insufficient_stock');
    expect(refused.json().errors[0].message).toContain('«گوشی همراه» در انبار «انبار فروش» ۶');

    const released = await call('DELETE', `/api/reservations/${r.json().id}`);
    expect(released.json()).toMatchObject({ status: 'released' });
    expect((await stockOf(t, phone.productId, wh.id)).items[0]).toMatchObject({ reserved: '0', sellable: '10' });
    expect((await call('DELETE', `/api/reservations/${r.json().id}`)).statusCode).toBe(409);
    expect((await call('POST', `/api/stock-documents/${draft.id}/confirm`)).statusCode).toBe(200);
    await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: [{ productId: phone.productId, quantity: 7 }] });
  });

  it('refuses a deadline in the past and a zero quantity', async () => {
    const past = await call('POST', '/api/reservations', { warehouseId: wh.id, productId: phone.productId, quantity: 1, expiresAt: inHours(-1) });
    expect(past.json().errors[0]).toEqual({ path: 'expiresAt', message: 'مهلت رزرو باید در آینده باشد' });
    const zero = await call('POST', '/api/reservations', { warehouseId: wh.id, productId: phone.productId, quantity: '0', expiresAt: inHours(1) });
    expect(zero.json().errors[0]).toEqual({ path: 'quantity', message: 'مقدار رزرو باید بزرگ‌تر از صفر باشد' });
  });

  it('the scheduler expires overdue reservations at their deadline (controlled clock)', async () => {
    const scheduler = await startScheduler({ database: t.app.database, workerId: 'test', now: () => t.clock.now, autoRun: false, onError: () => undefined });
    try {
      const r = (await call('POST', '/api/reservations', { warehouseId: wh.id, productId: phone.productId, quantity: 3, expiresAt: inHours(1) })).json();
      expect((await stockOf(t, phone.productId, wh.id)).items[0]!.reserved).toBe('3');
      t.clock.advance(59 * 60_000);
      await scheduler.runDueOnce();
      expect((await call('GET', `/api/reservations?status=active`)).json().items.map((x: { id: string }) => x.id)).toContain(r.id);
      t.clock.advance(60_000);
      expect(await scheduler.runDueOnce()).toBe(1);
      const after = (await call('GET', '/api/reservations?status=expired')).json().items;
      expect(after.map((x: { id: string }) => x.id)).toEqual([r.id]);
      expect(after[0].closedAt).toBe(t.clock.now.toISOString());
      expect((await stockOf(t, phone.productId, wh.id)).items[0]!.reserved).toBe('0');
      expect((await call('GET', '/api/stock/consistency')).json().ok).toBe(true);
    } finally {
      await scheduler.stop();
    }
  });

  it('other modules reserve, consume (issue in one step) and receive through the service', async () => {
    const ctx = systemCtx(t.app.db, t.tenantId, () => t.clock.now);
    const before = (await stockOf(t, phone.productId, wh.id)).items[0]!;
    const doc = await inTenant(t.app.db, ctx, async (tx) => {
      const { reserve } = await import('../index.js');
      const r = await reserve(tx, ctx, { warehouseId: wh.id, productId: phone.productId, quantity: 2, expiresAt: new Date(t.clock.now.getTime() + 60_000), reference: 'invoice:7' });
      return consumeReservation(tx, ctx, r.id);
    });
    expect(doc).toMatchObject({ kind: 'issue', status: 'confirmed', reference: 'invoice:7' });
    const after = (await stockOf(t, phone.productId, wh.id)).items[0]!;
    expect(Number(after.onHand)).toBe(Number(before.onHand) - 2);
    expect(after.reserved).toBe(before.reserved);
    await inTenant(t.app.db, ctx, (tx) => receiveStock(tx, ctx, { warehouseId: wh.id, reference: 'purchase:1', lines: [{ productId: phone.productId, quantity: 2 }] }));
    const refused = inTenant(t.app.db, ctx, (tx) => issueStock(tx, ctx, { warehouseId: wh.id, lines: [{ productId: phone.productId, quantity: 1000 }] }));
    await expect(refused).rejects.toThrow(/موجودی قابل فروش «گوشی همراه»/);
    expect((await call('GET', '/api/stock/consistency')).json().ok).toBe(true);
  });
});

describe('last units under concurrent requests (PGlite serializes them; see concurrency.pg.int.test.ts for PostgreSQL)', () => {
  it('50 requests for the last 10 units: exactly 10 reservations, 40 Persian refusals, balance = ledger', async () => {
    const item = await makeProduct(t, { name: 'کالای کمیاب' });
    await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: [{ productId: item.productId, quantity: 10 }] });
    const results = await Promise.all(Array.from({ length: 50 }, () =>
      call('POST', '/api/reservations', { warehouseId: wh.id, productId: item.productId, quantity: 1, expiresAt: inHours(1) })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(40);
    for (const r of refused) expect(r.json().errors[0].message).toMatch(/^موجودی قابل فروش «کالای کمیاب» در انبار «انبار فروش» ۰ /);
    expect((await stockOf(t, item.productId, wh.id)).items[0]).toMatchObject({ onHand: '10', reserved: '10', sellable: '0' });
  });

  it('a burst of reservations is written in groups, yet each request gets its own answer and its own history entry', async () => {
    const item = await makeProduct(t, { name: 'کالای گروهی' });
    await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: [{ productId: item.productId, quantity: 5 }] });
    const ok = { warehouseId: wh.id, productId: item.productId, quantity: 2, expiresAt: inHours(1) };
    const burst = [
      { ...ok, reference: 'burst:1' },
      { ...ok, quantity: '۶', reference: 'burst:2' }, // more than there is, whatever the order: refused, the group goes on
      { ...ok, quantity: 0, reference: 'burst:3' },
      { ...ok, expiresAt: inHours(-1), reference: 'burst:4' },
      { ...ok, quantity: 3, reference: 'burst:5' },
    ];
    const res = await Promise.all(burst.map((b) => call('POST', '/api/reservations', b)));
    expect(res.map((r) => r.statusCode)).toEqual([201, 409, 400, 400, 201]);
    // The requests race on PostgreSQL: burst:2 meets 5 sellable units if it goes first, 3 after burst:1, 2 after
    // burst:5, none after both; the message names what was sellable at that moment.
    expect(res[1]!.json().errors[0].message).toMatch(/^موجودی قابل فروش «کالای گروهی» در انبار «انبار فروش» [۰۲۳۵] واحد .* و ۶ واحد/);
    expect(res[2]!.json().errors[0].path).toBe('quantity');
    expect(res[3]!.json().errors[0].path).toBe('expiresAt');
    expect((await stockOf(t, item.productId, wh.id)).items[0]).toMatchObject({ onHand: '5', reserved: '5', sellable: '0' });
    // One history entry per reservation, each with the id of its own request.
    const ids = [res[0]!.json().id, res[4]!.json().id];
    const audit = await inTenant(t.app.db, { tenantId: t.tenantId }, (tx) =>
      tx.execute(sql`select entity_id, request_id from audit_log where entity = 'stockReservation' and entity_id in (${ids[0]}, ${ids[1]})`));
    const rows = (audit as unknown as { rows: { entity_id: string; request_id: string }[] }).rows;
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(2);
    // An expiry job per reservation, as for a single one.
    const jobs = await inTenant(t.app.db, { tenantId: t.tenantId }, (tx) =>
      tx.execute(sql`select count(*)::int as n from jobs where dedupe_key in (${`inventory.reservations.expire:${ids[0]}`}, ${`inventory.reservations.expire:${ids[1]}`})`));
    expect((jobs as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
  });

  it('a burst with an unknown warehouse falls back to one transaction per request: the others still succeed', async () => {
    const item = await makeProduct(t, { name: 'کالای پشتیبان' });
    await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: [{ productId: item.productId, quantity: 3 }] });
    const ok = { warehouseId: wh.id, productId: item.productId, quantity: 1, expiresAt: inHours(1) };
    const res = await Promise.all([ok, { ...ok, warehouseId: '00000000-0000-4000-8000-000000000000' }, ok].map((b) => call('POST', '/api/reservations', b)));
    expect(res.map((r) => r.statusCode)).toEqual([201, 400, 201]);
    expect(res[1]!.json().errors[0]).toMatchObject({ path: 'warehouseId', message: 'انبار پیدا نشد' });
    expect((await stockOf(t, item.productId, wh.id)).items[0]).toMatchObject({ reserved: '2', sellable: '1' });
  });

  it('50 concurrent issue slips of 1 unit from 10: exactly 10 confirm', async () => {
    const item = await makeProduct(t, { name: 'کالای پرفروش' });
    await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: [{ productId: item.productId, quantity: 10 }] });
    const ledger = await ledgerCount(t);
    const drafts = await Promise.all(Array.from({ length: 50 }, async () =>
      (await call('POST', '/api/stock-documents', { kind: 'issue', docDate: '1405/01/15', warehouseId: wh.id, lines: [{ productId: item.productId, quantity: 1 }] })).json().id as string));
    const results = await Promise.all(drafts.map((id) => call('POST', `/api/stock-documents/${id}/confirm`)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode === 409 && r.json().code === 'insufficient_stock')).toHaveLength(40);
    expect(await ledgerCount(t)).toBe(ledger + 10);
    expect((await stockOf(t, item.productId, wh.id)).items[0]!.onHand).toBe('0');
    const r = await t.app.db.execute(sql`select count(*)::int as n from stock_movements where balance_after < 0`);
    expect((r as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    expect((await call('GET', '/api/stock/consistency')).json().ok).toBe(true);
  });
});
