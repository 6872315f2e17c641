// Real concurrency on PostgreSQL: two connection pools (as two server processes would have), each
// command in its own transaction. Only collected when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { openSecondConnection } from '../../../test-support/test-database.js';
import type { Database } from '../../../platform/db/open-database.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { AppError } from '../../../platform/http/app-error.js';
import { checkTenantStock } from '../consistency.js';
import { issueStock, receiveStock, reserve } from '../index.js';
import { systemCtx } from '../reservations.service.js';
import { makeProduct, makeWarehouse } from './inventory-fixture.js';

let t: TestApp;
let second: Database;
beforeAll(async () => { t = await createTestApp(); second = await openSecondConnection(t.app.database); });
afterAll(async () => { await second?.close(); await t?.close(); });

const ctxOn = (i: number) => systemCtx(i % 2 ? second.db : t.app.db, t.tenantId, () => new Date());
type Outcome = 'ok' | 'refused' | string;
const outcome = async (p: Promise<unknown>): Promise<Outcome> => p.then(() => 'ok', (e: unknown) => {
  if (e instanceof AppError && e.code === 'insufficient_stock' && /^موجودی قابل فروش/.test(e.message)) return 'refused';
  return `unexpected: ${(e as Error).message} ${(e as { cause?: { code?: string } }).cause?.code ?? ''}`;
});

describe('concurrent stock commands on PostgreSQL', () => {
  it('50 concurrent reservations of 1 unit for the last 10: exactly 10 succeed, 40 refused, no deadlock, cache = ledger', async () => {
    const wh = await makeWarehouse(t, { name: 'انبار هم‌زمانی' });
    const p = await makeProduct(t, { name: 'آخرین ده عدد' });
    const ctx0 = ctxOn(0);
    await inTenant(ctx0.db, ctx0, (tx) => receiveStock(tx, ctx0, { warehouseId: wh.id, lines: [{ productId: p.productId, quantity: 10 }] }));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => {
      const ctx = ctxOn(i);
      return outcome(inTenant(ctx.db, ctx, (tx) => reserve(tx, ctx, { warehouseId: wh.id, productId: p.productId, quantity: 1, expiresAt: new Date(Date.now() + 3_600_000) })));
    }));
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r === 'refused')).toHaveLength(40);
    expect(results.filter((r) => r !== 'ok' && r !== 'refused')).toEqual([]);
    const check = await inTenant(t.app.db, ctx0, (tx) => checkTenantStock(tx, t.tenantId));
    expect(check).toMatchObject({ ok: true, differences: [] });
  });

  it('50 concurrent issues of 1 unit from 10: exactly 10 confirmed, balances never below zero', async () => {
    const wh = await makeWarehouse(t, { name: 'انبار حواله' });
    const p = await makeProduct(t, { name: 'کالای حواله' });
    const ctx0 = ctxOn(0);
    await inTenant(ctx0.db, ctx0, (tx) => receiveStock(tx, ctx0, { warehouseId: wh.id, lines: [{ productId: p.productId, quantity: 10 }] }));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => {
      const ctx = ctxOn(i);
      return outcome(inTenant(ctx.db, ctx, (tx) => issueStock(tx, ctx, { warehouseId: wh.id, lines: [{ productId: p.productId, quantity: 1 }] })));
    }));
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r === 'refused')).toHaveLength(40);
    expect(results.filter((r) => r !== 'ok' && r !== 'refused')).toEqual([]);
    const check = await inTenant(t.app.db, ctx0, (tx) => checkTenantStock(tx, t.tenantId));
    expect(check.ok).toBe(true);
  });

  it('documents touching the same rows in opposite orders queue instead of deadlocking', async () => {
    const a = await makeWarehouse(t, { name: 'انبار الف' });
    const b = await makeWarehouse(t, { name: 'انبار ب' });
    const x = await makeProduct(t, { name: 'کالای ایکس' });
    const y = await makeProduct(t, { name: 'کالای ایگرگ' });
    const ctx0 = ctxOn(0);
    for (const w of [a, b]) {
      await inTenant(ctx0.db, ctx0, (tx) => receiveStock(tx, ctx0, { warehouseId: w.id, lines: [{ productId: x.productId, quantity: 100 }, { productId: y.productId, quantity: 100 }] }));
    }
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => {
      const ctx = ctxOn(i);
      // Lines in opposite order and transfers in opposite directions: without a stable lock order these deadlock.
      const lines = i % 2 ? [{ productId: x.productId, quantity: 1 }, { productId: y.productId, quantity: 1 }] : [{ productId: y.productId, quantity: 1 }, { productId: x.productId, quantity: 1 }];
      const [from, to] = i % 4 < 2 ? [a, b] : [b, a];
      return outcome(inTenant(ctx.db, ctx, async (tx) => {
        const { insertDocument, confirmInTx } = await import('../stock-documents.service.js');
        const { doc } = await insertDocument(tx, ctx, { kind: 'transfer', docDate: new Date(), warehouseId: from.id, toWarehouseId: to.id, lines, sourceDocumentId: null, reference: null, description: null });
        await confirmInTx(tx, ctx, doc.id);
      }));
    }));
    expect(results).toEqual(Array(40).fill('ok'));
    const check = await inTenant(t.app.db, ctx0, (tx) => checkTenantStock(tx, t.tenantId));
    expect(check.ok).toBe(true);
  });
});
