import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, SHOTS, startStack, type Running } from './support.js';
import { WINDOWS_EXECUTABLE, pngImage } from '../server/test-support/tiny-images.js';

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
    await expect.poll(() => page.getByLabel('قیمت پایه (ریال)').inputValue(), { timeout: 10_000 }).toBe('۱۲٬۵۰۰٬۰۰۰');
    // A new product has no id yet: the chosen image waits and goes up right after the first save.
    await page.getByRole('region', { name: 'تصویر کالا' }).locator('input[type="file"]')
      .setInputFiles({ name: 'grinder.png', mimeType: 'image/png', buffer: pngImage(64, 64, (x, y) => [200 - x, 120 + y, 60 + x]) });
    await expect.poll(() => page.getByText('پس از ذخیره بارگذاری می‌شود').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'product-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const saved = await api(`/api/products/${id}`);
    expect(saved).toMatchObject({ name: 'فرز سنگبری کوچک', unitName: 'عدد', secondUnitName: 'کارتن', basePrice: '12500000', barcode: '6260000099991', categoryName: 'ابزار برقی' });
    expect(saved.variants).toHaveLength(2);
    expect(saved.variants[1]).toMatchObject({ attributes: { 'رنگ': 'آبی' }, barcode: '6260000099992' });
    await expect.poll(async () => (await api(`/api/products/${id}`)).imageUrl, { timeout: 10_000 }).toMatch(/^\/api\/files\//);
    await expect.poll(() => page.getByLabel('کد کالا').inputValue(), { timeout: 10_000 }).not.toBe('');
    await expect.poll(() => page.getByText('تاریخچه تغییرات', { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
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

  it('uploads a product image: an executable named .jpg is refused in Persian, a PNG shows as the thumbnail', async () => {
    const found = await api(`/api/products?q=${encodeURIComponent('دریل شارژی')}`);
    const drill = found.items[0];
    await page.goto(`${stack.baseUrl}/products/${drill.id}`);
    const card = page.getByRole('region', { name: 'تصویر کالا' });
    const input = card.locator('input[type="file"]');
    await input.setInputFiles({ name: 'drill.jpg', mimeType: 'image/jpeg', buffer: WINDOWS_EXECUTABLE });
    await expect.poll(() => card.getByText('برنامه اجرایی است، نه تصویر', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'product-image-refused.png'), fullPage: true });
    // A small picture: a blue-to-orange gradient with a light frame, so the thumbnail is easy to see.
    const picture = pngImage(96, 96, (x, y) => (x < 4 || y < 4 || x > 91 || y > 91 ? [240, 240, 240] : [30 + x * 2, 90 + y, 220 - x * 2]));
    await input.setInputFiles({ name: 'drill.png', mimeType: 'image/png', buffer: picture });
    const thumbnail = card.getByRole('img', { name: `تصویر کالا: ${drill.name}` });
    await expect.poll(() => thumbnail.getAttribute('src'), { timeout: 10_000 }).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(96);
    expect(await card.getByText('برنامه اجرایی است', { exact: false }).count()).toBe(0);
    const saved = await api(`/api/products/${drill.id}`);
    expect(saved.imageUrl).toBe(await thumbnail.getAttribute('src'));
    await expect.poll(() => page.getByRole('button', { name: 'حذف تصویر' }).count(), { timeout: 10_000 }).toBe(1);
    // The «uploaded» toast floats over the form: close it so the screenshot shows the page itself.
    const toast = page.getByRole('alert').filter({ hasText: 'تصویر بارگذاری شد' });
    if (await toast.count()) await toast.getByRole('button').click();
    await expect.poll(() => toast.count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'product-image.png'), fullPage: true });
  });

  it('limits a sales user to product groups on the staff form; the choice is kept after a reload', async () => {
    const staff = await api(`/api/staff?q=${encodeURIComponent('مریم حسینی')}`);
    const id = staff.items[0].id;
    await page.goto(`${stack.baseUrl}/staff/${id}`);
    const section = page.getByRole('region', { name: 'گروه‌های کالای مجاز برای فروش' });
    await expect.poll(() => section.getByText('محدودیتی نیست', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    await section.getByRole('combobox', { name: 'گروه‌های کالا' }).click();
    await page.getByRole('option', { name: 'ابزار و یراق / ابزار دستی', exact: true }).click();
    await page.keyboard.press('Escape');
    await section.getByRole('button', { name: 'ذخیره گروه‌های مجاز' }).click();
    await expect.poll(async () => (await api(`/api/staff/${id}/product-categories`)).categories.map((c: { name: string }) => c.name), { timeout: 10_000 }).toEqual(['ابزار دستی']);
    await page.reload();
    await expect.poll(() => section.getByText('ابزار و یراق / ابزار دستی', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'staff-sales-limits.png'), fullPage: true });
  });

  it('shows the price lists and the settings pages of the catalog', async () => {
    await page.goto(`${stack.baseUrl}/price-lists`);
    await expect.poll(() => page.getByRole('heading', { name: 'لیست‌های قیمت' }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'لیست قیمت جدید' }).click();
    await page.getByLabel('نام لیست', { exact: false }).fill('فروش اینترنتی');
    await choose(/^کانال فروش/, 'فروشگاه اینترنتی');
    await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'فروش اینترنتی', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'price-lists.png') });
    await page.goto(`${stack.baseUrl}/settings/product-categories`);
    await expect.poll(() => page.getByText('ابزار دستی').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'product-categories.png') });
    await page.goto(`${stack.baseUrl}/settings/tax-classes`);
    await expect.poll(() => page.getByText('مشمول مالیات بر ارزش افزوده').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'tax-classes.png') });
  });
});
