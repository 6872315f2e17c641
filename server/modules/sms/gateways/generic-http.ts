// Any HTTP SMS gateway: a URL, a method, headers and a body template with placeholders. Each placeholder is
// escaped for where it stands (URL → percent-encoding, JSON body → a JSON string's content, form body →
// form encoding), so a message text can never break the request. Success is any 2xx answer.
//   {to} 09xxxxxxxxx   {to98} 989xxxxxxxxx   {text}   {id} our message id   {secret} the stored secret
import { toPersianDigits } from '../../../../common/text.js';
import type { SmsLogger } from '../sms-runtime.js';
import { httpCall, parseJson, redact, snippet } from './http-call.js';
import { GatewayError, type OutgoingSms, type SendOutcome, type SmsGateway } from './types.js';

export type GenericHttpConfig = {
  url: string;
  method: 'POST' | 'GET' | 'PUT';
  bodyFormat: 'json' | 'form' | 'text';
  bodyTemplate: string | null;
  headers: { name: string; value: string }[];
  /** Where the gateway's message id is in a JSON answer, e.g. `data.messageId` or `entries.0.id`. */
  messageIdPath: string | null;
  secret: string | null;
  timeoutMs: number;
};

const LABEL = 'درگاه پیامک';
const CONTENT_TYPE = { json: 'application/json; charset=utf-8', form: 'application/x-www-form-urlencoded; charset=utf-8', text: 'text/plain; charset=utf-8' };

type Escape = (v: string) => string;
const jsonEscape: Escape = (v) => JSON.stringify(v).slice(1, -1);
const formEscape: Escape = (v) => new URLSearchParams({ v }).toString().slice(2);
const noEscape: Escape = (v) => v;

export function fillTemplate(template: string, values: Record<string, string>, escape: Escape): string {
  return template.replace(/\{(to98|to|text|id|secret)\}/g, (_, name: string) => escape(values[name] ?? ''));
}

export function valueAtPath(json: unknown, path: string): unknown {
  let cur = json;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function genericHttpGateway(cfg: GenericHttpConfig, log: SmsLogger): SmsGateway {
  const safe = (text: string) => redact(text, [cfg.secret]);
  return {
    kind: 'generic-http',
    async send(sms: OutgoingSms): Promise<SendOutcome> {
      const values = { to: sms.to, to98: `98${sms.to.slice(1)}`, text: sms.text, id: sms.id, secret: cfg.secret ?? '' };
      const url = fillTemplate(cfg.url, values, encodeURIComponent);
      const headers: Record<string, string> = { accept: 'application/json, text/plain, */*' };
      for (const h of cfg.headers) headers[h.name] = fillTemplate(h.value, values, noEscape).replace(/[\r\n]/g, '');
      let body: string | undefined;
      if (cfg.method !== 'GET' && cfg.bodyTemplate) {
        body = fillTemplate(cfg.bodyTemplate, values, cfg.bodyFormat === 'json' ? jsonEscape : cfg.bodyFormat === 'form' ? formEscape : noEscape);
        if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = CONTENT_TYPE[cfg.bodyFormat];
      }
      const shownUrl = safe(cfg.url);
      try {
        const answer = await httpCall(url, { method: cfg.method, headers, ...(body !== undefined ? { body } : {}) }, { timeoutMs: cfg.timeoutMs, label: LABEL });
        log.info({ gateway: 'generic-http', url: shownUrl, httpStatus: answer.status }, 'sms gateway call');
        if (answer.status >= 200 && answer.status < 300) {
          const id = cfg.messageIdPath ? valueAtPath(parseJson(answer.body), cfg.messageIdPath) : undefined;
          return { kind: 'sent', gatewayMessageId: id === undefined || id === null ? null : String(id) };
        }
        const retry = answer.status >= 500 || answer.status === 429 || answer.status === 408;
        const said = snippet(safe(answer.body));
        const reason = `${LABEL} خطای HTTP ${toPersianDigits(answer.status)} داد${said ? `: ${said}` : ''}`;
        return retry ? { kind: 'retry', reason } : { kind: 'failed', reason };
      } catch (err) {
        if (!(err instanceof GatewayError)) throw err;
        const reason = safe(err.message);
        log.warn({ gateway: 'generic-http', url: shownUrl, error: reason }, 'sms gateway unreachable');
        return err.retry ? { kind: 'retry', reason } : { kind: 'failed', reason };
      }
    },
  };
}
