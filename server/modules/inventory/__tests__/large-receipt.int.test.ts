// Documents of many lines lock many balance rows at once. On the embedded PGlite a row-value IN list of a
// few hundred pairs came back short (the confirm failed with "balance … was not locked"); these run on
// both engines.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../../platform/db/transactions.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { receiveStock } from '../index.js';
import { systemCtx } from '../reservations.service.js';
import { api, makeProduct, makeWarehouse, postDoc, stockOf } from './inventory-fixture.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

/** `n` goods with their default variants, in three statements (the fixture's one-by-one way is slow for thousands). */
async function manyProducts(n: number, prefix: string): Promise<string[]> {
  const { productId } = await makeProduct(t, { name: `${prefix}-unit` });
  return inTenant(t.app.db, { tenantId: t.tenantId }, async (tx) => {
    const res = await tx.execute(sql`
      with p as (
        insert into products (tenant_id, code, name, kind, unit_id)
        select tenant_id, ${prefix} || '-' || g, 'کالای ' || ${prefix} || ' ' || g, 'goods', unit_id
          from products, generate_series(1, ${n}) g where id = ${productId}
        returning id, tenant_id, code)
      insert into product_variants (tenant_id, product_id, code, is_default)
      select tenant_id, id, code || '-0', true from p returning product_id`);
    return (res as unknown as { rows: { product_id: string }[] }).rows.map((r) => r.product_id);
  });
}

describe('documents with many lines', () => {
  it('a receipt of 500 lines (the most a document takes through the API) is confirmed, every line on hand', async () => {
    const wh = await makeWarehouse(t);
    const ids = await manyProducts(500, 'api');
    const receipt = await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: ids.map((productId, i) => ({ productId, quantity: String(i + 1) })) });
    expect(receipt).toMatchObject({ status: 'confirmed' });
    expect((await stockOf(t, ids[0]!, wh.id)).totals.onHand).toBe('1');
    expect((await stockOf(t, ids[499]!, wh.id)).totals.onHand).toBe('500');
  });

  it('the stock of a warehouse comes a page at a time, with totals over all its rows on every page', async () => {
    const wh = await makeWarehouse(t);
    const ids = await manyProducts(450, 'page');
    await postDoc(t, { kind: 'receipt', warehouseId: wh.id, lines: ids.map((productId, i) => ({ productId, quantity: String(i + 1) })) });
    const seen = new Set<string>();
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const res = await api(t)('GET', `/api/stock?warehouseId=${wh.id}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { variantId: string }[]; totals: { onHand: string }; nextCursor: string | null };
      expect(body.totals.onHand).toBe(String((450 * 451) / 2));
      for (const r of body.items) seen.add(r.variantId);
      sizes.push(body.items.length);
      cursor = body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([200, 200, 50]);
    expect(seen.size).toBe(450);

    const bad = await api(t)('GET', `/api/stock?warehouseId=${wh.id}&cursor=not-a-cursor`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'cursor', message: 'نشانگر صفحه معتبر نیست' }]);
  });

  it('a receipt of 2,000 lines from another module (opening stock of a product import) is confirmed', async () => {
    const wh = await makeWarehouse(t);
    const ids = await manyProducts(2000, 'svc');
    const ctx = systemCtx(t.app.db, t.tenantId, () => t.clock.now);
    const doc = await inTenant(t.app.db, ctx, (tx) => receiveStock(tx, ctx, { warehouseId: wh.id, reference: 'test:2000', lines: ids.map((productId) => ({ productId, quantity: 3 })) }));
    expect(doc).toMatchObject({ kind: 'receipt', status: 'confirmed' });
    const [sum] = (await t.app.db.execute(sql`select count(*)::int as n, sum(on_hand)::int as total from stock_balances where warehouse_id = ${wh.id}`) as unknown as { rows: { n: number; total: number }[] }).rows;
    expect(sum).toEqual({ n: 2000, total: 6000 });
  });
});
