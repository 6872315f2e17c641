// Reminders and announcements in Chromium: set a reminder for the next minute through the «یادآور تازه»
// dialog and see its pop-up arrive live when the scheduler delivers it; send an announcement to a role,
// see it pop up for a member in another browser, and the sender's read status change; the sender corrects it
// (it pops up again) and exports the sent list and the reminders.
// Screenshots: reminder-popup.png, announcements.png, announcement-edit.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { formatJalali } from '../common/jalali.js';
import { ADMIN, SHOTS, startStack, type Running } from './support.js';

let stack: Running;
let page: Page;
let saraContext: BrowserContext;
let sara: Page;

async function loginAs(p: Page, username: string, password: string) {
  await p.goto(`${stack.baseUrl}/login`);
  await p.getByLabel('نام کاربری یا شماره موبایل').fill(username);
  await p.getByLabel('رمز عبور', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'ورود', exact: true }).click();
  await p.waitForURL((u) => !u.pathname.startsWith('/login'));
}

// Setup data only (a colleague in the sales role); what the journey does goes through the screens.
const api = (method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, ...(b ? { body: JSON.stringify(b) } : {}) });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }, [method, url, body] as const);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
  const options = { viewport: { width: 1366, height: 900 }, locale: 'fa-IR', timezoneId: 'Asia/Tehran' };
  page = await stack.browser.newPage(options);
  await loginAs(page, ADMIN.username, ADMIN.password);
  const roles = (await api('GET', '/api/roles')).json.items as { id: string; name: string }[];
  const seller = roles.find((r) => r.name === 'کارشناس فروش')!.id;
  const created = await api('POST', '/api/staff', { username: 'sara', firstName: 'سارا', lastName: 'رضایی', password: 'Sara-pass-123', roleIds: [seller] });
  expect(created.status).toBe(201);
  saraContext = await stack.browser.newContext(options);
  sara = await saraContext.newPage();
  await loginAs(sara, 'sara', 'Sara-pass-123');
});
afterAll(async () => { await saraContext?.close(); await stack?.stop(); });

/** Types a Jalali date and time into the picker field, section by section (each section is a spinbutton). */
async function typeDateTime(p: Page, label: string, at: Date) {
  const group = p.getByRole('group', { name: label });
  const [date, time] = formatJalali(at, { digits: 'latin', time: true }).split(' ') as [string, string];
  const [year, month, day] = date.split('/') as [string, string, string];
  const [hour, minute] = time.split(':') as [string, string];
  for (const [section, value] of [['سال', year], ['ماه', month], ['روز', day], ['ساعت‌ها', hour], ['دقیقه‌ها', minute]] as const) {
    await group.getByRole('spinbutton', { name: section }).click();
    await p.keyboard.press('Backspace');
    await p.keyboard.type(value, { delay: 20 });
  }
}

describe('reminders and announcements in Chromium', () => {
  it('sets a reminder for the next minute and sees its pop-up arrive at that time', async () => {
    // The next whole minute, with at least 20 seconds to save it.
    const due = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    await page.goto(`${stack.baseUrl}/reminders`);
    await page.getByRole('button', { name: 'یادآور تازه' }).click();
    const dialog = page.getByRole('dialog', { name: 'یادآور تازه' });
    await dialog.getByLabel('متن یادآور').fill('تماس با آقای کریمی دربارهٔ سفارش ۱۲۰ کارتن');
    await typeDateTime(page, 'زمان یادآور', due);
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const upcoming = page.getByRole('table', { name: 'یادآورهای پیش رو' });
    await upcoming.getByText('تماس با آقای کریمی', { exact: false }).waitFor();
    const saved = (await api('GET', '/api/reminders')).json.items[0];
    expect(saved).toMatchObject({ dueAt: due.toISOString(), status: 'pending', text: 'تماس با آقای کریمی دربارهٔ سفارش 120 کارتن' });

    // Nothing before its time; then the scheduler delivers it and the pop-up comes without a reload.
    const popup = page.getByRole('dialog', { name: 'یادآور' });
    expect(await popup.count()).toBe(0);
    await popup.waitFor({ timeout: due.getTime() - Date.now() + 20_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());
    await popup.getByText('تماس با آقای کریمی دربارهٔ سفارش ۱۲۰ کارتن').waitFor();
    await page.waitForTimeout(300); // the dialog's fade-in
    await page.screenshot({ path: join(SHOTS, 'reminder-popup.png') });
    await popup.getByRole('button', { name: 'دیدم' }).click();
    await popup.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'بایگانی' }).click();
    await page.getByRole('table', { name: 'بایگانی یادآورها' }).getByText('تماس با آقای کریمی', { exact: false }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'reminders-archive.png') });
    expect((await api('GET', `/api/reminders/${saved.id}`)).json.status).toBe('delivered');
  }, 180_000);

  it("sets a reminder from a customer's page; it is about that customer and shows on its timeline", async () => {
    const c = await api('POST', '/api/customers', { kind: 'legal', companyName: 'شرکت پخش البرز', mobile: '09351112233' });
    expect(c.status).toBe(201);
    await page.goto(`${stack.baseUrl}/customers/${c.json.id}`);
    await page.getByRole('button', { name: 'یادآور تازه' }).click();
    const dialog = page.getByRole('dialog', { name: 'یادآور تازه' });
    expect(await dialog.getByLabel('درباره').inputValue()).toBe('مشتری: شرکت پخش البرز');
    await dialog.getByLabel('متن یادآور').fill('ارسال پیش‌فاکتور تمدید قرارداد');
    await dialog.getByRole('checkbox', { name: /پیامک هم/ }).check();
    await dialog.getByText('شماره موبایل ثبت نشده است', { exact: false }).waitFor(); // the admin has no mobile
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'reminder-form.png') });
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const timeline = page.getByRole('region', { name: 'سوابق مشتری' });
    await timeline.getByText('یادآور: ارسال پیش‌فاکتور تمدید قرارداد').waitFor();
    const saved = (await api('GET', `/api/reminders?customerId=${c.json.id}`)).json.items[0];
    expect(saved).toMatchObject({ linkType: 'customer', linkId: c.json.id, viaSms: true, status: 'pending' });
  });

  it('sends an announcement to a role; it pops up for a member, and the sender sees who read it', async () => {
    await sara.goto(`${stack.baseUrl}/`);
    await page.goto(`${stack.baseUrl}/announcements`);
    await page.getByRole('button', { name: 'اطلاعیه تازه' }).click();
    const compose = page.getByRole('dialog', { name: 'اطلاعیه تازه' });
    await compose.getByLabel('عنوان').fill('جلسه فروش ماهانه');
    await compose.getByLabel('متن اطلاعیه').fill('جلسه فروش ماهانه پنجشنبه ساعت ۱۰ در سالن اجتماعات برگزار می‌شود.');
    await compose.getByRole('radio', { name: 'یک نقش' }).check();
    await compose.getByRole('combobox', { name: 'نقش' }).click();
    await page.getByRole('option', { name: 'کارشناس فروش', exact: true }).click();
    await compose.getByRole('button', { name: 'ذخیره' }).click();
    await compose.waitFor({ state: 'hidden' });
    // The demo company has other people in the sales role too; each one is a row.
    const reads = page.getByRole('dialog', { name: /وضعیت خواندن/ });
    await reads.getByText(/^۰ نفر از .+ نفر خوانده‌اند$/).waitFor();
    const saraRow = reads.getByRole('row', { name: /سارا رضایی/ });
    await saraRow.getByText('نخوانده').waitFor();

    // Sara, on another page, gets it live and reads it.
    const popup = sara.getByRole('dialog', { name: 'جلسه فروش ماهانه' });
    await popup.getByText('پنجشنبه ساعت ۱۰', { exact: false }).waitFor();
    await sara.waitForTimeout(300);
    await sara.screenshot({ path: join(SHOTS, 'announcement-popup.png') });
    await popup.getByRole('button', { name: 'خواندم' }).click();
    await popup.waitFor({ state: 'hidden' });

    // The sender's table refreshes by itself.
    await reads.getByText(/^۱ نفر از .+ نفر خوانده‌اند$/).waitFor({ timeout: 20_000 });
    await saraRow.getByText('خوانده', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'announcements.png') });
    const sent = (await api('GET', '/api/announcements/sent')).json.items[0];
    expect(sent).toMatchObject({ title: 'جلسه فروش ماهانه', readCount: 1 });
    expect(sent.recipientCount).toBeGreaterThan(1);
    await reads.getByRole('button', { name: 'بستن' }).click();

    // Sara's inbox keeps it, read.
    await sara.goto(`${stack.baseUrl}/announcements`);
    await sara.getByRole('table', { name: 'اطلاعیه‌های دریافتی' }).getByText('خوانده‌شده').waitFor();
  }, 120_000);

  it('the sender corrects the announcement: it pops up again for Sara with the new text; the sent list and the reminders export', async () => {
    await sara.goto(`${stack.baseUrl}/`);
    await page.goto(`${stack.baseUrl}/announcements`);
    await page.getByRole('tab', { name: 'ارسال‌شده' }).click();
    const table = page.getByRole('table', { name: 'اطلاعیه‌های ارسال‌شده' });
    await table.getByRole('button', { name: 'ویرایش جلسه فروش ماهانه' }).click();
    const edit = page.getByRole('dialog', { name: 'ویرایش اطلاعیه' });
    expect(await edit.getByLabel('عنوان').inputValue()).toBe('جلسه فروش ماهانه');
    await edit.getByLabel('متن اطلاعیه').fill('جلسه فروش ماهانه پنجشنبه ساعت ۱۱ در سالن اجتماعات برگزار می‌شود.');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'announcement-edit.png') });
    await edit.getByRole('button', { name: 'ذخیره' }).click();
    await edit.waitFor({ state: 'hidden' });
    await table.getByRole('row', { name: /جلسه فروش ماهانه/ }).getByText(/^۰ از .+ نفر$/).waitFor();

    // The text changed, so Sara's earlier "read" no longer counts: it comes back with the new text.
    const popup = sara.getByRole('dialog', { name: 'جلسه فروش ماهانه' });
    await popup.getByText('پنجشنبه ساعت ۱۱', { exact: false }).waitFor({ timeout: 20_000 });
    await popup.getByRole('button', { name: 'خواندم' }).click();
    await popup.waitFor({ state: 'hidden' });

    const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
    await page.getByRole('button', { name: 'خروجی' }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'خروجی اکسل (XLSX)' }).click()]);
    await xlsx.saveAs(join(dir, 'sent.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'sent.xlsx'));
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = Object.fromEntries(header.map((h, i) => [String(h), sheet.getRow(2).getCell(i + 1).value]));
    expect(row).toMatchObject({ 'عنوان': 'جلسه فروش ماهانه', 'متن': 'جلسه فروش ماهانه پنجشنبه ساعت 11 در سالن اجتماعات برگزار می‌شود.', 'خوانده‌شده': 1 });

    await page.goto(`${stack.baseUrl}/reminders`);
    await page.getByRole('tab', { name: 'بایگانی' }).click();
    await page.getByRole('button', { name: 'خروجی' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'خروجی CSV' }).click()]);
    await csv.saveAs(join(dir, 'reminders.csv'));
    const text = readFileSync(join(dir, 'reminders.csv'), 'utf8');
    expect(text.startsWith('\uFEFFزمان یادآور,متن')).toBe(true);
    expect(text).toContain('تماس با آقای کریمی دربارهٔ سفارش 120 کارتن');
    expect(text).toContain('اعلام‌شده');
  }, 120_000);
});
