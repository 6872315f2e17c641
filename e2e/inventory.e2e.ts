import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { inTenant } from '../server/platform/db/transactions.js';
import { productUnits, productVariants, products } from '../server/modules/products/index.js';
import { ADMIN, SHOTS, startStack, type Running } from './support.js';

let stack: Running;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
  page = await stack.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'fa-IR' });
  await page.goto(`${stack.baseUrl}/login`);
  await page.getByLabel('نام کاربری یا شماره موبایل').fill(ADMIN.username);
  await page.getByLabel('رمز عبور', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
});
afterAll(async () => { await stack?.stop(); });

const api = (method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, ...(b ? { body: JSON.stringify(b) } : {}) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }, [method, url, body] as const);

/** A product row as the products module stores it (unit with 3 decimals, a second unit, a default variant). */
async function product(name: string, code: string) {
  const db = stack.database.db;
  const t = await db.execute(sql`select id from tenants limit 1`);
  const tenantId = (t as unknown as { rows: { id: string }[] }).rows[0]!.id;
  return inTenant(db, { tenantId }, async (tx) => {
    const [kg] = await tx.insert(productUnits).values({ tenantId, name: `کیلوگرم ${code}`, decimals: 3 }).returning();
    const [bag] = await tx.insert(productUnits).values({ tenantId, name: `کیسه ${code}`, decimals: 0 }).returning();
    const [p] = await tx.insert(products).values({ tenantId, code, name, unitId: kg!.id, secondUnitId: bag!.id, searchText: name }).returning();
    await tx.insert(productVariants).values({ tenantId, productId: p!.id, code: `${code}-0`, isDefault: true });
    return p!.id;
  });
}

describe('inventory in Chromium', () => {
  it('shows the stock document form with lines and the stock card with running balances', async () => {
    const central = (await api('POST', '/api/warehouses', { code: 'E1', name: 'انبار مرکزی تهران' })).json;
    const branch = (await api('POST', '/api/warehouses', { code: 'E2', name: 'انبار شعبه کرج' })).json;
    const rice = await product('برنج طارم هاشمی', 'E-100');
    const post = async (body: Record<string, unknown>) => {
      const d = (await api('POST', '/api/stock-documents', { docDate: '1405/01/10', ...body })).json;
      const c = await api('POST', `/api/stock-documents/${d.id}/confirm`, {});
      expect(c.status).toBe(200);
    };
    await post({ kind: 'receipt', warehouseId: central.id, lines: [{ productId: rice, quantity: '۲۵۰٫۵', quantity2: 25 }], description: 'خرید از شالیزار' });
    await post({ kind: 'issue', warehouseId: central.id, lines: [{ productId: rice, quantity: '40.25', quantity2: 4 }], description: 'فروش به فروشگاه' });
    await post({ kind: 'transfer', warehouseId: central.id, toWarehouseId: branch.id, lines: [{ productId: rice, quantity: 60 }] });
    await post({ kind: 'adjustment', warehouseId: central.id, lines: [{ productId: rice, quantity: '149' }], description: 'شمارش پایان ماه' });

    await page.goto(`${stack.baseUrl}/stock-documents/new`);
    await page.getByLabel('نوع سند').click();
    await page.getByRole('option', { name: 'انتقال بین انبار' }).click();
    await page.getByLabel('انبار مبدأ').click();
    await page.getByRole('option', { name: 'انبار مرکزی تهران' }).click();
    await page.getByLabel('انبار مقصد').click();
    await page.getByRole('option', { name: 'انبار شعبه کرج' }).click();
    await page.getByLabel('کالا').first().fill('برنج');
    await page.getByRole('option', { name: /برنج طارم هاشمی/ }).click();
    await page.getByLabel('مقدار ردیف 1').fill('۱۲٫۵');
    await page.getByRole('button', { name: 'ذخیره پیش‌نویس' }).click();
    await page.waitForURL(/\/stock-documents\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('button', { name: 'تایید سند' }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'stock-document-form.png'), fullPage: true });

    await page.goto(`${stack.baseUrl}/stock/card?productId=${rice}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, 'stock-card.png'), fullPage: true });
    await expect.poll(() => page.getByText('شمارش پایان ماه').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'stock-card.png'), fullPage: true });
    await page.goto(`${stack.baseUrl}/stock`);
    await page.getByLabel('کالا').fill('برنج');
    await page.getByRole('option', { name: /برنج طارم هاشمی/ }).click();
    await expect.poll(() => page.getByText('انبار شعبه کرج').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'stock.png'), fullPage: true });
  });
});
