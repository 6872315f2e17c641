// Gateway settings: secrets stored sealed and never returned, audited or logged; who may read and change
// them; the test send; bad input with Persian messages; messages that waited go out once a gateway is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../platform/audit/audit.table.js';
import { userWithGrants } from '../../../test-support/test-app.js';
import { smsSettings } from '../sms.table.js';
import { API_KEY, smsTestbed, useKavenegar, type SmsTestbed } from './sms-fixture.js';

let b: SmsTestbed;
const bodies: string[] = [];
const record = async <T extends { body: string }>(p: Promise<T>) => { const r = await p; bodies.push(r.body); return r; };
beforeAll(async () => { b = await smsTestbed(); });
afterAll(async () => { await b?.close(); });

describe('SMS settings', () => {
  it('start unconfigured: a message waits, and goes out once a gateway is saved', async () => {
    expect((await record(b.call('GET', '/api/sms/settings'))).json()).toMatchObject({ gateway: 'none', kavenegar: { apiKeySet: false, apiKeyLast4: null } });
    const m = (await record(b.call('POST', '/api/sms/messages', { to: '09351234567', text: 'در انتظار درگاه' }))).json();
    await b.drain();
    const waiting = (await record(b.call('GET', `/api/sms/messages/${m.id}`))).json();
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lastError: 'درگاه پیامک تنظیم نشده است؛ در «تنظیمات › درگاه پیامک» یکی را انتخاب کنید' });
    expect(waiting.nextAttemptAt).not.toBeNull();

    const saved = await useKavenegar(b);
    expect(saved).toEqual({
      gateway: 'kavenegar', timeoutSeconds: 1,
      kavenegar: { apiKeySet: true, apiKeyLast4: API_KEY.slice(-4), sender: '10004346', baseUrl: b.fake.baseUrl },
      generic: expect.objectContaining({ secretSet: false, secretLast4: null }),
      updatedAt: expect.any(String),
    });
    await b.drain(); // woken at once, not at its backoff time
    expect((await record(b.call('GET', `/api/sms/messages/${m.id}`))).json()).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    // The job queued earlier for the same attempt finds the work done and sends nothing.
    const requests = b.fake.sends().length;
    b.t.clock.advance(3_600_000);
    await b.drain();
    expect(b.fake.sends().length).toBe(requests);
  });

  it('stores the API key sealed; an empty key keeps it; the answer shows only that it is set and its last 4', async () => {
    const [row] = await b.t.app.db.select().from(smsSettings).where(eq(smsSettings.tenantId, b.t.tenantId));
    expect(row!.secrets).toMatch(/^v1\./);
    expect(row!.secrets).not.toContain(API_KEY);
    expect(JSON.stringify(row!.config)).not.toContain(API_KEY);

    const kept = await record(b.call('PUT', '/api/sms/settings', { gateway: 'kavenegar', timeoutSeconds: 2, kavenegar: { apiKey: '', sender: '10004346', baseUrl: b.fake.baseUrl } }));
    expect(kept.json().kavenegar).toMatchObject({ apiKeySet: true, apiKeyLast4: API_KEY.slice(-4) });
    const sent = (await record(b.call('POST', '/api/sms/settings/test', { to: '۰۹۳۵۱۲۳۴۵۶۷' }))).json();
    expect(sent).toMatchObject({ status: 'sent', reference: 'settings:test', gateway: 'kavenegar', gatewayMessageId: expect.stringMatching(/^\d+$/) });
    expect(b.fake.sends().at(-1)!.apiKey).toBe(API_KEY); // the key still works after a save without it

    const refused = await record(b.call('PUT', '/api/sms/settings', { gateway: 'kavenegar', kavenegar: { clearApiKey: true } }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ path: 'kavenegar.apiKey', message: 'کلید API کاوه‌نگار را وارد کنید' }]);
  });

  it('the test send reports a gateway error in Persian and does not retry it', async () => {
    b.fake.fail({ kind: 'code', status: 418 });
    const res = (await record(b.call('POST', '/api/sms/settings/test', { to: '09351234567', text: 'آزمایش اعتبار' }))).json();
    expect(res).toMatchObject({ status: 'failed', lastError: 'کاوه‌نگار: اعتبار حساب کاوه‌نگار کافی نیست (کد ۴۱۸)' });
    b.fake.fail({ kind: 'http500' });
    expect((await record(b.call('POST', '/api/sms/settings/test', { to: '09351234567' }))).json()).toMatchObject({ status: 'failed', lastError: 'کاوه‌نگار پاسخ نامعتبر داد (HTTP ۵۰۰)' });
    b.fake.recover();
  });

  it('refuses an invalid mobile with a Persian message on "to", and other bad input per field', async () => {
    const bad = await record(b.call('POST', '/api/sms/messages', { to: '0912123', text: 'سلام' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'to', message: 'شماره موبایل گیرنده معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ یا ‎+989121234567' }]);
    const empty = await record(b.call('POST', '/api/sms/messages', { to: '09121234567', text: '  ' }));
    expect(empty.json().errors).toEqual([{ path: 'text', message: 'متن پیامک الزامی است' }]);
    const test = await record(b.call('POST', '/api/sms/settings/test', { to: '021 1234 5678' }));
    expect(test.json().errors[0].path).toBe('to');
    const url = await record(b.call('PUT', '/api/sms/settings', { gateway: 'generic-http', generic: { url: 'ftp://x' } }));
    expect(url.json().errors[0]).toEqual({ path: 'generic.url', message: 'نشانی درگاه باید نشانی http یا https باشد' });
    const noUrl = await record(b.call('PUT', '/api/sms/settings', { gateway: 'generic-http' }));
    expect(noUrl.json().errors).toEqual([{ path: 'generic.url', message: 'نشانی درگاه پیامک را وارد کنید' }]);
    const header = await record(b.call('PUT', '/api/sms/settings', { gateway: 'generic-http', generic: { url: 'https://x.ir', headers: [{ name: 'X-Key', value: 'a\r\nInjected: 1' }] } }));
    expect(header.json().errors[0].path).toBe('generic.headers.0.value');
  });

  it('the API key is in no response, no audit entry and no log line', async () => {
    const audit = await b.t.app.db.select().from(auditLog).where(eq(auditLog.entity, 'smsSettings')).orderBy(auditLog.id);
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit[0]!.after).toMatchObject({ gateway: 'kavenegar', kavenegarApiKey: 'ثبت‌شده (تازه)' });
    expect(audit[1]!.after).toEqual({ timeoutSeconds: 2 }); // saved without a key: the key did not change
    const everything = JSON.stringify(await b.t.app.db.execute(sql`select * from audit_log`), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(API_KEY.slice(0, 12));
    const list = await record(b.call('GET', '/api/sms/messages?limit=500'));
    const history = await record(b.call('GET', `/api/audit-log?entity=smsSettings&entityId=${b.t.tenantId}`));
    expect(history.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(2);
    for (const body of bodies) expect(body).not.toContain(API_KEY);
    expect(b.logLines.length).toBeGreaterThan(3);
    for (const line of b.logLines) expect(line).not.toContain(API_KEY);
    expect(b.logLines.some((l) => l.includes('/v1/***/sms/send.json'))).toBe(true);
  });

  it('who may do what: settings need settings.view / settings.edit; the outbox sms.view / sms.send, within their scope', async () => {
    const viewer = await userWithGrants(b.t, 'sms-viewer', [{ permission: 'sms.view', scope: 'own' }, { permission: 'sms.send', scope: 'own' }]);
    const settingsViewer = await userWithGrants(b.t, 'settings-viewer', [{ permission: 'settings.view', scope: 'all' }]);
    const forbidden = (r: { statusCode: number; json(): { detail: string } }) => { expect(r.statusCode).toBe(403); expect(r.json().detail).toBe('شما اجازه انجام این کار را ندارید.'); };
    forbidden(await b.call('GET', '/api/sms/settings', undefined, viewer.token));
    forbidden(await b.call('PUT', '/api/sms/settings', { gateway: 'none' }, viewer.token));
    forbidden(await b.call('POST', '/api/sms/settings/test', { to: '09121234567' }, viewer.token));
    expect((await b.call('GET', '/api/sms/settings', undefined, settingsViewer.token)).statusCode).toBe(200);
    forbidden(await b.call('PUT', '/api/sms/settings', { gateway: 'none' }, settingsViewer.token));
    forbidden(await b.call('GET', '/api/sms/messages', undefined, settingsViewer.token));
    forbidden(await b.call('POST', '/api/sms/messages', { to: '09121234567', text: 'x' }, settingsViewer.token));

    // "own": the viewer sees the messages they queued, not the admin's.
    const mine = (await b.call('POST', '/api/sms/messages', { to: '09121234567', text: 'از کارشناس' }, viewer.token)).json();
    const seen = (await b.call('GET', '/api/sms/messages', undefined, viewer.token)).json();
    expect(seen.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect(seen.items[0].createdByName).toBe('کاربر sms-viewer');
    const adminOnes = (await b.call('GET', '/api/sms/messages?reference=settings:test')).json().items;
    expect((await b.call('GET', `/api/sms/messages/${adminOnes[0].id}`, undefined, viewer.token)).statusCode).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await b.t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/sms/')).sort()).toEqual([
      '/api/sms/messages', '/api/sms/messages/export', '/api/sms/messages/{id}', '/api/sms/messages/{id}/retry', '/api/sms/settings', '/api/sms/settings/test',
    ]);
    expect(Object.keys(doc.paths['/api/sms/messages']).sort()).toEqual(['get', 'post']);
  });

  it('filters by status, part of the number and Jalali period, with keyset paging', async () => {
    const all = (await b.call('GET', '/api/sms/messages?limit=500')).json().items as { id: string; status: string; to: string }[];
    const page1 = (await b.call('GET', '/api/sms/messages?limit=2')).json();
    const page2 = (await b.call('GET', `/api/sms/messages?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((i: { id: string }) => i.id)).toEqual(all.slice(0, 4).map((i) => i.id));
    const failed = (await b.call('GET', '/api/sms/messages?status=failed')).json().items;
    expect(failed.length).toBe(all.filter((i) => i.status === 'failed').length);
    const byNumber = (await b.call('GET', `/api/sms/messages?to=${encodeURIComponent('۰۹۳۵۱۲۳')}`)).json().items;
    expect(byNumber.length).toBe(all.filter((i) => i.to.startsWith('0935123')).length);
    const { toJalali } = await import('../../../../common/jalali.js');
    const j = toJalali(b.t.clock.now);
    const day = `${j.year}/${j.month}/${j.day}`;
    expect((await b.call('GET', `/api/sms/messages?createdFrom=${day}&createdTo=${day}&limit=500`)).json().items.length).toBe(all.length);
    expect((await b.call('GET', `/api/sms/messages?createdFrom=${j.year + 1}/01/01`)).json().items).toEqual([]);
    const badDate = await b.call('GET', '/api/sms/messages?createdFrom=1403/13/40');
    expect(badDate.json().errors[0]).toMatchObject({ path: 'createdFrom', message: 'از تاریخ معتبر نیست' });
  });

  it('a changed server key: messages wait with a clear reason, and go out once the key is entered again', async () => {
    await b.t.app.db.execute(sql`update sms_settings set secrets = 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA' where tenant_id = ${b.t.tenantId}`);
    const m = (await b.call('POST', '/api/sms/messages', { to: '09351239999', text: 'پس از تعویض کلید' })).json();
    await b.drain();
    expect((await b.call('GET', `/api/sms/messages/${m.id}`)).json()).toMatchObject({
      status: 'queued', lastError: 'کلید API ذخیره‌شده باز نمی‌شود (کلید رمزنگاری سرور عوض شده است)؛ در «تنظیمات › درگاه پیامک» کلید را دوباره وارد کنید',
    });
    expect((await b.call('GET', '/api/sms/settings')).statusCode).toBe(200);
    await useKavenegar(b);
    await b.drain();
    expect((await b.call('GET', `/api/sms/messages/${m.id}`)).json()).toMatchObject({ status: 'sent', lastError: null });
  });
});
