// "My reminders" as XLSX/CSV: read back and compared with GET /api/reminders for the same tab, box, status and
// search; only reminders addressed to me or set by me, whoever asks (an admin included); audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test-support/test-app.js';
import { readCsvExport, readXlsxExport } from '../../../test-support/export-reader.js';
import { seedApiKey } from '../../notifications/__tests__/seed-user.js';
import { remindersFixture, type Fixture } from './reminders-fixture.js';

type Reminder = { id: string; text: string; status: string; recipientName: string | null; createdByName: string | null };
let f: Fixture;
let ali: { id: string; token: string };
let sara: { id: string; token: string };
let customer: { id: string };

const as = (u: { token: string }) => bearer(u.token);
const list = async (query: string, headers?: Record<string, string>) => (await f.ok('GET', `/api/reminders?limit=200&${query}`, undefined, headers)).items as Reminder[];
const xlsx = async (query: string, headers?: Record<string, string>) => readXlsxExport(await f.api('GET', `/api/reminders/export?${query}`, undefined, headers));
const csv = async (query: string, headers?: Record<string, string>) => readCsvExport(await f.api('GET', `/api/reminders/export?format=csv&${query}`, undefined, headers));
const exportAudits = async () =>
  (await f.ok('GET', '/api/audit-log?entity=export&entityId=reminders')).items as { actor: { id: string } | null; changes: { field: string; after: unknown }[] }[];

beforeAll(async () => {
  f = await remindersFixture(); // 10:30 in Tehran, 20 Esfand 1403
  ali = await f.user('ali');
  sara = await f.user('sara');
  customer = await f.ok('POST', '/api/customers', { kind: 'legal', companyName: 'شرکت پارس تجهیز', mobile: '09131234567' });
  await f.ok('POST', '/api/reminders', { text: 'تماس با مشتری درباره پیش‌فاکتور', dueAt: '1403/12/20 11:00' }, as(ali));
  await f.ok('POST', '/api/reminders', { text: 'ارسال كاتالوگ به مشتري', dueAt: '1403/12/21 09:00', viaSms: true }, as(ali));
  const dropped = await f.ok('POST', '/api/reminders', { text: 'جلسه لغوشده', dueAt: '1403/12/22 09:00' }, as(ali));
  await f.ok('DELETE', `/api/reminders/${dropped.id}`, undefined, as(ali));
  await f.ok('POST', '/api/reminders', { text: 'گزارش فروش هفتگی', dueAt: '1403/12/23 10:00', recipientId: ali.id, customerId: customer.id });
  await f.ok('POST', '/api/reminders', { text: 'یادآور خصوصی سارا', dueAt: '1403/12/21 10:00' }, as(sara));
  await f.ok('POST', '/api/reminders', { text: 'یادآور شخصی مدیر', dueAt: '1403/12/24 08:00' });
  f.minutes(31);
  await f.tick();
});
afterAll(async () => { await f?.close(); });

describe('GET /api/reminders/export', () => {
  it('the upcoming tab as an RTL XLSX: the same rows in the same order as the list, Jalali times, Persian status', async () => {
    const upcoming = await list('view=upcoming', as(ali));
    expect(upcoming.map((r) => r.text)).toEqual(['ارسال کاتالوگ به مشتری', 'گزارش فروش هفتگی']);
    const x = await xlsx('format=xlsx', as(ali));
    expect(x.rightToLeft).toBe(true);
    expect(x.header).toEqual(['زمان یادآور', 'متن', 'برای', 'ثبت‌کننده', 'درباره', 'وضعیت', 'پیامک', 'یادداشت پیامک', 'زمان اعلام', 'زمان ثبت']);
    expect(x.rows.map((r) => [r['متن'], r['برای'], r['ثبت‌کننده']])).toEqual(upcoming.map((r) => [r.text, r.recipientName, r.createdByName]));
    expect(x.rows[0]).toMatchObject({ 'زمان یادآور': '1403/12/21 09:00', 'وضعیت': 'در انتظار', 'پیامک': 'بله', 'زمان اعلام': null, 'زمان ثبت': '1403/12/20 10:30' });
    expect(x.rows[1]).toMatchObject({ 'زمان یادآور': '1403/12/23 10:00', 'برای': 'کاربر ali', 'ثبت‌کننده': 'مدیر آزمون', 'درباره': 'مشتری: شرکت پارس تجهیز', 'پیامک': 'خیر' });
  });

  it('the archive, its status, the box and the search (Arabic letters unified) as the screen asks for them', async () => {
    const delivered = await csv('view=archive', as(ali));
    expect(delivered.bom).toBe(true);
    expect(delivered.rows.map((r) => [r['متن'], r['وضعیت'], r['زمان اعلام']])).toEqual([['تماس با مشتری درباره پیش‌فاکتور', 'اعلام‌شده', '1403/12/20 11:01']]);
    const canceled = await csv('view=archive&status=canceled', as(ali));
    expect(canceled.rows.map((r) => [r['متن'], r['وضعیت']])).toEqual([['جلسه لغوشده', 'حذف‌شده']]);
    expect(canceled.rows.map((r) => r['متن'])).toEqual((await list('view=archive&status=canceled', as(ali))).map((r) => r.text));

    const received = await csv('box=received', as(ali));
    expect(received.rows.map((r) => r['متن'])).toEqual((await list('box=received', as(ali))).map((r) => r.text));
    const q = `q=${encodeURIComponent('كاتالوگ')}`;
    const found = await csv(q, as(ali));
    expect(found.rows.map((r) => r['متن'])).toEqual(['ارسال کاتالوگ به مشتری']);
    expect(found.rows.map((r) => r['متن'])).toEqual((await list(q, as(ali))).map((r) => r.text));
    expect((await csv(`customerId=${customer.id}`, as(ali))).rows.map((r) => r['متن'])).toEqual(['گزارش فروش هفتگی']);

    const audits = await exportAudits();
    expect(audits[0]!.actor).toMatchObject({ id: ali.id });
    expect(Object.fromEntries(audits[0]!.changes.map((c) => [c.field, c.after]))).toEqual({ format: 'csv', view: 'upcoming', box: 'all', customerId: customer.id });
    expect(Object.fromEntries(audits[1]!.changes.map((c) => [c.field, c.after]))).toEqual({ format: 'csv', view: 'upcoming', box: 'all', q: 'كاتالوگ' });
  });

  it("never exports someone else's reminders: not a colleague's, and not to an admin", async () => {
    const mine = (await xlsx('')).rows.map((r) => r['متن']);
    expect(mine).toEqual((await list('')).map((r) => r.text));
    expect(mine).toEqual(['گزارش فروش هفتگی', 'یادآور شخصی مدیر']);
    const all = [...mine, ...(await xlsx('view=archive')).rows.map((r) => r['متن']), ...(await xlsx('view=archive&status=canceled')).rows.map((r) => r['متن'])];
    expect(all).not.toContain('یادآور خصوصی سارا');
    expect(all).not.toContain('ارسال کاتالوگ به مشتری');

    expect((await csv('', as(sara))).rows.map((r) => r['متن'])).toEqual(['یادآور خصوصی سارا']);
    const aliAll = (await csv('box=all', as(ali))).rows.map((r) => r['متن']);
    expect(aliAll).not.toContain('یادآور خصوصی سارا');
    expect(aliAll).not.toContain('یادآور شخصی مدیر');
    const nobody = await f.user('nobody');
    const empty = await csv('', as(nobody));
    expect([empty.header.length, empty.rows]).toEqual([10, []]);
  });

  it('an API key has no reminders: 403 before anything is written; without a login 401', async () => {
    const before = (await exportAudits()).length;
    const key = await seedApiKey(f.t.app.db, f.t.tenantId);
    const refused = await f.api('GET', '/api/reminders/export', undefined, bearer(key));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('شما اجازه انجام این کار را ندارید.');
    expect((await f.api('GET', '/api/reminders/export', undefined, {})).statusCode).toBe(401);
    expect(await exportAudits()).toHaveLength(before);
  });
});
