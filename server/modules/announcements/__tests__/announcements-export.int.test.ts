// The sender's list of announcements with read counts as XLSX/CSV: read back and compared with
// GET /api/announcements/sent (mine; an admin's is the company's), with its search, permission and audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userWithGrants, createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { readCsvExport, readXlsxExport } from '../../../test-support/export-reader.js';
import { announcementsKit } from './announcements-kit.js';

type Sent = { id: string; title: string; body: string; recipientCount: number; readCount: number; senderName: string };
let t: TestApp;
let sellerRoleId: string;
let ali: { id: string; token: string };
let sara: { id: string; token: string };
let lead: { id: string; token: string };

const { api, ok, addStaff } = announcementsKit(() => t);
const sent = async (q = '', token?: string) => (await ok('GET', `/api/announcements/sent?limit=200${q}`, undefined, token)).items as Sent[];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2025-03-10T07:00:00Z'); // 10:30 in Tehran, 20 Esfand 1403
  const roles = (await ok('GET', '/api/roles')).items as { id: string; name: string }[];
  sellerRoleId = roles.find((r) => r.name === 'کارشناس فروش')!.id;
  const north = (await ok('POST', '/api/units', { name: 'شعبه شمال', kind: 'branch' })).id;
  ali = await addStaff('ali', { roleIds: [sellerRoleId], unitId: north });
  sara = await addStaff('sara', { roleIds: [sellerRoleId] });
  lead = await userWithGrants(t, 'lead', [{ permission: 'announcements.create', scope: 'subunits' }], { unitId: north });

  const meeting = await ok('POST', '/api/announcements', { title: 'جلسه فروش ماهانه', body: 'پنجشنبه ساعت ۱۰', audience: 'role', targetId: sellerRoleId });
  await ok('POST', `/api/announcements/${meeting.id}/read`, undefined, ali.token);
  t.clock.advance(60_000);
  await ok('POST', '/api/announcements', { title: '=تعطیلی رسمی', body: 'شنبه تعطیل است.', audience: 'all' });
  t.clock.advance(60_000);
  await ok('POST', '/api/announcements', { title: 'هدف شعبه شمال', body: 'هدف این ماه', audience: 'unit', targetId: north }, lead.token);
});
afterAll(async () => { await t?.close(); });

describe('GET /api/announcements/sent/export', () => {
  it('the sent list as an RTL XLSX with read counts: same rows and order, audience in Persian, Jalali time', async () => {
    const list = await sent();
    expect(list.map((a) => a.title)).toEqual(['هدف شعبه شمال', '=تعطیلی رسمی', 'جلسه فروش ماهانه']); // an admin sees the company's
    const x = await readXlsxExport(await api('GET', '/api/announcements/sent/export?format=xlsx'));
    expect(x.rightToLeft).toBe(true);
    expect(x.header).toEqual(['زمان ارسال', 'عنوان', 'متن', 'مخاطبان', 'فرستنده', 'تعداد گیرندگان', 'خوانده‌شده', 'خوانده‌نشده']);
    expect(x.rows.map((r) => [r['فرستنده'], r['تعداد گیرندگان'], r['خوانده‌شده'], r['خوانده‌نشده']])).toEqual(
      list.map((a) => [a.senderName, a.recipientCount, a.readCount, a.recipientCount - a.readCount]),
    );
    expect(x.rows[2]).toMatchObject({
      'زمان ارسال': '1403/12/20 10:30', 'عنوان': 'جلسه فروش ماهانه', 'متن': 'پنجشنبه ساعت 10', 'مخاطبان': 'یک نقش: کارشناس فروش',
      'فرستنده': 'مدیر آزمون', 'تعداد گیرندگان': 2, 'خوانده‌شده': 1, 'خوانده‌نشده': 1,
    });
    expect(x.rows[1]).toMatchObject({ 'عنوان': "'=تعطیلی رسمی", 'مخاطبان': 'همه پرسنل' });
    expect(x.rows[0]).toMatchObject({ 'مخاطبان': 'یک واحد سازمانی: شعبه شمال', 'فرستنده': 'کاربر lead', 'تعداد گیرندگان': 1 });
  });

  it("with the list's search; a sender exports only their own; CSV with the BOM; audited with the search", async () => {
    const found = readCsvExport(await api('GET', `/api/announcements/sent/export?format=csv&q=${encodeURIComponent('جلسه')}`));
    expect(found.bom).toBe(true);
    expect(found.rows.map((r) => [r['عنوان'], r['خوانده‌شده']])).toEqual((await sent('&q=جلسه')).map((a) => [a.title, String(a.readCount)]));
    expect(found.rows).toHaveLength(1);

    const own = readCsvExport(await api('GET', '/api/announcements/sent/export?format=csv', undefined, lead.token));
    expect(own.rows.map((r) => r['عنوان'])).toEqual((await sent('', lead.token)).map((a) => a.title));
    expect(own.rows.map((r) => r['عنوان'])).toEqual(['هدف شعبه شمال']);

    const audits = (await ok('GET', '/api/audit-log?entity=export&entityId=announcements')).items as { actor: { id: string } | null; changes: { field: string; after: unknown }[] }[];
    expect(audits).toHaveLength(3);
    expect(audits[0]!.actor).toMatchObject({ id: lead.id });
    expect(Object.fromEntries(audits[1]!.changes.map((c) => [c.field, c.after]))).toEqual({ format: 'csv', q: 'جلسه' });
  });

  it('needs announcements.create, like the sent list: 403 for staff who only receive', async () => {
    for (const u of [ali, sara]) {
      const res = await api('GET', '/api/announcements/sent/export', undefined, u.token);
      expect([res.statusCode, res.json().detail]).toEqual([403, 'شما اجازه انجام این کار را ندارید.']);
    }
  });
});
