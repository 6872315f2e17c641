import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ADMIN, SHOTS, startStack, type Running } from './support.js';

let stack: Running;
let page: Page;
const tmp = mkdtempSync(join(tmpdir(), 'crm-e2e-files-'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
  page = await stack.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'fa-IR' });
  await page.goto(`${stack.baseUrl}/login`);
  await page.getByLabel('نام کاربری یا شماره موبایل').fill(ADMIN.username);
  await page.getByLabel('رمز عبور', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
});
afterAll(async () => { await stack?.stop(); });

/** Calls the API from inside the page, with its session cookie and CSRF header, as the app does. */
const api = (method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, ...(b ? { body: JSON.stringify(b) } : {}) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }, [method, url, body] as const);

describe('customers in Chromium', () => {
  it('creates a legal customer with a contact typed in Persian digits and Arabic letters', async () => {
    await page.goto(`${stack.baseUrl}/customers/new`);
    await page.getByRole('radio', { name: 'حقوقی' }).check();
    await page.getByLabel('نام سازمان', { exact: true }).fill('شركت پارس ابزار');
    await page.getByLabel('شناسه ملی', { exact: true }).fill('۱۰۸۴۰۰۹۶۴۹۸');
    await page.getByLabel('کد اقتصادی', { exact: true }).fill('۱۰۸۴۰۰۹۶۴۹۸');
    await page.getByRole('button', { name: 'افزودن مخاطب' }).click();
    await page.getByLabel('نام خانوادگی مخاطب ۱', { exact: true }).fill('رضايي');
    await page.getByLabel('موبایل مخاطب ۱', { exact: true }).fill('۰۹۱۲۳۳۳۴۴۵۵');
    await page.screenshot({ path: join(SHOTS, 'customer-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('شرکت پارس ابزار').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'customer-360.png'), fullPage: true });
    const id = page.url().split('/').pop()!;
    const saved = (await api('GET', `/api/customers/${id}`)).json;
    expect(saved).toMatchObject({ kind: 'legal', companyName: 'شرکت پارس ابزار', legalId: '10840096498' });
    expect(saved.contacts[0]).toMatchObject({ lastName: 'رضایی', mobile: '09123334455' });
  });

  it('imports an XLSX with duplicates using merge, then finds the customer with Arabic ي and exports the view', async () => {
    const existing = (await api('POST', '/api/customers', { kind: 'natural', firstName: 'علی', lastName: 'یگانه', nationalId: '2540201288' })).json;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('مشتریان');
    ws.addRow(['نام', 'نام خانوادگی', 'کد ملی', 'موبایل', 'ایمیل']);
    ws.addRow(['علی', 'یگانه', '2540201288', '', 'ali@example.com']); // same person: merge adds the email
    ws.addRow(['سمیرا', 'تهرانی', '0684159414', '09125556677', '']);
    ws.addRow(['سمیرا', 'تهرانی', '0684159414', '09125556677', '']); // repeated in the file: rejected
    const file = join(tmp, 'customers.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto(`${stack.baseUrl}/customers/import`);
    await page.getByLabel('انتخاب فایل').setInputFiles(file);
    await page.getByRole('combobox', { name: 'فیلد ستون «کد ملی»' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'import-mapping.png'), fullPage: true });
    await page.getByRole('button', { name: 'ادامه' }).click();
    await page.getByRole('radio', { name: 'ادغام', exact: true }).check();
    await page.getByRole('checkbox', { name: 'کد ملی', exact: true }).check();
    await expect.poll(() => page.locator('.MuiStepLabel-label.Mui-active').textContent()).toBe('مدیریت تکرار');
    await page.screenshot({ path: join(SHOTS, 'import-options.png'), fullPage: true });
    await page.getByRole('button', { name: 'بررسی اطلاعات' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'شروع ورود اطلاعات' }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'import-review.png'), fullPage: true });
    await page.getByRole('button', { name: 'شروع ورود اطلاعات' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'دریافت فایل ردیف‌های ردشده' }).count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'import-summary.png'), fullPage: true });
    await page.getByRole('button', { name: 'ورود فایل دیگر' }).click();
    const history = page.getByRole('region', { name: 'ورودهای پیشین' });
    await expect.poll(() => history.getByRole('row').filter({ hasText: 'customers.xlsx' }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'import-upload-history.png'), fullPage: true });
    expect((await api('GET', `/api/customers/${existing.id}`)).json.email).toBe('ali@example.com');
    expect((await api('GET', `/api/customers?q=${encodeURIComponent('تهرانی')}&total=true`)).json.total).toBe(1);

    await page.goto(`${stack.baseUrl}/customers`);
    await page.getByLabel('جستجوی مشتری').fill('علي يگانه');
    await expect.poll(() => page.getByText('علی یگانه').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'customer-list.png') });
    await page.getByRole('button', { name: 'خروجی' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'همین نما (XLSX)' }).click()]);
    const out = join(tmp, 'export.xlsx');
    await download.saveAs(out);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    const sheet = read.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const cells = sheet.getRows(2, sheet.rowCount - 1)!.flatMap((r) => (r.values as unknown[]).map(String));
    expect(cells).toContain('علی یگانه');
    expect(cells).not.toContain('سمیرا تهرانی');
  });
});
