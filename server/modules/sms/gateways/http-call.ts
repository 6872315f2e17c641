// One HTTP call to a gateway with a hard deadline (AbortController: connect, headers and body all count),
// turning every network failure into a Persian, retryable GatewayError that never contains a secret.
import { toPersianDigits } from '../../../../common/text.js';
import { GatewayError } from './types.js';

export type HttpAnswer = { status: number; body: string };

/** Replaces every occurrence of each secret (raw and URL-encoded) with ***. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('***');
  }
  return out;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'اتصال را نپذیرفت',
  ECONNRESET: 'اتصال را نیمه‌کاره بست',
  ENOTFOUND: 'نشانی‌اش پیدا نشد (DNS)',
  EAI_AGAIN: 'نشانی‌اش موقتاً پیدا نشد (DNS)',
  ETIMEDOUT: 'در زمان مجاز وصل نشد',
  EHOSTUNREACH: 'در دسترس نیست',
  ENETUNREACH: 'شبکه در دسترس نیست',
  UND_ERR_SOCKET: 'اتصال را نیمه‌کاره بست',
};

function networkCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string; errors?: { code?: string }[] } };
  return e?.cause?.code ?? e?.cause?.errors?.[0]?.code ?? e?.code;
}

export async function httpCall(url: string, init: RequestInit, opts: { timeoutMs: number; label: string }): Promise<HttpAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    const res = await fetch(url, { ...init, signal: controller.signal, redirect: 'error' });
    const body = await res.text();
    return { status: res.status, body };
  } catch (err) {
    if (controller.signal.aborted) {
      throw new GatewayError(`${opts.label} در ${toPersianDigits(Math.ceil(opts.timeoutMs / 1000))} ثانیه پاسخ نداد`, true);
    }
    const code = networkCode(err);
    const reason = (code && NETWORK_REASONS[code]) ?? 'در دسترس نیست (خطای شبکه)';
    throw new GatewayError(`${opts.label} ${reason}`, true);
  } finally {
    clearTimeout(timer);
  }
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The first characters of an answer, one line, for a reason a person reads. */
export const snippet = (body: string, max = 160) => {
  const one = body.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
};
