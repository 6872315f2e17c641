import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, SHOTS, startStack, type Running } from './support.js';
import type { Page } from 'playwright-core';

let stack: Running;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startStack();
});
afterAll(async () => { await stack?.stop(); });

async function login(page: Page, username: string, password: string) {
  await page.goto(`${stack.baseUrl}/login`);
  await page.getByLabel('نام کاربری یا شماره موبایل').fill(username);
  await page.getByLabel('رمز عبور', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe('platform journey in Chromium', () => {
  it('admin creates a staff member with a role; that member finds forbidden pages hidden and the API refusing', async () => {
    const admin = await stack.browser.newPage({ viewport: { width: 1366, height: 850 } });
    await login(admin, ADMIN.username, ADMIN.password);
    await expect.poll(() => admin.locator('html').getAttribute('dir')).toBe('rtl');
    await admin.getByRole('link', { name: 'پرسنل' }).first().click();
    await admin.getByRole('link', { name: 'پرسنل جدید' }).click();
    await admin.getByLabel('نام', { exact: true }).fill('نگار');
    await admin.getByLabel('نام خانوادگی', { exact: true }).fill('كريمي');
    await admin.getByLabel('کد پرسنلی', { exact: true }).fill('۲۰۰۷');
    await admin.getByLabel('نام کاربری', { exact: true }).fill('negar');
    await admin.getByLabel('موبایل', { exact: true }).fill('۰۹۱۲۷۷۷۸۸۹۹');
    await admin.getByLabel('رمز عبور', { exact: true }).fill('Negar-pass-1');
    await admin.getByLabel('نقش‌ها', { exact: true }).click();
    await admin.getByRole('option', { name: 'کارشناس فروش' }).click();
    await admin.keyboard.press('Escape');
    await admin.getByRole('button', { name: 'ذخیره', exact: true }).click();
    await admin.waitForURL(/\/staff\/[0-9a-f-]{36}/);
    await expect.poll(() => admin.getByLabel('نام خانوادگی', { exact: true }).inputValue()).toBe('کریمی');
    await admin.screenshot({ path: join(SHOTS, 'staff-form-saved.png') });
    await admin.goto(`${stack.baseUrl}/staff`);
    await expect.poll(() => admin.getByText('نگار کریمی').count()).toBeGreaterThan(0);
    await admin.screenshot({ path: join(SHOTS, 'staff-list-fa.png') });

    const member = await stack.browser.newPage({ viewport: { width: 1366, height: 850 } });
    await login(member, '09127778899', 'Negar-pass-1');
    await expect.poll(() => member.getByRole('link', { name: 'پرسنل' }).count()).toBeGreaterThan(0);
    expect(await member.getByRole('link', { name: 'نقش‌ها و گروه‌ها' }).count()).toBe(0);
    await member.goto(`${stack.baseUrl}/roles`);
    await expect.poll(() => member.getByText('دسترسی ندارید').count()).toBeGreaterThan(0);
    await member.screenshot({ path: join(SHOTS, 'forbidden-fa.png') });
    const api = await member.evaluate(async () => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
      const res = await fetch('/api/roles', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ name: 'نفوذی' }) });
      return { status: res.status, body: await res.json() };
    });
    expect(api.status).toBe(403);
    expect(api.body.detail).toBe('شما اجازه انجام این کار را ندارید.');
    await member.close();
    await admin.close();
  });

  it('shows the permission history: the role given to the new member and a role whose grants changed', async () => {
    const admin = await stack.browser.newPage({ viewport: { width: 1366, height: 850 } });
    await login(admin, ADMIN.username, ADMIN.password);
    // Setup through the API: the storekeeper role loses a permission and gets a wider scope on another.
    const changed = await admin.evaluate(async () => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('crm_csrf='))?.split('=')[1] ?? '';
      const roles = ((await (await fetch('/api/roles')).json()) as { items: { id: string; name: string }[] }).items;
      const role = roles.find((r) => r.name === 'انباردار')!;
      const { grants } = (await (await fetch(`/api/roles/${role.id}/permissions`)).json()) as { grants: { permission: string; scope: string }[] };
      const next = grants.filter((g) => g.permission !== 'warehouses.export').map((g) => (g.permission === 'stockDocuments.delete' ? { ...g, scope: 'all' } : g));
      const res = await fetch(`/api/roles/${role.id}/permissions`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ grants: next }) });
      return res.status;
    });
    expect(changed).toBe(200);
    await admin.goto(`${stack.baseUrl}/permission-history`);
    const storekeeper = admin.locator('li').filter({ hasText: 'انباردار' }).first();
    await expect.poll(() => storekeeper.count()).toBe(1);
    expect(await storekeeper.innerText()).toMatch(/−\s*انبارها – خروجی/);
    expect(await storekeeper.innerText()).toMatch(/~\s*اسناد انبار – حذف: خودش ← همه/);
    // The user's change from the first test: the role she was given, by name.
    await expect.poll(() => admin.locator('li').filter({ hasText: 'نگار کریمی' }).filter({ hasText: 'کارشناس فروش' }).count()).toBeGreaterThan(0);
    await admin.screenshot({ path: join(SHOTS, 'permission-history.png') });
    await admin.close();
  });

  it('switches to English (left to right) and back, keeping Jalali dates', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1366, height: 850 } });
    await login(page, ADMIN.username, ADMIN.password);
    await page.screenshot({ path: join(SHOTS, 'home-fa.png') });
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect.poll(() => page.getByText(/Azar|Dey|Bahman|Esfand|Farvardin|Ordibehesht|Khordad|Tir|Mordad|Shahrivar|Mehr|Aban/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'home-en.png') });
    await page.getByRole('button', { name: 'فا', exact: true }).click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.close();
  });
});
