import { z } from 'zod';
import { normalizeMobile } from '../validators/mobile.js';
import { zJalaliDate, zOptional, zPersianText } from '../validators/zod.js';
import { toLatinDigits } from '../text.js';

/** The SMS outbox and its gateway settings: defined once for the API, OpenAPI and the web screens. */

export const SMS_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];
export const SMS_STATUS_LABELS: Record<SmsStatus, { fa: string; en: string }> = {
  queued: { fa: 'در صف', en: 'Queued' },
  sending: { fa: 'در حال ارسال', en: 'Sending' },
  sent: { fa: 'ارسال‌شده', en: 'Sent' },
  delivered: { fa: 'رسیده', en: 'Delivered' },
  failed: { fa: 'ناموفق', en: 'Failed' },
};

export const SMS_GATEWAYS = ['none', 'kavenegar', 'generic-http', 'dev-log'] as const;
export type SmsGatewayKind = (typeof SMS_GATEWAYS)[number];
export const SMS_GATEWAY_LABELS: Record<SmsGatewayKind, { fa: string; en: string }> = {
  none: { fa: 'تنظیم نشده (پیامک‌ها در صف می‌مانند)', en: 'Not configured (messages wait)' },
  kavenegar: { fa: 'کاوه‌نگار', en: 'Kavenegar' },
  'generic-http': { fa: 'درگاه HTTP دلخواه', en: 'Generic HTTP gateway' },
  'dev-log': { fa: 'آزمایشی: فقط در گزارش سرور نوشته شود', en: 'Development: write to the server log' },
};

export const SMS_MAX_LENGTH = 900;

/** SMS parts as phones count them: Persian text is UCS-2 (70 per part, 67 when split), Latin GSM-7 (160/153). */
export function smsParts(text: string): number {
  if (!text) return 0;
  const unicode = /[^\x00-\x7F]/.test(text);
  const [single, multi] = unicode ? [70, 67] : [160, 153];
  const len = [...text].length;
  return len <= single ? 1 : Math.ceil(len / multi);
}

export const MOBILE_INVALID = 'شماره موبایل گیرنده معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ یا ‎+989121234567';

/** A receiver's mobile in any common form (Persian digits, +98, 0098, spaces) → 09xxxxxxxxx. */
export const zSmsReceiver = z.preprocess(
  (v) => (typeof v === 'string' ? (normalizeMobile(v) ?? v) : v),
  z.string({ error: (iss) => (iss.input == null ? 'شماره موبایل گیرنده الزامی است' : MOBILE_INVALID) })
    .min(1, { error: 'شماره موبایل گیرنده الزامی است', abort: true })
    .refine((v) => normalizeMobile(v) === v, { error: MOBILE_INVALID }),
);

const reference = zOptional(z.preprocess((v) => (typeof v === 'string' ? toLatinDigits(v).trim() : v), z.string().max(120, 'مرجع حداکثر ۱۲۰ نویسه است'))).nullable();

export const smsSendBody = z.object({
  to: zSmsReceiver,
  text: zPersianText({ label: 'متن پیامک', max: SMS_MAX_LENGTH, multiline: true }),
  reference,
});
export type SmsSendBody = z.infer<typeof smsSendBody>;

export const smsMessageOut = z.object({
  id: z.string(),
  to: z.string(),
  text: z.string(),
  parts: z.number(),
  status: z.enum(SMS_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  gateway: z.string().nullable(),
  gatewayMessageId: z.string().nullable(),
  deliveryStatus: z.string().nullable(),
  reference: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
});
export type SmsMessageOut = z.infer<typeof smsMessageOut>;

/** Any part of the number, in any digits. */
const numberPart = z.preprocess((v) => (typeof v === 'string' ? toLatinDigits(v).replace(/\D/g, '') : v), z.string().max(15)).optional();

export const smsListQuery = z.object({
  status: z.enum(SMS_STATUSES).optional(),
  to: numberPart,
  reference: z.string().max(120).optional(),
  createdFrom: zOptional(zJalaliDate('از تاریخ')),
  createdTo: zOptional(zJalaliDate('تا تاریخ')),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export type SmsListQuery = z.infer<typeof smsListQuery>;
export type SmsFilters = Omit<SmsListQuery, 'limit' | 'cursor'>;
/** The outbox screen's filters; `q` is its search box (part of the number), the same as `to`. */
export const smsExportQuery = smsListQuery.omit({ limit: true, cursor: true }).extend({ q: numberPart, format: z.enum(['csv', 'xlsx']).default('xlsx') });
export const smsListOut = z.object({ items: z.array(smsMessageOut), nextCursor: z.string().nullable() });

// ── Gateway settings ──────────────────────────────────────────────────────────
/** A secret field of the form: empty or absent keeps the stored value; `clear…` removes it. */
const secretInput = (label: string) => zOptional(z.string().trim().max(500, `${label} حداکثر ۵۰۰ نویسه است`)).nullable();
const httpUrl = (label: string) => z.string().trim().max(1000)
  .refine((v) => { try { return ['http:', 'https:'].includes(new URL(v).protocol); } catch { return false; } }, { error: `${label} باید نشانی http یا https باشد` });

export const GENERIC_METHODS = ['POST', 'GET', 'PUT'] as const;
export const GENERIC_BODY_FORMATS = ['json', 'form', 'text'] as const;
const headerName = z.string().trim().regex(/^[A-Za-z0-9-]{1,100}$/, 'نام سرآیند فقط حروف لاتین، رقم و خط تیره است');
const headerValue = z.string().max(1000).refine((v) => !/[\r\n]/.test(v), 'مقدار سرآیند نباید خط تازه داشته باشد');

export const smsSettingsBody = z.object({
  gateway: z.enum(SMS_GATEWAYS),
  timeoutSeconds: z.coerce.number().int().min(1, 'مهلت پاسخ درگاه دست‌کم ۱ ثانیه است').max(60, 'مهلت پاسخ درگاه حداکثر ۶۰ ثانیه است').default(10),
  kavenegar: z.object({
    apiKey: secretInput('کلید API'),
    clearApiKey: z.boolean().optional(),
    sender: zOptional(z.preprocess((v) => (typeof v === 'string' ? toLatinDigits(v).replace(/\s/g, '') : v), z.string().regex(/^\+?\d{4,20}$/, 'شماره خط ارسال فقط رقم است'))).nullable(),
    baseUrl: zOptional(httpUrl('نشانی سرویس کاوه‌نگار')).nullable(),
  }).default({ apiKey: null, sender: null, baseUrl: null }),
  generic: z.object({
    url: zOptional(httpUrl('نشانی درگاه')).nullable(),
    method: z.enum(GENERIC_METHODS).default('POST'),
    bodyFormat: z.enum(GENERIC_BODY_FORMATS).default('json'),
    bodyTemplate: zOptional(z.string().max(4000, 'الگوی بدنه حداکثر ۴۰۰۰ نویسه است')).nullable(),
    headers: z.array(z.object({ name: headerName, value: headerValue })).max(20).default([]),
    messageIdPath: zOptional(z.string().trim().regex(/^[A-Za-z0-9_.-]{1,200}$/, 'مسیر شناسهٔ پیامک مانند data.messageId است')).nullable(),
    secret: secretInput('رمز یا توکن درگاه'),
    clearSecret: z.boolean().optional(),
  }).default({ method: 'POST', bodyFormat: 'json', headers: [], bodyTemplate: null, url: null, messageIdPath: null, secret: null }),
});
export type SmsSettingsBody = z.infer<typeof smsSettingsBody>;

export const smsSettingsOut = z.object({
  gateway: z.enum(SMS_GATEWAYS),
  timeoutSeconds: z.number(),
  kavenegar: z.object({ apiKeySet: z.boolean(), apiKeyLast4: z.string().nullable(), sender: z.string().nullable(), baseUrl: z.string().nullable() }),
  generic: z.object({
    url: z.string().nullable(), method: z.enum(GENERIC_METHODS), bodyFormat: z.enum(GENERIC_BODY_FORMATS), bodyTemplate: z.string().nullable(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })), messageIdPath: z.string().nullable(),
    secretSet: z.boolean(), secretLast4: z.string().nullable(),
  }),
  updatedAt: z.string().nullable(),
});
export type SmsSettingsOut = z.infer<typeof smsSettingsOut>;

export const smsTestBody = z.object({
  to: zSmsReceiver,
  text: zOptional(zPersianText({ label: 'متن پیامک', max: SMS_MAX_LENGTH, multiline: true })),
});
