// The settings form's state and its mapping to the API body. Secrets are write-only: the form starts
// them empty, and an empty secret in the body keeps the stored one.
import type { SmsGatewayKind } from '@common/contracts/sms.contract.js';
import type { SmsSettingsInput, SmsSettingsOut } from './sms-api.js';

export type SettingsForm = {
  gateway: SmsGatewayKind;
  timeoutSeconds: string;
  kavenegarApiKey: string;
  clearKavenegarApiKey: boolean;
  kavenegarSender: string;
  kavenegarBaseUrl: string;
  genericUrl: string;
  genericMethod: 'POST' | 'GET' | 'PUT';
  genericBodyFormat: 'json' | 'form' | 'text';
  genericBodyTemplate: string;
  genericHeaders: { name: string; value: string }[];
  genericMessageIdPath: string;
  genericSecret: string;
  clearGenericSecret: boolean;
};

export const toForm = (s: SmsSettingsOut): SettingsForm => ({
  gateway: s.gateway,
  timeoutSeconds: String(s.timeoutSeconds),
  kavenegarApiKey: '',
  clearKavenegarApiKey: false,
  kavenegarSender: s.kavenegar.sender ?? '',
  kavenegarBaseUrl: s.kavenegar.baseUrl ?? '',
  genericUrl: s.generic.url ?? '',
  genericMethod: s.generic.method,
  genericBodyFormat: s.generic.bodyFormat,
  genericBodyTemplate: s.generic.bodyTemplate ?? '{"to":"{to}","text":"{text}"}',
  genericHeaders: s.generic.headers,
  genericMessageIdPath: s.generic.messageIdPath ?? '',
  genericSecret: '',
  clearGenericSecret: false,
});

export const toBody = (f: SettingsForm): SmsSettingsInput => ({
  gateway: f.gateway,
  timeoutSeconds: f.timeoutSeconds,
  kavenegar: { apiKey: f.kavenegarApiKey || null, clearApiKey: f.clearKavenegarApiKey, sender: f.kavenegarSender || null, baseUrl: f.kavenegarBaseUrl || null },
  generic: {
    url: f.genericUrl || null, method: f.genericMethod, bodyFormat: f.genericBodyFormat, bodyTemplate: f.genericBodyTemplate || null,
    headers: f.genericHeaders.filter((h) => h.name.trim()), messageIdPath: f.genericMessageIdPath || null,
    secret: f.genericSecret || null, clearSecret: f.clearGenericSecret,
  },
});

/** Server field paths (kavenegar.apiKey, generic.url…) → the form's field names. */
export const FIELD_OF: Record<string, keyof SettingsForm> = {
  timeoutSeconds: 'timeoutSeconds', 'kavenegar.apiKey': 'kavenegarApiKey', 'kavenegar.sender': 'kavenegarSender', 'kavenegar.baseUrl': 'kavenegarBaseUrl',
  'generic.url': 'genericUrl', 'generic.bodyTemplate': 'genericBodyTemplate', 'generic.messageIdPath': 'genericMessageIdPath', 'generic.secret': 'genericSecret',
};
