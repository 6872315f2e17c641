import type { SmsLogger } from '../sms-runtime.js';
import type { ResolvedSmsSettings } from '../sms-settings.service.js';
import { devLogGateway } from './dev-log.js';
import { genericHttpGateway } from './generic-http.js';
import { kavenegarGateway } from './kavenegar.js';
import type { SmsGateway } from './types.js';

export type { DeliveryReport, OutgoingSms, SendOutcome, SmsGateway } from './types.js';

/** Not configured: nothing is sent and nothing is lost — the message waits and is retried. */
const unconfigured = (reason: string): SmsGateway => ({ kind: 'none', send: async () => ({ kind: 'retry', reason }) });

/** The adapter for a company's settings; a chosen gateway that lacks what it needs behaves as not configured. */
export function gatewayFor(s: ResolvedSmsSettings, log: SmsLogger): SmsGateway {
  const timeoutMs = s.timeoutSeconds * 1000;
  switch (s.gateway) {
    case 'kavenegar':
      if (!s.kavenegar.apiKey) return unconfigured('کلید API کاوه‌نگار در تنظیمات پیامک ثبت نشده است');
      return kavenegarGateway({ apiKey: s.kavenegar.apiKey, sender: s.kavenegar.sender, baseUrl: s.kavenegar.baseUrl, timeoutMs }, log);
    case 'generic-http':
      if (!s.generic.url) return unconfigured('نشانی درگاه پیامک در تنظیمات ثبت نشده است');
      return genericHttpGateway({ ...s.generic, url: s.generic.url, timeoutMs }, log);
    case 'dev-log':
      return devLogGateway(log);
    default:
      return unconfigured('درگاه پیامک تنظیم نشده است؛ در «تنظیمات › درگاه پیامک» یکی را انتخاب کنید');
  }
}

/** Delivery reports come from Kavenegar only; asking needs its key even if the company has since switched. */
export function statusGatewayFor(s: ResolvedSmsSettings, log: SmsLogger): SmsGateway | null {
  if (!s.kavenegar.apiKey) return null;
  return kavenegarGateway({ apiKey: s.kavenegar.apiKey, sender: s.kavenegar.sender, baseUrl: s.kavenegar.baseUrl, timeoutMs: s.timeoutSeconds * 1000 }, log);
}
