// The SMS outbox as XLSX/CSV: read back and compared with GET /api/sms/messages, with the screen's filters,
// the sms.view scope (an "own" user exports only what they queued), permissions and the audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userWithGrants } from '../../../test-support/test-app.js';
import { readCsvExport, readXlsxExport } from '../../../test-support/export-reader.js';
import { smsTestbed, useKavenegar, type SmsTestbed } from './sms-fixture.js';

type Sms = { id: string; to: string; text: string; status: string; lastError: string | null; reference: string | null; createdByName: string | null; attempts: number };
let b: SmsTestbed;
let seller: { id: string; token: string };
let sellerSms: { id: string };

const ok = async (method: string, url: string, payload?: unknown, token?: string) => {
  const res = await b.call(method, url, payload, token);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
  return res.json();
};
const list = async (query = '', token?: string) => (await ok('GET', `/api/sms/messages?limit=500${query}`, undefined, token)).items as Sms[];
const exportAudits = async () =>
  (await ok('GET', '/api/audit-log?entity=export&entityId=smsMessages')).items as { actor: { id: string } | null; changes: { field: string; after: unknown }[] }[];

beforeAll(async () => {
  b = await smsTestbed();
  await useKavenegar(b);
  b.t.clock.now = new Date('2025-03-10T07:00:00Z');
  await ok('POST', '/api/sms/messages', { to: '۰۹۱۲ ۱۲۳ ۴۵۶۷', text: 'جلسه فردا ساعت ۱۰', reference: 'customer:42' });
  await b.drain();
  b.t.clock.advance(60_000);
  b.fake.fail({ kind: 'code', status: 418 });
  await ok('POST', '/api/sms/messages', { to: '09351230000', text: '+فاکتور شما صادر شد' });
  await b.drain();
  b.fake.recover();
  b.t.clock.advance(60_000);
  seller = await userWithGrants(b.t, 'sms-seller', ['sms.view', 'sms.send', 'sms.export'].map((permission) => ({ permission, scope: 'own' })));
  sellerSms = await ok('POST', '/api/sms/messages', { to: '09121112222', text: 'پیام کارشناس' }, seller.token);
});
afterAll(async () => { await b?.close(); });

describe('GET /api/sms/messages/export', () => {
  it('the outbox as an RTL XLSX: same rows and order as the list, the number as text, Persian status and reason, Jalali times', async () => {
    const all = await list();
    expect(all.map((m) => m.status)).toEqual(['queued', 'failed', 'sent']);
    const x = await readXlsxExport(await b.call('GET', '/api/sms/messages/export?format=xlsx'));
    expect(x.rightToLeft).toBe(true);
    expect(x.header).toEqual(['زمان ثبت', 'گیرنده', 'متن', 'تعداد بخش', 'وضعیت', 'تلاش', 'علت خطا', 'گزارش درگاه', 'زمان ارسال', 'زمان رسیدن', 'مرجع', 'ثبت‌کننده', 'درگاه', 'شناسه درگاه']);
    expect(x.rows.map((r) => [r['گیرنده'], r['تلاش'], r['مرجع']])).toEqual(all.map((m) => [m.to, m.attempts, m.reference]));
    expect(x.rows.map((r) => r['وضعیت'])).toEqual(['در صف', 'ناموفق', 'ارسال‌شده']);
    // 07:00 UTC is 10:30 in Tehran on 20 Esfand 1403.
    expect(x.rows[2]).toMatchObject({
      'زمان ثبت': '1403/12/20 10:30', 'گیرنده': '09121234567', 'متن': 'جلسه فردا ساعت 10', 'تعداد بخش': 1, 'زمان ارسال': '1403/12/20 10:30',
      'مرجع': 'customer:42', 'ثبت‌کننده': 'مدیر آزمون', 'درگاه': 'kavenegar', 'علت خطا': null,
    });
    expect(x.rows[1]).toMatchObject({ 'علت خطا': 'کاوه‌نگار: اعتبار حساب کاوه‌نگار کافی نیست (کد ۴۱۸)', 'متن': "'+فاکتور شما صادر شد", 'زمان ارسال': null });
    expect(x.rows[0]).toMatchObject({ 'ثبت‌کننده': 'کاربر sms-seller', 'زمان ثبت': '1403/12/20 10:32' });
  });

  it('honours the screen filters (status, the number search box as q, Jalali period) and is audited with them; CSV with the BOM', async () => {
    const failed = readCsvExport(await b.call('GET', '/api/sms/messages/export?format=csv&status=failed'));
    expect(failed.bom).toBe(true);
    expect(failed.rows.map((r) => [r['گیرنده'], r['وضعیت']])).toEqual((await list('&status=failed')).map((m) => [m.to, 'ناموفق']));

    const byNumber = readCsvExport(await b.call('GET', `/api/sms/messages/export?format=csv&q=${encodeURIComponent('۰۹۱۲ ۱۲۳')}`));
    expect(byNumber.rows.map((r) => r['گیرنده'])).toEqual(['09121234567']);
    const later = readCsvExport(await b.call('GET', '/api/sms/messages/export?format=csv&createdFrom=1404/01/01'));
    expect(later.rows).toEqual([]);
    expect(later.header[0]).toBe('زمان ثبت');

    const [latest, , first] = await exportAudits();
    expect(Object.fromEntries(latest!.changes.map((c) => [c.field, c.after]))).toMatchObject({ format: 'csv', createdFrom: expect.stringMatching(/^2025-03-2/) });
    expect(Object.fromEntries(first!.changes.map((c) => [c.field, c.after]))).toEqual({ format: 'csv', status: 'failed' });
    expect(latest!.actor).toMatchObject({ id: b.t.adminId });
  });

  it('an "own" user exports only the messages they queued, like their list', async () => {
    const theirs = await list('', seller.token);
    expect(theirs.map((m) => m.id)).toEqual([sellerSms.id]);
    const csv = readCsvExport(await b.call('GET', '/api/sms/messages/export?format=csv', undefined, seller.token));
    expect(csv.rows.map((r) => [r['گیرنده'], r['متن']])).toEqual([['09121112222', 'پیام کارشناس']]);
  });

  it('needs sms.export, and sms.view for the rows: refused with 403 before anything is written', async () => {
    const before = (await exportAudits()).length;
    const viewer = await userWithGrants(b.t, 'sms-viewer-only', [{ permission: 'sms.view', scope: 'all' }]);
    const noExport = await b.call('GET', '/api/sms/messages/export', undefined, viewer.token);
    expect([noExport.statusCode, noExport.json().detail]).toEqual([403, 'شما اجازه انجام این کار را ندارید.']);
    const exporterOnly = await userWithGrants(b.t, 'sms-export-only', [{ permission: 'sms.export', scope: 'all' }]);
    const noView = await b.call('GET', '/api/sms/messages/export', undefined, exporterOnly.token);
    expect([noView.statusCode, noView.json().detail]).toEqual([403, 'شما اجازه انجام این کار را ندارید.']);
    expect(await exportAudits()).toHaveLength(before);

    const roles = (await ok('GET', '/api/roles')).items as { id: string; name: string }[];
    const manager = (await ok('GET', `/api/roles/${roles.find((r) => r.name === 'مدیر فروش')!.id}/permissions`)).grants as { permission: string; scope: string }[];
    expect(manager).toContainEqual(expect.objectContaining({ permission: 'sms.export', scope: 'subunits' }));
  });
});
