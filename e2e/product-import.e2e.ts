import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
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

const call = (method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, ...(b ? { body: JSON.stringify(b) } : {}) });
    return res.json();
  }, [method, url, body] as const);

describe('product import wizard in Chromium', () => {
  it('uploads an XLSX, maps price-list and warehouse columns, reviews, imports and shows the summary', async () => {
    const wh = await call('POST', '/api/warehouses', { code: 'IMP1', name: 'انبار ورودی' });
    expect(wh, JSON.stringify(wh)).toHaveProperty('id');
    await call('POST', '/api/price-lists', { name: 'همکاران ورودی', priority: 7 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('کالاها');
    ws.addRows([
      ['کد کالا', 'نام کالا', 'گروه کالا', 'واحد', 'قیمت پایه', 'قیمت در لیست همکاران ورودی', 'موجودی اول دوره در انبار ورودی'],
      ['E-1', 'چکش ۵۰۰ گرمی', 'ابزار / ابزار دستی', 'عدد', '۸۵۰٬۰۰۰', '800000', '۲۴'],
      ['E-2', 'شکر سفید', 'مواد غذایی', 'کیلوگرم', '650000', '', '۱۰۰٫۵'],
      ['E-3', 'اره', 'ابزار / ابزار دستی', 'بشکه', '1', '', ''],
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    await page.goto(`${stack.baseUrl}/products`);
    await page.getByRole('link', { name: 'ورود از اکسل' }).click();
    await page.waitForURL(/\/products\/import/);
    await page.screenshot({ path: join(SHOTS, 'product-import-upload.png'), fullPage: true });
    await page.getByLabel('انتخاب فایل').setInputFiles({ name: 'کالاها.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByText('۳ ردیف').waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'فیلد ستون «موجودی اول دوره در انبار ورودی»' }).textContent()).toContain('موجودی اول دوره در انبار ورودی');
    await page.screenshot({ path: join(SHOTS, 'product-import-mapping.png'), fullPage: true });
    await page.getByRole('button', { name: 'ادامه' }).click();
    await expect.poll(() => page.locator('.MuiStepLabel-label.Mui-active').textContent()).toBe('مدیریت تکرار');
    await page.screenshot({ path: join(SHOTS, 'product-import-options.png'), fullPage: true });
    await page.getByRole('button', { name: 'بررسی اطلاعات' }).click();
    await page.getByText(/واحد اصلی «بشکه» تعریف نشده است/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'product-import-review.png'), fullPage: true });
    await page.getByRole('button', { name: 'شروع ورود اطلاعات' }).click();
    await page.getByText('ورود اطلاعات به پایان رسید').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'product-import-summary.png'), fullPage: true });
    await expect.poll(() => page.locator('[data-stat="stockLines"]').getAttribute('aria-label')).toContain('۲');

    const { items } = await call('GET', '/api/products?q=E-1');
    const hammer = items.find((p: { code: string }) => p.code === 'E-1');
    expect(hammer).toMatchObject({ categoryName: 'ابزار دستی', basePrice: '850000' });
    const stock = await call('GET', `/api/stock?productId=${hammer.id}`);
    expect(stock.totals.onHand).toBe('24');

    // «Import another file» goes back to the upload, whose history lists this import with its own count.
    await page.getByRole('button', { name: 'ورود فایل دیگر' }).click();
    const history = page.getByRole('region', { name: 'ورودهای پیشین' });
    await expect.poll(() => history.getByRole('row').filter({ hasText: 'کالاها.xlsx' }).count()).toBe(1);
    const row = history.getByRole('row').filter({ hasText: 'کالاها.xlsx' });
    expect((await row.getByRole('cell').allInnerTexts()).slice(2, 7)).toEqual(['انجام شد', '۳', '۲', '۱', '۲']);
    await page.screenshot({ path: join(SHOTS, 'product-import-history.png'), fullPage: true });
  });
});
