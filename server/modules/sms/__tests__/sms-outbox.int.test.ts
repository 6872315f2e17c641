// The outbox against the fake Kavenegar, on a controlled clock: stored first, sent by the scheduler,
// retried with backoff while the gateway is down or hangs, failed at once on a permanent error, and
// nothing lost on the way.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { inTenant } from '../../../platform/db/transactions.js';
import { jobs } from '../../../platform/jobs/index.js';
import { queueSms } from '../index.js';
import { smsMessages } from '../sms.table.js';
import { SEND_JOB } from '../sms-jobs.js';
import { smsTestbed, useKavenegar, type SmsTestbed } from './sms-fixture.js';

let b: SmsTestbed;
const advance = (ms: number) => b.t.clock.advance(ms);
const msg = async (id: string) => (await b.call('GET', `/api/sms/messages/${id}`)).json();
const send = async (to: string, text: string) => {
  const res = await b.call('POST', '/api/sms/messages', { to, text });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; status: string };
};

beforeAll(async () => {
  b = await smsTestbed();
  await useKavenegar(b);
});
afterAll(async () => { await b?.close(); });
beforeEach(() => { b.fake.recover(); });

describe('SMS outbox', () => {
  it('stores the message, sends it through the scheduler, then learns from status.json that it was delivered', async () => {
    const queued = await send('۰۹۱۲ ۱۲۳ ۴۵۶۷', 'يادآوري: جلسه فردا ساعت ۱۰');
    expect(queued).toMatchObject({ status: 'queued', to: '09121234567', text: 'یادآوری: جلسه فردا ساعت 10', attempts: 0, parts: 1 });
    expect(b.fake.sends()).toHaveLength(0); // nothing leaves before the scheduler runs

    await b.drain();
    const sent = await msg(queued.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, gateway: 'kavenegar', gatewayMessageId: expect.stringMatching(/^\d+$/), lastError: null, deliveryStatus: 'در صف ارسال' });
    expect(sent.sentAt).toBe(b.t.clock.now.toISOString());
    expect(b.fake.sends().at(-1)!.params).toMatchObject({ receptor: '09121234567', sender: '10004346', message: 'یادآوری: جلسه فردا ساعت 10' });

    // First delivery check a minute after sending: still on its way.
    b.fake.setDelivery(sent.gatewayMessageId, 4);
    advance(2 * 60_000);
    await b.drain();
    expect(await msg(queued.id)).toMatchObject({ status: 'sent', deliveryStatus: 'ارسال‌شده به مخابرات' });

    b.fake.setDelivery(sent.gatewayMessageId, 10);
    advance(4 * 60_000);
    await b.drain();
    const delivered = await msg(queued.id);
    expect(delivered).toMatchObject({ status: 'delivered', deliveryStatus: 'رسیده به گیرنده' });
    expect(delivered.deliveredAt).toBe(b.t.clock.now.toISOString());
    const statusCalls = b.fake.received.filter((r) => r.endpoint === 'sms/status');
    expect(statusCalls.at(-1)!.params.messageid).toBe(sent.gatewayMessageId);
  });

  it('retries against a gateway that answers 500, with growing delays, and sends everything once it recovers', async () => {
    b.fake.fail({ kind: 'http500' });
    const ids = [(await send('09121110001', 'پیام اول')).id, (await send('09121110002', 'پیام دوم')).id, (await send('09121110003', 'پیام سوم')).id];
    await b.drain();
    for (const id of ids) {
      const m = await msg(id);
      expect(m).toMatchObject({ status: 'queued', attempts: 1, lastError: 'کاوه‌نگار پاسخ نامعتبر داد (HTTP ۵۰۰)' });
      const delay = Date.parse(m.nextAttemptAt) - b.t.clock.now.getTime();
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(2000);
    }
    // Not before its time.
    advance(999);
    await b.drain();
    expect((await msg(ids[0]!)).attempts).toBe(1);
    advance(1001);
    await b.drain();
    const second = await msg(ids[0]!);
    expect(second).toMatchObject({ status: 'queued', attempts: 2 });
    const delay2 = Date.parse(second.nextAttemptAt) - b.t.clock.now.getTime();
    expect(delay2).toBeGreaterThanOrEqual(2000);
    expect(delay2).toBeLessThanOrEqual(4000);

    b.fake.recover();
    advance(4000);
    await b.drain();
    for (const id of ids) expect(await msg(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
    const delivered = [...b.fake.messages.values()].filter((m) => ['09121110001', '09121110002', '09121110003'].includes(m.receptor));
    expect(delivered.map((m) => m.message).sort()).toEqual(['پیام اول', 'پیام دوم', 'پیام سوم']);
  });

  it('a gateway that hangs is cut off by the timeout and tried again', async () => {
    b.fake.fail({ kind: 'hang' }, 1);
    const { id } = await send('09121110004', 'در انتظار پاسخ');
    const started = Date.now();
    await b.drain();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await msg(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'سرویس کاوه‌نگار در ۱ ثانیه پاسخ نداد' });
    advance(2000);
    await b.drain();
    expect(await msg(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('no credit (418) fails at once with the Persian reason; "retry" queues it again and it goes out', async () => {
    b.fake.fail({ kind: 'code', status: 418 });
    const { id } = await send('09121110005', 'فاکتور شما صادر شد');
    await b.drain();
    const failed = await msg(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'کاوه‌نگار: اعتبار حساب کاوه‌نگار کافی نیست (کد ۴۱۸)', nextAttemptAt: null });
    expect(failed.failedAt).toBe(b.t.clock.now.toISOString());
    advance(3_600_000);
    await b.drain();
    expect((await msg(id)).attempts).toBe(1); // no automatic retry of a permanent failure

    b.fake.recover();
    const again = await b.call('POST', `/api/sms/messages/${id}/retry`);
    expect(again.json()).toMatchObject({ status: 'queued', failedAt: null });
    await b.drain();
    expect(await msg(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    const notFailed = await b.call('POST', `/api/sms/messages/${id}/retry`);
    expect(notFailed.statusCode).toBe(409);
    expect(notFailed.json().detail).toBe('فقط پیامک ناموفق دوباره فرستاده می‌شود.');
  });

  it('an undelivered report (11) marks the message failed with what happened', async () => {
    const { id } = await send('09121110006', 'گوشی خاموش');
    await b.drain();
    const sent = await msg(id);
    b.fake.setDelivery(sent.gatewayMessageId, 11);
    advance(2 * 60_000);
    await b.drain();
    expect(await msg(id)).toMatchObject({ status: 'failed', lastError: 'کاوه‌نگار: به گیرنده نرسید (گوشی خاموش، خارج از دسترس یا شماره غیرفعال)' });
  });

  it('gives up after 24 hours of a gateway that never recovers, and says so', async () => {
    b.fake.fail({ kind: 'http500' });
    const { id } = await send('09121110007', 'هرگز نمی‌رسد');
    for (let i = 0; i < 60; i++) {
      await b.drain();
      const m = await msg(id);
      if (m.status === 'failed') break;
      b.t.clock.now = new Date(Date.parse(m.nextAttemptAt));
    }
    const m = await msg(id);
    expect(m.status).toBe('failed');
    expect(m.lastError).toMatch(/^پس از [۰-۹]+ تلاش در ۲۴ ساعت فرستاده نشد\. آخرین خطا: کاوه‌نگار پاسخ نامعتبر داد \(HTTP ۵۰۰\)$/);
    expect(m.attempts).toBeGreaterThan(15);
  });

  it('a worker that died mid-send leaves "sending"; the job is taken again after its lease and the SMS goes out once', async () => {
    const { id } = await send('09121110008', 'پس از راه‌اندازی دوباره');
    const db = b.t.app.db;
    // As a crashed worker leaves it: message claimed and request made, nothing recorded.
    await db.execute(sql`update sms_messages set status = 'sending', attempts = 1, updated_at = ${b.t.clock.now.toISOString()}::timestamptz where id = ${id}`);
    await db.execute(sql`update jobs set status = 'running', attempts = 1, locked_by = 'dead', locked_until = ${new Date(b.t.clock.now.getTime() + 5 * 60_000).toISOString()}::timestamptz
      where kind = ${SEND_JOB} and payload->>'messageId' = ${id}`);
    const requestsBefore = b.fake.sends().length;
    const { kavenegarGateway } = await import('../gateways/kavenegar.js');
    await kavenegarGateway({ apiKey: '6B7A2F3E4D5C6B7A8F9E0D1C2B3A4F5E6D7C8B9A', sender: null, baseUrl: b.fake.baseUrl, timeoutMs: 1000 }, { info: () => undefined, warn: () => undefined })
      .send({ id, to: '09121110008', text: 'پس از راه‌اندازی دوباره' }); // the request the dead worker had made
    await b.drain();
    expect((await msg(id)).status).toBe('sending'); // lease not over yet
    advance(5 * 60_000 + 1);
    await b.drain();
    expect(await msg(id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(b.fake.sends().length).toBe(requestsBefore + 2);
    expect([...b.fake.messages.values()].filter((m) => m.receptor === '09121110008')).toHaveLength(1); // localid: sent once
  });

  it('other modules queue in their own transaction: rolled back, there is no message and no job', async () => {
    const { systemCtx } = await import('./system-ctx.js');
    const ctx = systemCtx(b.t.app.db, b.t.tenantId, () => b.t.clock.now);
    await expect(inTenant(b.t.app.db, ctx, async (tx) => {
      await queueSms(tx, ctx, { to: '09121110009', text: 'یادآور', reference: 'reminder:42' });
      throw new Error('the reminder was not saved');
    })).rejects.toThrow('the reminder was not saved');
    expect(await b.t.app.db.$count(smsMessages, eq(smsMessages.reference, 'reminder:42'))).toBe(0);
    const row = await inTenant(b.t.app.db, ctx, (tx) => queueSms(tx, ctx, { to: '+98 912 111 0009', text: 'یادآور', reference: 'reminder:42' }));
    expect(row).toMatchObject({ to: '09121110009', status: 'queued', reference: 'reminder:42', createdBy: null });
    expect(await b.t.app.db.$count(jobs, and(eq(jobs.kind, SEND_JOB), sql`${jobs.payload}->>'messageId' = ${row.id}`))).toBe(1);
    await expect(inTenant(b.t.app.db, ctx, (tx) => queueSms(tx, ctx, { to: '0912', text: 'x' }))).rejects.toThrow('شماره موبایل گیرنده معتبر نیست');
    const list = (await b.call('GET', '/api/sms/messages?reference=reminder:42')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([row.id]);
  });
});
