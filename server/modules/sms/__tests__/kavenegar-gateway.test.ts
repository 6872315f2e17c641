// The Kavenegar adapter against the local fake that answers as Kavenegar documents.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kavenegarGateway, localIdOf } from '../gateways/kavenegar.js';
import type { SmsLogger } from '../sms-runtime.js';
import { startFakeKavenegar, type FakeKavenegar } from './fake-kavenegar.js';

const API_KEY = '7A4F6B2D5C3E1A0B9C8D7E6F5A4B3C2D1E0F9A8B';
const lines: string[] = [];
const log: SmsLogger = { info: (o, m) => lines.push(`${m} ${JSON.stringify(o)}`), warn: (o, m) => lines.push(`${m} ${JSON.stringify(o)}`) };
let fake: FakeKavenegar;
const gw = (over: Partial<{ apiKey: string; timeoutMs: number; sender: string | null }> = {}) =>
  kavenegarGateway({ apiKey: API_KEY, sender: '10004346', baseUrl: fake.baseUrl, timeoutMs: 5000, ...over }, log);
/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}
const sms = (id = '3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b') => ({ id, to: '09121234567', text: 'یادآوری: جلسه فردا ساعت ۱۰' });

beforeAll(async () => { fake = await startFakeKavenegar({ apiKey: API_KEY }); });
afterAll(async () => { await fake.close(); });
beforeEach(() => { fake.recover(); });

describe('Kavenegar adapter', () => {
  it('sends with the documented form fields and returns the message id; status.json reports delivery', async () => {
    const out = await gw().send(sms());
    expect(out).toEqual({ kind: 'sent', gatewayMessageId: expect.stringMatching(/^\d+$/), deliveryStatus: 'در صف ارسال' });
    const req = fake.sends().at(-1)!;
    expect(req).toMatchObject({ method: 'POST', path: `/v1/${API_KEY}/sms/send.json`, apiKey: API_KEY });
    expect(req.params).toEqual({ receptor: '09121234567', message: 'یادآوری: جلسه فردا ساعت ۱۰', sender: '10004346', localid: localIdOf(sms().id) });

    const id = (out as { gatewayMessageId: string }).gatewayMessageId;
    expect((await gw().status!([id])).get(id)).toEqual({ state: 'pending', text: 'در صف ارسال' });
    fake.setDelivery(id, 10);
    expect((await gw().status!([id, '999'])).get(id)).toEqual({ state: 'delivered', text: 'رسیده به گیرنده' });
    fake.setDelivery(id, 11);
    expect((await gw().status!([id])).get(id)!.state).toBe('failed');
    expect((await gw().status!(['999'])).get('999')!.state).toBe('unknown');
  });

  it('a repeated attempt of one message uses the same localid, so Kavenegar does not send it twice', async () => {
    const before = fake.messages.size;
    const a = await gw().send(sms('11111111-2222-4333-8444-555555555555'));
    const b = await gw().send(sms('11111111-2222-4333-8444-555555555555'));
    expect(a).toEqual(b);
    expect(fake.messages.size).toBe(before + 1);
  });

  it('no credit (418), a wrong key (403) and an invalid receptor (411) fail at once with a Persian reason', async () => {
    fake.fail({ kind: 'code', status: 418 });
    expect(await gw().send(sms())).toEqual({ kind: 'failed', reason: 'کاوه‌نگار: اعتبار حساب کاوه‌نگار کافی نیست (کد ۴۱۸)' });
    fake.recover();
    expect(await gw({ apiKey: 'WRONG-KEY-0000' }).send(sms())).toEqual({ kind: 'failed', reason: 'کاوه‌نگار: کلید API کاوه‌نگار معتبر نیست (کد ۴۰۳)' });
    expect(await gw().send({ ...sms(), to: '0912' })).toEqual({ kind: 'failed', reason: 'کاوه‌نگار: شماره گیرنده نامعتبر است (کد ۴۱۱)' });
  });

  it('HTTP 500 without JSON, "server busy" (409) and rate limiting (451) are retried later', async () => {
    fake.fail({ kind: 'http500' });
    expect(await gw().send(sms())).toEqual({ kind: 'retry', reason: 'کاوه‌نگار پاسخ نامعتبر داد (HTTP ۵۰۰)' });
    fake.fail({ kind: 'code', status: 409 });
    expect((await gw().send(sms())).kind).toBe('retry');
    fake.fail({ kind: 'code', status: 451 });
    expect((await gw().send(sms())).kind).toBe('retry');
  });

  it('a hanging server is cut off by the timeout; a closed port is a network error; both retried', async () => {
    fake.fail({ kind: 'hang' });
    const started = Date.now();
    expect(await gw({ timeoutMs: 300 }).send(sms())).toEqual({ kind: 'retry', reason: 'سرویس کاوه‌نگار در ۱ ثانیه پاسخ نداد' });
    expect(Date.now() - started).toBeLessThan(3000);
    const closed = kavenegarGateway({ apiKey: API_KEY, sender: null, baseUrl: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 2000 }, log);
    expect(await closed.send(sms())).toEqual({ kind: 'retry', reason: 'سرویس کاوه‌نگار اتصال را نپذیرفت' });
    await expect(closed.status!(['1'])).rejects.toThrow('سرویس کاوه‌نگار اتصال را نپذیرفت');
  });

  it('never puts the API key in a log line or a reason', async () => {
    fake.fail({ kind: 'http500' });
    const out = await gw().send(sms());
    expect(JSON.stringify(out)).not.toContain(API_KEY);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).not.toContain(API_KEY);
    expect(lines.some((l) => l.includes('/v1/***/sms/send.json'))).toBe(true);
  });
});
