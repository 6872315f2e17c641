import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, genericHttpGateway, type GenericHttpConfig } from '../gateways/generic-http.js';
import { devLogGateway } from '../gateways/dev-log.js';
import type { SmsLogger } from '../sms-runtime.js';

const SECRET = 'tok-9f8e7d6c5b4a';
const lines: string[] = [];
const log: SmsLogger = { info: (o, m) => lines.push(`${m} ${JSON.stringify(o)}`), warn: (o, m) => lines.push(`${m} ${JSON.stringify(o)}`) };
type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
const seen: Seen[] = [];
let answer = { status: 200, body: '{"data":{"messageId":991}}' };
let base = '';
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const cfg = (over: Partial<GenericHttpConfig> = {}): GenericHttpConfig => ({
  url: `${base}/send?key={secret}&to={to98}`, method: 'POST', bodyFormat: 'json', bodyTemplate: '{"mobile":"{to}","message":"{text}","ref":"{id}"}',
  headers: [{ name: 'Authorization', value: 'Bearer {secret}' }], messageIdPath: 'data.messageId', secret: SECRET, timeoutMs: 3000, ...over,
});
const sms = { id: 'a1b2', to: '09121234567', text: 'سلام "علی"\nجلسه & ساعت ۱۰' };

describe('generic HTTP gateway', () => {
  it('fills placeholders escaped for where they stand and reads the message id from the answer', async () => {
    answer = { status: 200, body: '{"data":{"messageId":991}}' };
    expect(await genericHttpGateway(cfg(), log).send(sms)).toEqual({ kind: 'sent', gatewayMessageId: '991' });
    const req = seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(`/send?key=${SECRET}&to=989121234567`);
    expect(req.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req.headers['content-type']).toContain('application/json');
    expect(JSON.parse(req.body)).toEqual({ mobile: '09121234567', message: sms.text, ref: 'a1b2' });
  });

  it('form bodies are form-encoded', async () => {
    await genericHttpGateway(cfg({ bodyFormat: 'form', bodyTemplate: 'to={to}&text={text}' }), log).send(sms);
    expect(Object.fromEntries(new URLSearchParams(seen.at(-1)!.body))).toEqual({ to: '09121234567', text: sms.text });
    expect(fillTemplate('{to}-{unknown}', { to: '0912' }, (v) => v)).toBe('0912-{unknown}');
  });

  it('5xx is retried, other 4xx fail with what the gateway said — with the secret blanked', async () => {
    answer = { status: 503, body: 'busy' };
    expect((await genericHttpGateway(cfg(), log).send(sms)).kind).toBe('retry');
    answer = { status: 401, body: `{"error":"bad token ${SECRET}"}` };
    expect(await genericHttpGateway(cfg(), log).send(sms)).toEqual({ kind: 'failed', reason: 'درگاه پیامک خطای HTTP ۴۰۱ داد: {"error":"bad token ***"}' });
    for (const l of lines) expect(l).not.toContain(SECRET);
  });

  it('the development sink writes to the log and counts as sent', async () => {
    const out = await devLogGateway(log).send({ id: '12345678-aaaa', to: '09121234567', text: 'آزمایش' });
    expect(out).toEqual({ kind: 'sent', gatewayMessageId: 'dev-12345678' });
    expect(lines.at(-1)).toContain('آزمایش');
  });
});
