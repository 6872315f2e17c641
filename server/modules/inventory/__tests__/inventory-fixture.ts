// Test data for the stock ledger: products are owned by the products module, so tests insert the rows
// (unit, product, default variant) directly, and warehouses through the API.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inTenant } from '../../../platform/db/transactions.js';
import { productUnits, productVariants, products } from '../../products/index.js';
import { bearer, type TestApp } from '../../../test-support/test-app.js';

export type ProductFixture = { productId: string; variantId: string; name: string };

let counter = 0;

export async function makeProduct(
  t: TestApp,
  opts: { name?: string; kind?: 'goods' | 'service'; decimals?: number; allowNegativeStock?: boolean; secondUnit?: { name: string; decimals: number }; deleted?: boolean; active?: boolean } = {},
): Promise<ProductFixture> {
  const n = ++counter;
  const name = opts.name ?? `کالای آزمون ${n}`;
  return inTenant(t.app.db, { tenantId: t.tenantId }, async (tx) => {
    const [unit] = await tx.insert(productUnits).values({ tenantId: t.tenantId, name: `واحد ${n}-${randomUUID().slice(0, 6)}`, decimals: opts.decimals ?? 0 }).returning();
    const second = opts.secondUnit
      ? (await tx.insert(productUnits).values({ tenantId: t.tenantId, name: `${opts.secondUnit.name}-${randomUUID().slice(0, 6)}`, decimals: opts.secondUnit.decimals }).returning())[0]
      : undefined;
    const [p] = await tx.insert(products).values({
      tenantId: t.tenantId, code: `P${n}-${randomUUID().slice(0, 6)}`, name, kind: opts.kind ?? 'goods', unitId: unit!.id, secondUnitId: second?.id ?? null,
      allowNegativeStock: opts.allowNegativeStock ?? false, active: opts.active ?? true, deletedAt: opts.deleted ? new Date() : null,
    }).returning();
    const [v] = await tx.insert(productVariants).values({ tenantId: t.tenantId, productId: p!.id, code: `${p!.code}-0`, isDefault: true }).returning();
    return { productId: p!.id, variantId: v!.id, name };
  });
}

export async function makeWarehouse(t: TestApp, opts: { name?: string; allowNegativeStock?: boolean } = {}) {
  const n = ++counter;
  const res = await t.app.inject({ method: 'POST', url: '/api/warehouses', headers: bearer(t.adminToken), payload: { code: `W${n}`, name: opts.name ?? `انبار ${n}`, allowNegativeStock: opts.allowNegativeStock ?? false } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string };
}

export function api(t: TestApp, token = t.adminToken) {
  return (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: method as 'GET', url, headers: { ...bearer(token), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

/** Creates and confirms a document through the API; throws with the body on failure. */
export async function postDoc(t: TestApp, body: Record<string, unknown>) {
  const call = api(t);
  const created = await call('POST', '/api/stock-documents', { docDate: '1405/01/15', ...body });
  if (created.statusCode !== 201) throw new Error(created.body);
  const confirmed = await call('POST', `/api/stock-documents/${created.json().id}/confirm`);
  if (confirmed.statusCode !== 200) throw new Error(confirmed.body);
  return confirmed.json();
}

export async function stockOf(t: TestApp, productId: string, warehouseId?: string) {
  const res = await api(t)('GET', `/api/stock?productId=${productId}${warehouseId ? `&warehouseId=${warehouseId}` : ''}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as { items: { warehouseId: string; onHand: string; reserved: string; sellable: string; onHand2: string }[]; totals: { onHand: string; reserved: string; sellable: string; onHand2: string } };
}

export async function ledgerCount(t: TestApp) {
  const res = await t.app.db.execute(sql`select count(*)::int as n from stock_movements`);
  return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
}
