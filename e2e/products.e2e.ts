import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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

const api = (url: string) =>
  page.evaluate(async (u) => (await fetch(u)).json(), url);

const choose = async (label: RegExp, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('products in Chromium', () => {
  it('creates a product with a second unit and a variant, then finds it by a Persian search', async () => {
    await page.goto(`${stack.baseUrl}/products/new`);
    await page.getByLabel('نام کالا', { exact: false }).first().fill('فرز سنگبري كوچك');
    await choose(/^واحد اصلی/, 'عدد');
    await choose(/^واحد دوم/, 'کارتن');
    await choose(/^گروه کالا/, 'ابزار برقی');
    await page.getByLabel('قیمت پایه (ریال)').fill('۱۲۵۰۰۰۰۰');
    await page.getByLabel('بارکد', { exact: true }).fill('۶۲۶۰۰۰۰۰۹۹۹۹۱');
    await page.getByRole('button', { name: 'افزودن تنوع' }).click();
    await choose(/^رنگ ۱/, 'آبی');
    await page.getByLabel('بارکد تنوع ۱').fill('6260000099992');
    await expect.poll(() => page.getByLabel('قیمت پایه (ریال)').inputValue()).toBe('۱۲٬۵۰۰٬۰۰۰');
    await page.screenshot({ path: join(SHOTS, 'product-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const saved = await api(`/api/products/${id}`);
    expect(saved).toMatchObject({ name: 'فرز سنگبری کوچک', unitName: 'عدد', secondUnitName: 'کارتن', basePrice: '12500000', barcode: '6260000099991', categoryName: 'ابزار برقی' });
    expect(saved.variants).toHaveLength(2);
    expect(saved.variants[1]).toMatchObject({ attributes: { 'رنگ': 'آبی' }, barcode: '6260000099992' });
    await expect.poll(() => page.getByLabel('کد کالا').inputValue()).not.toBe('');
    await expect.poll(() => page.getByText('تاریخچه تغییرات', { exact: false }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'product-edit.png'), fullPage: true });

    await page.goto(`${stack.baseUrl}/products`);
    await page.getByLabel('جستجوی کالا').fill('سنگبري');
    await expect.poll(() => page.getByRole('gridcell', { name: 'فرز سنگبری کوچک' }).count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'product-search.png') });
    await page.getByLabel('جستجوی کالا').fill('');
    await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await page.screenshot({ path: join(SHOTS, 'product-list.png') });
    await page.getByLabel('جستجوی کالا').fill('دريل');
    await expect.poll(() => page.getByRole('gridcell', { name: /دریل شارژی/ }).count(), { timeout: 10_000 }).toBe(1);
  });

  it('shows the price lists and the settings pages of the catalog', async () => {
    await page.goto(`${stack.baseUrl}/price-lists`);
    await expect.poll(() => page.getByRole('heading', { name: 'لیست‌های قیمت' }).count()).toBe(1);
    await page.getByRole('button', { name: 'لیست قیمت جدید' }).click();
    await page.getByLabel('نام لیست', { exact: false }).fill('فروش اینترنتی');
    await choose(/^کانال فروش/, 'فروشگاه اینترنتی');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'فروش اینترنتی', exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'price-lists.png') });
    await page.goto(`${stack.baseUrl}/settings/product-categories`);
    await expect.poll(() => page.getByText('ابزار دستی').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'product-categories.png') });
    await page.goto(`${stack.baseUrl}/settings/tax-classes`);
    await expect.poll(() => page.getByText('مشمول مالیات بر ارزش افزوده').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'tax-classes.png') });
  });
});
