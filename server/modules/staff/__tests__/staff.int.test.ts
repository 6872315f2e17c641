import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bearer, createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let h: Record<string, string>;
beforeAll(async () => { t = await createTestApp(); h = bearer(t.adminToken); });
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, payload?: unknown, headers = h) => t.app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload: payload as object } : {}) });

describe('staff', () => {
  it('normalizes Persian input and refuses a duplicate mobile naming the other person', async () => {
    const res = await api('POST', '/api/staff', { username: 'Kaveh', firstName: 'كاوه', lastName: 'علوي', mobile: '+98 912 000 1111', personnelCode: '۲۰۰۱', password: 'Passw0rd-x' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'kaveh', firstName: 'کاوه', lastName: 'علوی', mobile: '09120001111', personnelCode: '2001' });
    const dup = await api('POST', '/api/staff', { username: 'other', firstName: 'الف', lastName: 'ب', mobile: '09120001111', password: 'Passw0rd-x' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toEqual({ path: 'mobile', message: 'این شماره موبایل برای «کاوه علوی» ثبت شده است' });
  });

  it('finds staff by Arabic letters, Persian digits and a part of the mobile', async () => {
    const byName = await api('GET', `/api/staff?q=${encodeURIComponent('علوي')}`);
    expect(byName.json().items.map((s: { username: string }) => s.username)).toEqual(['kaveh']);
    const byMobile = await api('GET', `/api/staff?q=${encodeURIComponent('۰۹۱۲۰۰۰۱')}`);
    expect(byMobile.json().items.map((s: { username: string }) => s.username)).toEqual(['kaveh']);
  });

  it('pages with a keyset cursor without repeating or skipping anyone', async () => {
    for (let i = 0; i < 7; i++) await api('POST', '/api/staff', { username: `page${i}`, firstName: 'صفحه', lastName: `شماره ${i}`, password: 'Passw0rd-x' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api('GET', `/api/staff?limit=3&sort=lastName&total=true${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json();
      seen.push(...body.items.map((s: { id: string }) => s.id));
      expect(body.total).toBe(9);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('writes who changed what in the audit log, readable on the record, without secrets', async () => {
    const created = await api('POST', '/api/staff', { username: 'audited', firstName: 'بهرام', lastName: 'نیک', password: 'Passw0rd-x' });
    const id = created.json().id;
    await api('PATCH', `/api/staff/${id}`, { lastName: 'نیک‌نام', email: 'b@example.com' });
    const log = await api('GET', `/api/audit-log?entity=staff&entityId=${id}`);
    expect(log.statusCode).toBe(200);
    const [update, create] = log.json().items;
    expect(create.action).toBe('create');
    expect(update.action).toBe('update');
    expect(update.actor).toEqual({ id: t.adminId, name: 'مدیر آزمون' });
    expect(update.changes).toEqual(expect.arrayContaining([{ field: 'lastName', before: 'نیک', after: 'نیک‌نام' }, { field: 'email', before: null, after: 'b@example.com' }]));
    expect(log.body).not.toMatch(/passwordHash|argon2/);
  });

  it('a failed update leaves nothing half-written', async () => {
    const created = await api('POST', '/api/staff', { username: 'atomic', firstName: 'آرش', lastName: 'کمانگیر', password: 'Passw0rd-x' });
    const id = created.json().id;
    const bad = await api('PATCH', `/api/staff/${id}`, { lastName: 'تغییر', roleIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('roleIds');
    expect((await api('GET', `/api/staff/${id}`)).json().lastName).toBe('کمانگیر');
  });

  it('exports the filtered list as an RTL XLSX that reads back, and CSV with a BOM and neutralized formulas', async () => {
    await api('POST', '/api/staff', { username: 'formula', firstName: '=HYPERLINK("http://x")', lastName: 'فرمول', password: 'Passw0rd-x' });
    const xlsx = await api('GET', `/api/staff/export?format=xlsx&q=${encodeURIComponent('فرمول')}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(ws.getRow(1).getCell(2).value).toBe('نام');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://x")`);
    const csv = await api('GET', '/api/staff/export?format=csv');
    expect(csv.rawPayload.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(csv.body).toContain('نام خانوادگی');
  });
});

describe('record scope', () => {
  it('"own" sees only themselves, "unit" their unit, "subunits" the unit tree, "all" everyone', async () => {
    const parent = (await api('POST', '/api/units', { name: 'فروش' })).json();
    const child = (await api('POST', '/api/units', { name: 'فروش تلفنی', parentId: parent.id })).json();
    const other = (await api('POST', '/api/units', { name: 'مالی' })).json();
    const own = await userWithGrants(t, 'scope-own', [{ permission: 'staff.view', scope: 'own' }], { unitId: parent.id });
    const unit = await userWithGrants(t, 'scope-unit', [{ permission: 'staff.view', scope: 'unit' }], { unitId: parent.id });
    const sub = await userWithGrants(t, 'scope-sub', [{ permission: 'staff.view', scope: 'subunits' }], { unitId: parent.id });
    const inChild = await userWithGrants(t, 'in-child', [], { unitId: child.id });
    const inOther = await userWithGrants(t, 'in-other', [], { unitId: other.id });
    const names = async (token: string) => (await api('GET', '/api/staff?limit=500', undefined, bearer(token))).json().items.map((s: { username: string }) => s.username).sort();
    expect(await names(own.token)).toEqual(['scope-own']);
    expect(await names(unit.token)).toEqual(['scope-own', 'scope-sub', 'scope-unit']);
    expect(await names(sub.token)).toEqual(['in-child', 'scope-own', 'scope-sub', 'scope-unit']);
    expect(await names(t.adminToken)).toContain('in-other');
    expect((await api('GET', `/api/staff/${inOther.id}`, undefined, bearer(sub.token))).statusCode).toBe(404);
    const counts = Object.fromEntries((await api('GET', '/api/units')).json().items.map((u: { id: string; staffCount: number }) => [u.id, u.staffCount]));
    expect([counts[parent.id], counts[child.id], counts[other.id]]).toEqual([3, 1, 1]);
    const roles = (await api('GET', '/api/roles')).json().items as { id: string; memberCount: number }[];
    expect(roles.find((r) => r.id === own.roleId)?.memberCount).toBe(1);
  });
});

describe('permission history', () => {
  it('records who changed a role\'s grants, with before and after', async () => {
    const role = (await api('POST', '/api/roles', { name: 'حسابرس' })).json();
    await api('PUT', `/api/roles/${role.id}/permissions`, { grants: [{ permission: 'staff.view', scope: 'unit' }] });
    await api('PUT', `/api/roles/${role.id}/permissions`, { grants: [{ permission: 'staff.view', scope: 'all' }, { permission: 'staff.export', scope: 'all' }] });
    const bad = await api('PUT', `/api/roles/${role.id}/permissions`, { grants: [{ permission: 'rockets.launch', scope: 'all' }] });
    expect(bad.statusCode).toBe(400);
    const hist = (await api('GET', '/api/permission-changes?limit=5')).json().items;
    const latest = hist[0];
    expect(latest).toMatchObject({ principalType: 'role', principalId: role.id, principalName: 'حسابرس', actor: { id: t.adminId } });
    expect(latest.before).toEqual({ grants: [{ permission: 'staff.view', scope: 'unit' }] });
    expect(latest.after.grants).toHaveLength(2);
  });

  it("names the people of a group's membership change", async () => {
    const staffIds = ((await api('GET', '/api/staff?limit=2')).json().items as { id: string; firstName: string; lastName: string }[]);
    const group = (await api('POST', '/api/user-groups', { name: 'تیم شمال', memberIds: [staffIds[0]!.id] })).json();
    await api('PATCH', `/api/user-groups/${group.id}`, { memberIds: [staffIds[1]!.id] });
    const [latest] = (await api('GET', '/api/permission-changes?limit=1')).json().items;
    expect(latest).toMatchObject({ principalType: 'group', principalId: group.id });
    expect(latest.memberNames).toEqual(Object.fromEntries(staffIds.map((s) => [s.id, `${s.firstName} ${s.lastName}`])));
  });
});
