// A local stand-in for api.kavenegar.com that answers as Kavenegar documents (kavenegar.com/rest.html):
// the key in the path, form fields receptor/message/sender/localid, `{return:{status,message}, entries}`
// with the HTTP status equal to return.status, localid de-duplication, and status.json by message id.
// Tests switch it to fail (HTTP 500 without JSON, hanging, or a Kavenegar error code) and back.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type FakeMode = { kind: 'ok' } | { kind: 'http500' } | { kind: 'hang' } | { kind: 'code'; status: number };
export type Received = { method: string; path: string; apiKey: string; endpoint: string; params: Record<string, string> };
type Stored = { messageid: number; receptor: string; message: string; sender: string; localid: string | null; status: number };

const MESSAGES: Record<number, string> = {
  200: 'تایید شد', 400: 'پارامترها ناقص هستند', 401: 'حساب کاربری غیرفعال شده است', 403: 'کد شناسائی API-Key معتبر نمیباشد',
  404: 'متد نامشخص است', 405: 'متد Get/Post اشتباه است', 409: 'سرور قادر به پاسخگوئی نیست بعدا تلاش کنید', 411: 'دریافت کننده نامعتبر است',
  412: 'ارسال کننده نامعتبر است', 413: 'پیام خالی است و یا طول پیام بیش از حد مجاز میباشد', 418: 'اعتبار شما کافی نمیباشد',
  451: 'فراخوانی بیش از حد در بازه زمانی مشخص IP محدود شده',
};
const STATUS_TEXT: Record<number, string> = { 1: 'در صف ارسال', 4: 'ارسال شده به مخابرات', 5: 'ارسال شده به مخابرات', 6: 'خطا در ارسال پیام', 10: 'رسیده به گیرنده', 11: 'نرسیده به گیرنده', 13: 'لغو شده', 14: 'بلاک شده', 100: 'شناسه نامعتبر' };

export async function startFakeKavenegar(opts: { apiKey: string }) {
  let mode: FakeMode = { kind: 'ok' };
  let failuresLeft = Infinity;
  let nextId = 8_420_000;
  const received: Received[] = [];
  const messages = new Map<number, Stored>();
  const byLocalId = new Map<string, number>();
  const sockets = new Set<Socket>();

  const answer = (res: ServerResponse, status: number, entries: unknown[] | null) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ return: { status, message: MESSAGES[status] ?? 'خطا' }, entries }));
  };

  const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = req.method === 'POST' ? await readBody(req) : '';
    const params = Object.fromEntries([...url.searchParams, ...new URLSearchParams(body)]);
    const m = /^\/v1\/([^/]+)\/(sms\/(?:send|status))\.json$/.exec(url.pathname);
    received.push({ method: req.method ?? '', path: url.pathname, apiKey: decodeURIComponent(m?.[1] ?? ''), endpoint: m?.[2] ?? url.pathname, params });

    if (mode.kind !== 'ok' && failuresLeft > 0) {
      failuresLeft--;
      if (mode.kind === 'hang') return; // never answers; the client's timeout must end it
      if (mode.kind === 'http500') {
        res.writeHead(500, { 'content-type': 'text/html' });
        return res.end('<html><body>500 Internal Server Error</body></html>');
      }
      return answer(res, mode.status, null);
    }
    if (!m) return answer(res, 404, null);
    if (decodeURIComponent(m[1]!) !== opts.apiKey) return answer(res, 403, null);

    if (m[2] === 'sms/send') {
      if (req.method !== 'POST' && req.method !== 'GET') return answer(res, 405, null);
      const { receptor = '', message = '', sender = '', localid = '' } = params;
      if (!receptor || !message) return answer(res, receptor ? 413 : 400, null);
      if (!/^(?:0|98|\+98|0098)?9\d{9}$/.test(receptor)) return answer(res, 411, null);
      if (sender && !/^\d+$/.test(sender)) return answer(res, 412, null);
      if (message.length > 900) return answer(res, 413, null);
      // Documented: a repeated localid returns the message already sent instead of sending again.
      const previous = localid ? byLocalId.get(localid) : undefined;
      const stored = previous !== undefined ? messages.get(previous)! : { messageid: nextId++, receptor, message, sender: sender || '10004346', localid: localid || null, status: 1 };
      messages.set(stored.messageid, stored);
      if (localid) byLocalId.set(localid, stored.messageid);
      return answer(res, 200, [{ messageid: stored.messageid, message: stored.message, status: stored.status, statustext: STATUS_TEXT[stored.status], sender: stored.sender, receptor: stored.receptor, date: Math.floor(Date.now() / 1000), cost: 120 }]);
    }
    const ids = (params.messageid ?? '').split(',').filter(Boolean);
    if (!ids.length) return answer(res, 400, null);
    return answer(res, 200, ids.map((id) => {
      const s = messages.get(Number(id));
      const status = s?.status ?? 100;
      return { messageid: Number(id), status, statustext: STATUS_TEXT[status] };
    }));
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    messages,
    /** Fails the next `times` requests (all of them when omitted) in this way, then answers normally again. */
    fail(how: Exclude<FakeMode, { kind: 'ok' }>, times = Infinity) { mode = how; failuresLeft = times; },
    recover() { mode = { kind: 'ok' }; failuresLeft = Infinity; },
    /** What the operator reports for a message: 10 delivered, 11 undelivered, 4 sent to the carrier… */
    setDelivery(messageid: number | string, status: number) { const s = messages.get(Number(messageid)); if (s) s.status = status; },
    sends: () => received.filter((r) => r.endpoint === 'sms/send'),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeKavenegar = Awaited<ReturnType<typeof startFakeKavenegar>>;
