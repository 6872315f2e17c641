// The SMS journey in Chromium: configure Kavenegar (a local fake that answers as Kavenegar documents),
// send a test SMS, send one from the outbox page, see a refused number, a failure with its Persian reason,
// and retry it. Screenshots: sms-settings.png, sms-messages.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { startFakeKavenegar, type FakeKavenegar } from '../server/modules/sms/__tests__/fake-kavenegar.js';
import { ADMIN, SHOTS, startStack, type Running } from './support.js';

const API_KEY = '5E6D7C8B9A0F1E2D3C4B5A69788796A5B4C3D2E1';
let stack: Running;
let page: Page;
let fake: FakeKavenegar;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  fake = await startFakeKavenegar({ apiKey: API_KEY });
  stack = await startStack();
  page = await stack.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  await page.goto(`${stack.baseUrl}/login`);
  await page.getByLabel('نام کاربری یا شماره موبایل').fill(ADMIN.username);
  await page.getByLabel('رمز عبور', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
});
afterAll(async () => { await stack?.stop(); await fake?.close(); });

const choose = async (label: string, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect.poll(() => page.locator('.MuiPopover-root').count()).toBe(0);
};
/** Reloads the list and waits for its rows (the grid loads after the page). */
const reload = async () => { await page.reload(); await page.locator('.MuiDataGrid-row').first().waitFor(); };
const statusOf = (text: string) => page.getByRole('row').filter({ hasText: text }).locator('.MuiChip-label').first().textContent();

describe('SMS', () => {
  it('configures Kavenegar with a write-only key and sends a test SMS', async () => {
    await page.goto(`${stack.baseUrl}/settings/sms`);
    await choose('درگاه پیامک', 'کاوه‌نگار');
    await page.getByLabel('کلید API کاوه‌نگار').fill(API_KEY);
    await page.getByLabel('شماره خط ارسال').fill('۱۰۰۰۴۳۴۶');
    await page.getByLabel('نشانی سرویس (پیشرفته)').fill(fake.baseUrl);
    await page.getByLabel('مهلت پاسخ درگاه (ثانیه)').fill('2');
    await page.getByRole('button', { name: 'ذخیره' }).click();
    await page.getByText(`کلید ثبت شده است؛ چهار نویسهٔ آخر: ${API_KEY.slice(-4)}`, { exact: false }).waitFor();
    expect(await page.getByLabel('کلید API کاوه‌نگار').inputValue()).toBe(''); // never shown again
    expect(await page.content()).not.toContain(API_KEY);

    await page.getByLabel('موبایل گیرنده').fill('۰۹۱۲۱۲۳۴۵۶۷');
    await page.getByRole('button', { name: 'ارسال آزمایشی' }).click();
    await page.getByText('پیامک به درگاه تحویل شد', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'ارسال آزمایشی' }).isEnabled()).toBe(true);
    expect(fake.sends().at(-1)!.params).toMatchObject({ receptor: '09121234567', sender: '10004346' });
    await page.screenshot({ path: join(SHOTS, 'sms-settings.png'), fullPage: true });
  });

  it('sends from the outbox page, refuses a bad number in Persian, shows a failure and retries it', async () => {
    await page.goto(`${stack.baseUrl}/sms`);
    await page.getByRole('button', { name: 'پیامک تازه' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('موبایل گیرنده').fill('۰۹۱۲۱۲۳');
    await dialog.getByLabel('متن پیامک').fill('یادآوری: جلسهٔ بررسی پیش‌فاکتور فردا ساعت ۱۰');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.getByText('شماره موبایل گیرنده معتبر نیست', { exact: false }).waitFor();
    await dialog.getByLabel('موبایل گیرنده').fill('+98 935 111 2233');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(async () => { await reload(); return statusOf('یادآوری: جلسهٔ بررسی'); }, { timeout: 30_000 }).toBe('ارسال‌شده');

    // No credit at the gateway: failed at once, with the reason in Persian.
    fake.fail({ kind: 'code', status: 418 });
    await page.getByRole('button', { name: 'پیامک تازه' }).click();
    await dialog.getByLabel('موبایل گیرنده').fill('09121112233');
    await dialog.getByLabel('متن پیامک').fill('فاکتور شمارهٔ ۱۲۴ صادر شد');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await expect.poll(async () => { await reload(); return statusOf('فاکتور شمارهٔ'); }, { timeout: 30_000 }).toBe('ناموفق');
    await page.getByText('اعتبار حساب کاوه‌نگار کافی نیست', { exact: false }).first().waitFor();

    // The gateway down (HTTP 500): it waits in the queue with the next try shown.
    fake.fail({ kind: 'http500' });
    await page.getByRole('button', { name: 'پیامک تازه' }).click();
    await dialog.getByLabel('موبایل گیرنده').fill('09121114455');
    await dialog.getByLabel('متن پیامک').fill('تبریک تولد از طرف شرکت');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await expect.poll(async () => { await reload(); return page.getByText('پاسخ نامعتبر داد', { exact: false }).count(); }, { timeout: 30_000 }).toBeGreaterThan(0);

    // A delivered one, for the picture (delivery reports are polled minutes later; set here directly).
    await stack.database.db.execute(sql`update sms_messages set status = 'delivered', delivered_at = now(), delivery_status = 'رسیده به گیرنده' where "to" = '09121234567'`);

    fake.recover();
    await reload();
    await page.getByRole('row').filter({ hasText: 'فاکتور شمارهٔ' }).getByRole('button', { name: 'ارسال دوباره' }).click();
    await expect.poll(async () => { await reload(); return statusOf('فاکتور شمارهٔ'); }, { timeout: 30_000 }).toBe('ارسال‌شده');
    await expect.poll(async () => { await reload(); return statusOf('تبریک تولد'); }, { timeout: 40_000 }).toBe('ارسال‌شده');
    fake.fail({ kind: 'code', status: 418 }, 1);
    await page.getByRole('button', { name: 'پیامک تازه' }).click();
    await dialog.getByLabel('موبایل گیرنده').fill('09121116677');
    await dialog.getByLabel('متن پیامک').fill('پیگیری سفارش ۷۸');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await expect.poll(async () => { await reload(); return statusOf('پیگیری سفارش'); }, { timeout: 30_000 }).toBe('ناموفق');
    // And one waiting for a gateway that is down, for the picture.
    fake.fail({ kind: 'http500' });
    await page.getByRole('button', { name: 'پیامک تازه' }).click();
    await dialog.getByLabel('موبایل گیرنده').fill('09121118899');
    await dialog.getByLabel('متن پیامک').fill('قرارداد شما آمادهٔ امضاست');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await expect.poll(async () => { await reload(); return page.getByText('تلاش دوباره', { exact: false }).count(); }, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'sms-messages.png'), fullPage: true });
  });
});
