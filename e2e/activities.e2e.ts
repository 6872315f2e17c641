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

// Setup data only (a customer, activities, follow-ups); what the journey does goes through the screens.
const api = (method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, ...(b ? { body: JSON.stringify(b) } : {}) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }, [method, url, body] as const);

const HOUR = 3_600_000;
/** An instant relative to now, whole minutes, as the API takes it. */
const inHours = (h: number) => new Date(Math.floor((Date.now() + h * HOUR) / 60_000) * 60_000).toISOString();

describe('activities in Chromium', () => {
  let customerId = '';
  let types: Record<string, string> = {};
  let first = '';
  let second = '';

  beforeAll(async () => {
    types = Object.fromEntries(((await api('GET', '/api/activity-types')).json.items as { name: string; id: string }[]).map((x) => [x.name, x.id]));
    const c = await api('POST', '/api/customers', { kind: 'legal', companyName: 'شرکت صنایع غذایی مهرگان', mobile: '09351234567', contacts: [{ firstName: 'نرگس', lastName: 'کاظمی', position: 'مدیر خرید' }] });
    expect(c.status).toBe(201);
    customerId = c.json.id;
    const add = async (body: Record<string, unknown>) => {
      const res = await api('POST', '/api/activities', { customerId, ...body });
      expect(res.status).toBe(201);
      return res.json.id as string;
    };
    first = await add({ typeId: types['تماس'], subject: 'پیگیری پیش‌فاکتور روغن', startsAt: inHours(-26), isFollowUp: true, direction: 'out' });
    second = await add({ typeId: types['تماس'], subject: 'پیگیری نمونه محصول', startsAt: inHours(-2), isFollowUp: true });
    await add({ typeId: types['تماس'], subject: 'تماس معرفی محصولات جدید', startsAt: inHours(-72), status: 'done', direction: 'in', durationMinutes: 12, description: 'مشتری کاتالوگ خواست' });
    await add({ typeId: types['جلسه'], subject: 'جلسه مذاکره قرارداد سالانه', startsAt: inHours(30), durationMinutes: 90, location: 'دفتر مشتری، اصفهان' });
    await add({ typeId: types['ایمیل'], subject: 'ارسال کاتالوگ', startsAt: inHours(-48), status: 'done' });
    await add({ typeId: types['بازدید'], subject: 'بازدید از انبار مشتری', startsAt: inHours(50), location: 'شهرک صنعتی' });
    await add({ typeId: types['وظیفه'], subject: 'آماده‌کردن پیشنهاد قیمت', startsAt: inHours(3) });
  });

  it('logs a call from the follow-up cartable, and postpones another', async () => {
    await page.goto(`${stack.baseUrl}/follow-ups`);
    const table = page.getByRole('table', { name: 'پیگیری‌های من' });
    await table.getByText('پیگیری پیش‌فاکتور روغن').waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => table.getByText('عقب‌افتاده').count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'follow-up-cartable.png'), fullPage: true });

    const row = (subject: string) => table.locator('tbody tr', { hasText: subject });
    await row('پیگیری پیش‌فاکتور روغن').getByRole('button', { name: 'ثبت تماس' }).click();
    const dialog = page.getByRole('dialog', { name: 'ثبت نتیجه تماس' });
    await dialog.getByLabel('نتیجه تماس').fill('قرار شد سفارش را تا آخر هفته بفرستند');
    await dialog.getByLabel('مدت تماس (دقیقه)').fill('۴');
    await dialog.getByRole('radio', { name: 'بستن پیگیری' }).check();
    await dialog.getByRole('combobox', { name: 'نتیجه پیگیری' }).click();
    await page.getByRole('option', { name: 'موفق', exact: true }).click();
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row('پیگیری پیش‌فاکتور روغن').count()).toBe(0);

    await row('پیگیری نمونه محصول').getByRole('button', { name: 'تعویق' }).click();
    const postpone = page.getByRole('dialog', { name: 'تعویق پیگیری' });
    await postpone.getByLabel('علت تعویق').fill('مشتری در جلسه بود');
    await postpone.getByRole('button', { name: 'ذخیره' }).click();
    await postpone.waitFor({ state: 'hidden' });
    await expect.poll(() => table.locator('tbody tr', { hasText: 'پیگیری' }).count()).toBe(0);

    const closed = (await api('GET', `/api/activities/${first}`)).json;
    expect(closed).toMatchObject({ status: 'done', outcome: 'successful' });
    const logged = (await api('GET', `/api/activities?customerId=${customerId}&followUp=false&kind=call&status=done`)).json.items;
    expect(logged.find((a: { parentId: string }) => a.parentId === first)).toMatchObject({ description: 'قرار شد سفارش را تا آخر هفته بفرستند', durationMinutes: 4 });
    const postponed = (await api('GET', `/api/activities/${second}`)).json;
    expect(postponed).toMatchObject({ status: 'open', postponeCount: 1 });
    // The dialog proposes tomorrow at 10:00 (Tehran, as the page's clock).
    expect(formatJalali(new Date(postponed.startsAt), { digits: 'latin', time: true })).toBe(`${formatJalali(new Date(Date.now() + 24 * HOUR), { digits: 'latin' })} 10:00`);
    await page.getByRole('tab', { name: /آینده/ }).click();
    await table.getByText('پیگیری نمونه محصول').waitFor();
  });

  it('shows the month in Jalali and moves an activity by dragging it to another day', async () => {
    await page.goto(`${stack.baseUrl}/activities/calendar`);
    const task = page.getByRole('button', { name: /آماده‌کردن پیشنهاد قیمت/ });
    await task.waitFor();
    await page.screenshot({ path: join(SHOTS, 'calendar.png'), fullPage: true });
    const before = (await api('GET', '/api/activities?q=' + encodeURIComponent('آماده‌کردن پیشنهاد قیمت'))).json.items[0];
    const cells = page.getByRole('gridcell');
    const source = task.locator('xpath=ancestor::*[@role="gridcell"][1]');
    const index = await source.evaluate((el) => [...el.parentElement!.children].filter((c) => c.getAttribute('role') === 'gridcell').indexOf(el));
    const target = cells.nth(index >= 3 ? index - 3 : index + 3);
    await task.dragTo(target);
    await page.getByRole('button', { name: 'هفته' }).click();
    await page.getByRole('grid', { name: 'تقویم ساعتی' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'calendar-week.png'), fullPage: true });
    await expect.poll(async () => (await api('GET', `/api/activities/${before.id}`)).json.startsAt).not.toBe(before.startsAt);
    const after = (await api('GET', `/api/activities/${before.id}`)).json;
    // Same time of day, three days apart.
    expect(Math.abs(new Date(after.startsAt).getTime() - new Date(before.startsAt).getTime()) % (24 * HOUR)).toBeLessThan(2 * HOUR);
  });

  it("shows the activities on the customer's 360° timeline, newest first, filterable by type", async () => {
    await page.goto(`${stack.baseUrl}/customers/${customerId}`);
    const timeline = page.getByRole('region', { name: 'سوابق مشتری' });
    await timeline.getByText('جلسه: جلسه مذاکره قرارداد سالانه').waitFor();
    await page.screenshot({ path: join(SHOTS, 'customer-timeline.png'), fullPage: true });
    await timeline.getByRole('button', { name: 'تماس‌ها' }).click();
    await expect.poll(() => timeline.getByText('جلسه: جلسه مذاکره قرارداد سالانه').count()).toBe(0);
    await timeline.getByText('تماس: تماس معرفی محصولات جدید').waitFor();
  });

  it('records a meeting from "my activities" with the form dialog, and lists activity types in Settings', async () => {
    await page.goto(`${stack.baseUrl}/my-activities`);
    await page.getByRole('table', { name: 'فعالیت‌های امروز' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'my-activities.png'), fullPage: true });
    await page.getByRole('button', { name: 'ثبت فعالیت' }).click();
    const dialog = page.getByRole('dialog', { name: 'ثبت فعالیت' });
    await dialog.getByRole('combobox', { name: 'نوع فعالیت' }).click();
    await page.getByRole('option', { name: 'جلسه' }).click();
    await dialog.getByLabel('موضوع').fill('جلسه هماهنگی تیم فروش');
    await dialog.getByLabel('محل جلسه').fill('اتاق جلسات طبقه دوم');
    await page.waitForTimeout(400); // the field labels finish their float animation
    await page.screenshot({ path: join(SHOTS, 'activity-form.png') });
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: /آینده|امروز/ }).first().waitFor();
    const found = (await api('GET', '/api/activities?q=' + encodeURIComponent('جلسه هماهنگی تیم فروش'))).json.items;
    expect(found[0]).toMatchObject({ kind: 'meeting', location: 'اتاق جلسات طبقه دوم', status: 'open' });

    await page.goto(`${stack.baseUrl}/settings/activity-types`);
    await page.getByRole('table', { name: 'انواع فعالیت' }).getByText('بازدید (پایه)').waitFor();
    await page.screenshot({ path: join(SHOTS, 'activity-types.png'), fullPage: true });
  });
});
