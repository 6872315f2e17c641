import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatJalali } from '../common/jalali.js';
import { ADMIN, SHOTS, startStack, type Running } from './support.js';

let stack: Running;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
  page = await stack.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  await page.goto(`${stack.baseUrl}/login`);
  await page.getByLabel('نام کاربری یا شماره موبایل').fill(ADMIN.username);
  await page.getByLabel('رمز عبور', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
});
afterAll(async () => { await stack?.stop(); });

// Setup data only (warehouses, a unit); everything the issue's journey does goes through the screens.
const api = (method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, ...(b ? { body: JSON.stringify(b) } : {}) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }, [method, url, body] as const);

/** A MUI select (or autocomplete) by its label, then one of its options. */
const choose = async (label: string | RegExp, option: string | RegExp, scope: Pick<Page, 'getByRole'> = page) => {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  await expect.poll(() => page.locator('.MuiPopover-root').count()).toBe(0); // the menu has faded out
};

/** The text of each body row of a table, cell by cell. */
const tableRows = (name: string) =>
  page.getByRole('table', { name }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));

type Line = { search: string; product: RegExp; variant?: string; quantity: string; quantity2?: string };

/** Fills the stock document form, saves the draft, confirms it and returns the document id. */
async function documentThroughForm(head: { kind?: string; warehouse: string; to?: string; description: string }, line: Line, shot?: string) {
  await page.goto(`${stack.baseUrl}/stock-documents/new`);
  if (head.kind) await choose('نوع سند', head.kind);
  await choose(head.to ? 'انبار مبدأ' : 'انبار', head.warehouse);
  if (head.to) await choose('انبار مقصد', head.to);
  await page.getByLabel('توضیحات', { exact: true }).fill(head.description);
  await page.getByRole('combobox', { name: 'کالا' }).fill(line.search);
  await page.getByRole('option', { name: line.product }).click();
  if (line.variant) await choose('تنوع', line.variant);
  await page.getByLabel('مقدار ردیف ۱', { exact: true }).fill(line.quantity);
  if (line.quantity2) await page.getByLabel('مقدار واحد دوم ردیف ۱').fill(line.quantity2);
  if (shot) await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
  await page.getByRole('button', { name: 'ذخیره پیش‌نویس' }).click();
  await page.waitForURL(/\/stock-documents\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'تایید سند' }).click();
  await page.getByRole('button', { name: 'برگشت سند' }).waitFor();
  return page.url().split('/').pop()!;
}

describe('inventory in Chromium', () => {
  it('creates a product with a second unit, receives it into two warehouses, transfers, and shows the stock card', async () => {
    expect((await api('POST', '/api/warehouses', { code: 'E1', name: 'انبار مرکزی تهران' })).status).toBe(201);
    expect((await api('POST', '/api/warehouses', { code: 'E2', name: 'انبار شعبه کرج' })).status).toBe(201);
    expect((await api('POST', '/api/product-units', { name: 'کیسه', decimals: 0 })).status).toBe(201);

    await page.goto(`${stack.baseUrl}/products/new`);
    await page.getByLabel('نام کالا', { exact: false }).first().fill('برنج طارم هاشمی');
    await choose(/^واحد اصلی/, 'کیلوگرم');
    await choose(/^واحد دوم/, 'کیسه');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    const rice = page.url().split('/').pop()!;
    expect((await api('GET', `/api/products/${rice}`)).json).toMatchObject({ unitName: 'کیلوگرم', secondUnitName: 'کیسه' });

    const product = /برنج طارم هاشمی/;
    const search = 'برنج';
    await documentThroughForm({ warehouse: 'انبار مرکزی تهران', description: 'خرید از شالیزار' }, { search, product, quantity: '۲۵۰٫۵', quantity2: '۲۵' });
    await documentThroughForm({ warehouse: 'انبار شعبه کرج', description: 'خرید محلی' }, { search, product, quantity: '۴۰', quantity2: '۴' });
    const transfer = await documentThroughForm(
      { kind: 'انتقال بین انبار', warehouse: 'انبار مرکزی تهران', to: 'انبار شعبه کرج', description: 'ارسال به شعبه' },
      { search, product, quantity: '۶۰٫۲۵', quantity2: '۵' }, 'stock-document-form.png',
    );
    const saved = (await api('GET', `/api/stock-documents/${transfer}`)).json;
    expect(saved).toMatchObject({ kind: 'transfer', status: 'confirmed', warehouseName: 'انبار مرکزی تهران', toWarehouseName: 'انبار شعبه کرج' });
    expect(saved.lines[0]).toMatchObject({ quantity: '60.25', quantity2: '5' });
    await expect.poll(() => page.getByText('تاییدشده', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'stock-document-confirmed.png'), fullPage: true });

    // کاردکس: [date, document, warehouse, in, out, balance, second unit, note], in posting order.
    await page.goto(`${stack.baseUrl}/stock/card?productId=${rice}`);
    await expect.poll(async () => (await tableRows('کاردکس')).length, { timeout: 10_000 }).toBe(4);
    const card = (await tableRows('کاردکس')).map((c) => [c[2], c[3], c[4], c[5]]);
    expect(card.slice(0, 2)).toEqual([
      ['انبار مرکزی تهران', '۲۵۰٫۵', '', '۲۵۰٫۵'],
      ['انبار شعبه کرج', '۴۰', '', '۴۰'],
    ]);
    expect(card.slice(2)).toEqual(expect.arrayContaining([
      ['انبار مرکزی تهران', '', '۶۰٫۲۵', '۱۹۰٫۲۵'],
      ['انبار شعبه کرج', '۶۰٫۲۵', '', '۱۰۰٫۲۵'],
    ]));
    await page.screenshot({ path: join(SHOTS, 'stock-card.png'), fullPage: true });

    // موجودی کالا: [warehouse, variant, on hand, reserved, sellable, second unit]; the second unit is independent.
    await page.goto(`${stack.baseUrl}/stock`);
    await page.getByRole('combobox', { name: 'کالا' }).fill('برنج');
    await page.getByRole('option', { name: product }).click();
    await expect.poll(async () => (await tableRows('موجودی در انبارها')).length, { timeout: 10_000 }).toBe(3);
    expect(await tableRows('موجودی در انبارها')).toEqual(expect.arrayContaining([
      ['انبار مرکزی تهران', '—', '۱۹۰٫۲۵', '۰', '۱۹۰٫۲۵', '۲۰'],
      ['انبار شعبه کرج', '—', '۱۰۰٫۲۵', '۰', '۱۰۰٫۲۵', '۹'],
      ['جمع', '', '۲۹۰٫۵', '۰', '۲۹۰٫۵', '۲۹'],
    ]));
    await page.screenshot({ path: join(SHOTS, 'stock.png'), fullPage: true });

    await page.goto(`${stack.baseUrl}/stock-documents`);
    await expect.poll(() => page.getByRole('gridcell', { name: 'انبار مرکزی تهران ← انبار شعبه کرج' }).count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'stock-documents.png') });
  });

  it('receives a variant, refuses a reservation above sellable stock with a Persian message, reserves and releases', async () => {
    expect((await api('POST', '/api/warehouses', { code: 'E3', name: 'انبار فروش' })).status).toBe(201);
    // The demo drill has a red and a blue variant: the line asks which one.
    const receipt = await documentThroughForm({ warehouse: 'انبار فروش', description: 'رسید دریل آبی' }, { search: 'دریل', product: /دریل شارژی/, variant: '۱۰۰۲-B — آبی', quantity: '۱۰' }, 'stock-document-variant.png');
    expect((await api('GET', `/api/stock-documents/${receipt}`)).json.lines[0]).toMatchObject({ variantCode: '1002-B', attributes: { 'رنگ': 'آبی' }, quantity: '10' });
    await expect.poll(() => page.getByText('۱۰۰۲-B — آبی', { exact: false }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'stock-document-variant-confirmed.png') });

    await page.goto(`${stack.baseUrl}/reservations`);
    const dialog = page.getByRole('dialog');
    const reserve = async (quantity: string, reference: string) => {
      await page.getByRole('button', { name: 'رزرو تازه' }).click();
      await dialog.getByRole('combobox', { name: 'کالا' }).fill('دریل');
      await page.getByRole('option', { name: /دریل شارژی/ }).click();
      await choose('تنوع', '۱۰۰۲-B — آبی', dialog);
      await choose(/^انبار/, 'انبار فروش', dialog);
      await dialog.getByLabel('مقدار رزرو', { exact: false }).fill(quantity);
      await dialog.getByLabel('مرجع', { exact: false }).fill(reference);
      await dialog.getByRole('button', { name: 'ذخیره' }).click();
    };

    await reserve('۱۲', 'پیش‌فاکتور ۱۲');
    const shortage = dialog.getByText(/موجودی قابل فروش «دریل شارژی[^»]*» در انبار «انبار فروش» ۱۰ عدد است و ۱۲ عدد درخواست شده است/);
    await shortage.waitFor();
    expect(await dialog.getByRole('textbox', { name: /مقدار رزرو/ }).getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'reservation-error.png') });
    await dialog.getByLabel('مقدار رزرو', { exact: false }).fill('۴');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await reserve('۳', 'پیش‌فاکتور ۱۳');
    await dialog.waitFor({ state: 'hidden' });

    const list = (await api('GET', '/api/reservations?status=active')).json.items as { id: string; reference: string; expiresAt: string }[];
    expect(list.map((r) => r.reference).sort()).toEqual(['پیش‌فاکتور 12', 'پیش‌فاکتور 13']);
    const stock = (await api('GET', `/api/stock?productId=${(await api('GET', `/api/stock-documents/${receipt}`)).json.lines[0].productId}`)).json;
    expect(stock.totals).toMatchObject({ onHand: '10', reserved: '7', sellable: '3' });
    const expiry = formatJalali(new Date(list[0]!.expiresAt), { digits: 'fa', time: true });
    await expect.poll(() => page.getByRole('gridcell', { name: expiry }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    const first = page.getByRole('row').filter({ hasText: 'پیش‌فاکتور ۱۲' });
    await first.getByRole('button', { name: 'آزاد کردن' }).click();
    await dialog.getByRole('button', { name: 'آزاد کردن' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'پیش‌فاکتور ۱۲' }).count(), { timeout: 10_000 }).toBe(0);
    await choose('وضعیت', 'همه');
    await expect.poll(() => page.getByRole('gridcell', { name: 'آزادشده' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('gridcell', { name: 'فعال', exact: true }).count()).toBe(1);
    expect((await api('GET', `/api/stock?productId=${stock.items[0].productId}`)).json.totals).toMatchObject({ reserved: '3', sellable: '7' });
    await page.screenshot({ path: join(SHOTS, 'reservations.png') });
  });
});
