// Kavenegar's REST API (kavenegar.com/rest.html): the API key is part of the URL path, so it must never
// reach a log line or an error message — every text leaving this file goes through `redact`.
//   send:   POST {base}/v1/{API-KEY}/sms/send.json   form: receptor, message, sender?, localid?
//   status: GET  {base}/v1/{API-KEY}/sms/status.json?messageid=1,2,…   (up to 500, last 48 hours)
//   answer: {"return":{"status":200,"message":"تایید شد"},"entries":[{messageid, status, statustext, …}]}
// The HTTP status of an error answer is the same number as return.status (e.g. 418 with a JSON body).
import { toPersianDigits } from '../../../../common/text.js';
import { deliveryCode, returnCode } from '../domain/kavenegar-codes.js';
import type { SmsLogger } from '../sms-runtime.js';
import { httpCall, parseJson, redact, type HttpAnswer } from './http-call.js';
import { GatewayError, type DeliveryReport, type OutgoingSms, type SendOutcome, type SmsGateway } from './types.js';

export const KAVENEGAR_BASE_URL = 'https://api.kavenegar.com';
const LABEL = 'کاوه‌نگار';

export type KavenegarConfig = { apiKey: string; sender: string | null; baseUrl: string | null; timeoutMs: number };

type Entry = { messageid?: number | string; status?: number | string; statustext?: string };
type Answer = { return?: { status?: number | string; message?: string }; entries?: Entry[] | null };

/**
 * Kavenegar's `localid`: a number of ours; a second send with the same one returns the first message instead
 * of sending again. A retry after a timeout (the first request may have arrived) so does not double the SMS.
 */
export const localIdOf = (messageId: string) => String(parseInt(messageId.replace(/-/g, '').slice(0, 13), 16));

export function kavenegarGateway(cfg: KavenegarConfig, log: SmsLogger): SmsGateway {
  const base = (cfg.baseUrl || KAVENEGAR_BASE_URL).replace(/\/+$/, '');
  const url = (method: string, query = '') => `${base}/v1/${encodeURIComponent(cfg.apiKey)}/sms/${method}.json${query ? `?${query}` : ''}`;
  const safe = (text: string) => redact(text, [cfg.apiKey]);

  async function call(method: string, init: RequestInit, query = ''): Promise<{ answer: HttpAnswer; json: Answer | undefined }> {
    try {
      const answer = await httpCall(url(method, query), init, { timeoutMs: cfg.timeoutMs, label: `سرویس ${LABEL}` });
      const json = parseJson(answer.body) as Answer | undefined;
      log.info({ gateway: 'kavenegar', url: `${base}/v1/***/sms/${method}.json`, httpStatus: answer.status, returnStatus: json?.return?.status ?? null }, 'sms gateway call');
      return { answer, json };
    } catch (err) {
      const message = safe(err instanceof Error ? err.message : String(err));
      log.warn({ gateway: 'kavenegar', url: `${base}/v1/***/sms/${method}.json`, error: message }, 'sms gateway unreachable');
      throw err instanceof GatewayError ? new GatewayError(message, err.retry) : new GatewayError(message, true);
    }
  }

  /** A non-200 answer as a Persian reason and whether to try again. */
  function problem(answer: HttpAnswer, json: Answer | undefined): GatewayError {
    const status = Number(json?.return?.status);
    if (Number.isInteger(status) && status > 0) {
      const code = returnCode(status);
      return new GatewayError(`${LABEL}: ${code.fa} (کد ${toPersianDigits(status)})`, code.retry);
    }
    const retry = answer.status >= 500 || answer.status === 429 || answer.status === 408;
    return new GatewayError(`${LABEL} پاسخ نامعتبر داد (HTTP ${toPersianDigits(answer.status)})`, retry);
  }

  return {
    kind: 'kavenegar',
    async send(sms: OutgoingSms): Promise<SendOutcome> {
      const form = new URLSearchParams({ receptor: sms.to, message: sms.text, localid: localIdOf(sms.id) });
      if (cfg.sender) form.set('sender', cfg.sender);
      try {
        const { answer, json } = await call('send', { method: 'POST', body: form, headers: { accept: 'application/json' } });
        if (Number(json?.return?.status) !== 200) throw problem(answer, json);
        const entry = json?.entries?.[0];
        const id = entry?.messageid;
        if (id === undefined || id === null || id === '') throw new GatewayError(`${LABEL} شناسهٔ پیامک را برنگرداند`, true);
        const delivery = entry?.status !== undefined ? deliveryCode(Number(entry.status)) : null;
        if (delivery?.state === 'failed') return { kind: 'failed', reason: `${LABEL}: ${delivery.fa}` };
        return { kind: 'sent', gatewayMessageId: String(id), deliveryStatus: delivery?.fa ?? null };
      } catch (err) {
        if (!(err instanceof GatewayError)) throw err;
        return err.retry ? { kind: 'retry', reason: err.message } : { kind: 'failed', reason: err.message };
      }
    },

    async status(ids: string[]): Promise<Map<string, DeliveryReport>> {
      const out = new Map<string, DeliveryReport>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const query = new URLSearchParams({ messageid: chunk.join(',') }).toString();
        const { answer, json } = await call('status', { method: 'GET', headers: { accept: 'application/json' } }, query);
        if (Number(json?.return?.status) !== 200) throw problem(answer, json);
        for (const e of json?.entries ?? []) {
          const code = deliveryCode(Number(e.status));
          out.set(String(e.messageid), { state: code.state, text: code.fa });
        }
      }
      return out;
    },
  };
}
