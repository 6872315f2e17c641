import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, SHOTS, startStack, type Running } from './support.js';

let stack: Running;
let admin: Page;

async function login(page: Page, username: string, password: string) {
  await page.goto(`${stack.baseUrl}/login`);
  await page.getByLabel('نام کاربری یا شماره موبایل').fill(username);
  await page.getByLabel('رمز عبور', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

// Setup data only (a customer, a colleague and their role); what the journey does goes through the screens.
const api = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, ...(b ? { body: JSON.stringify(b) } : {}) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }, [method, url, body] as const);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
  admin = await stack.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
  await login(admin, ADMIN.username, ADMIN.password);
});
afterAll(async () => { await stack?.stop(); });

const PRIVATE = 'سقف تخفیف این مشتری را فقط خودم می‌دانم: ۱۲ درصد';
const PUBLIC = 'مشتری ترجیح می‌دهد تماس‌ها بعد از ساعت ۱۰ صبح باشد';

describe('notes and the discussion wall in Chromium', () => {
  let customerId = '';

  beforeAll(async () => {
    const c = await api(admin, 'POST', '/api/customers', { kind: 'legal', companyName: 'شرکت نساجی کویر یزد', mobile: '09131234567' });
    expect(c.status).toBe(201);
    customerId = c.json.id;
    const role = await api(admin, 'POST', '/api/roles', { name: 'کارشناس یادداشت' });
    const grants = ['customers.view', 'notes.view', 'notes.create', 'posts.view', 'posts.create'].map((permission) => ({ permission, scope: 'all' }));
    expect((await api(admin, 'PUT', `/api/roles/${role.json.id}/permissions`, { grants })).status).toBeLessThan(300);
    const staff = await api(admin, 'POST', '/api/staff', { username: 'sara.m', firstName: 'سارا', lastName: 'محمدی', password: 'Sara-pass-123', roleIds: [role.json.id] });
    expect(staff.status).toBe(201);
  });

  it('writes a private and a public note, posts with an @mention and likes it', async () => {
    await admin.goto(`${stack.baseUrl}/customers/${customerId}`);
    const notes = admin.getByRole('region', { name: 'یادداشت‌ها' });
    await notes.getByLabel('متن یادداشت').fill(PRIVATE);
    await notes.getByRole('switch', { name: /خصوصی/ }).check();
    await notes.getByRole('button', { name: 'ثبت یادداشت' }).click();
    await notes.getByRole('listitem').filter({ hasText: 'سقف تخفیف این مشتری' }).waitFor();
    await notes.getByLabel('متن یادداشت').fill(PUBLIC);
    await notes.getByRole('button', { name: 'ثبت یادداشت' }).click();
    await notes.getByRole('listitem').filter({ hasText: 'مشتری ترجیح می‌دهد' }).waitFor();
    // The private one carries the lock.
    await expect.poll(() => notes.locator('li', { hasText: 'سقف تخفیف' }).getByRole('img', { name: 'خصوصی' }).count()).toBe(1);
    expect(await notes.locator('li', { hasText: 'مشتری ترجیح' }).getByRole('img', { name: 'خصوصی' }).count()).toBe(0);

    const wall = admin.getByRole('region', { name: 'دیوار گفتگو' });
    const box = wall.getByLabel('پیام', { exact: true });
    await box.click();
    await box.pressSequentially('سلام @sar');
    await admin.getByRole('option', { name: /سارا محمدی/ }).click();
    await box.pressSequentially('لطفاً پیش‌فاکتور پارچه را امروز بفرست');
    await expect.poll(() => box.inputValue()).toBe('سلام @sara.m لطفاً پیش‌فاکتور پارچه را امروز بفرست');
    await wall.getByRole('button', { name: 'ارسال' }).click();
    const thread = wall.getByRole('listitem', { name: /پیام/ }).first();
    await thread.getByText('لطفاً پیش‌فاکتور پارچه').waitFor();
    await thread.getByRole('button', { name: /پسندیدن/ }).click();
    await expect.poll(() => thread.getByRole('button', { name: /پس گرفتن پسند/ }).textContent()).toBe('۱');

    // The timeline has both kinds, newest first.
    const timeline = admin.getByRole('region', { name: 'سوابق مشتری' });
    await timeline.getByRole('button', { name: 'دیوار گفتگو' }).waitFor();
    await timeline.getByText('سقف تخفیف این مشتری').waitFor();
    // A full-page shot of a scrolled page repeats the fixed app bar mid-page; and the toasts would hide the timeline.
    await admin.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => admin.getByText('یادداشت ثبت شد').count(), { timeout: 20_000 }).toBe(0);
    await admin.screenshot({ path: join(SHOTS, 'customer-notes-wall.png'), fullPage: true });
    // In the timeline's plain text the username stays left-to-right inside the Persian line: «@» sits left of «sara.m».
    const line = timeline.getByText(/لطفاً پیش‌فاکتور پارچه/);
    const [at, s] = await line.evaluate((el) => [6, 7].map((i) => { const r = document.createRange(); r.setStart(el.firstChild!, i); r.setEnd(el.firstChild!, i + 1); return r.getBoundingClientRect().x; }));
    expect(at!).toBeLessThan(s!);
  });

  it('the mentioned colleague is notified, sees the public note and the post, never the private note', async () => {
    const sara = await stack.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'fa-IR', timezoneId: 'Asia/Tehran' });
    await login(sara, 'sara.m', 'Sara-pass-123');
    await sara.getByRole('button', { name: 'اعلان‌ها' }).click();
    const notification = sara.getByText(/در دیوار گفتگوی «مشتری: شرکت نساجی کویر یزد» از شما نام برد/);
    await notification.waitFor();
    await sara.waitForTimeout(400); // the popover's fade-in
    await sara.screenshot({ path: join(SHOTS, 'mention-notification.png') });
    await notification.click();
    await sara.waitForURL((u) => u.pathname === `/customers/${customerId}` && u.searchParams.has('post'));
    const notes = sara.getByRole('region', { name: 'یادداشت‌ها' });
    await notes.getByRole('listitem').filter({ hasText: 'مشتری ترجیح می‌دهد' }).waitFor();
    await sara.getByRole('region', { name: 'دیوار گفتگو' }).getByText('لطفاً پیش‌فاکتور پارچه').waitFor();
    await sara.getByRole('region', { name: 'سوابق مشتری' }).getByText('مشتری ترجیح می‌دهد').waitFor();
    expect(await sara.getByText('سقف تخفیف').count()).toBe(0);
    const listed = await api(sara, 'GET', `/api/notes?customerId=${customerId}`);
    expect(JSON.stringify(listed.json)).not.toContain('سقف تخفیف');
    await sara.close();
  });
});
