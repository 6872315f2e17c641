// A company's SMS gateway settings. Secrets (Kavenegar API key, a generic gateway's token) are sealed with
// the installation key before they touch the database, and no answer, audit entry or log line carries them:
// the API says only whether one is set and its last 4 characters.
import { eq } from 'drizzle-orm';
import type { SmsGatewayKind, SmsSettingsBody, SmsSettingsOut } from '../../../common/contracts/sms.contract.js';
import type { Ctx } from '../../platform/context.js';
import { SecretBoxError, secretHint } from '../../platform/crypto/secret-box.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { fieldError } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { smsSecretBox } from './sms-runtime.js';
import { smsSettings, type SmsGatewayConfig } from './sms.table.js';

type Secrets = { kavenegarApiKey?: string; genericSecret?: string };
type Row = typeof smsSettings.$inferSelect;

export type ResolvedSmsSettings = {
  gateway: SmsGatewayKind;
  timeoutSeconds: number;
  kavenegar: { apiKey: string | null; sender: string | null; baseUrl: string | null };
  generic: {
    url: string | null; method: 'POST' | 'GET' | 'PUT'; bodyFormat: 'json' | 'form' | 'text'; bodyTemplate: string | null;
    headers: { name: string; value: string }[]; messageIdPath: string | null; secret: string | null;
  };
};

export const DEFAULT_TIMEOUT_SECONDS = 10;
/** Sealed values are bound to their company: one copied to another tenant's row does not open. */
const sealContext = (tenantId: string) => `sms-settings:${tenantId}`;

const openSecrets = (row: Row | undefined): Secrets =>
  row?.secrets ? (JSON.parse(smsSecretBox().open(row.secrets, sealContext(row.tenantId))) as Secrets) : {};

function resolve(row: Row | undefined, secrets: Secrets): ResolvedSmsSettings {
  const c: SmsGatewayConfig = row?.config ?? {};
  return {
    gateway: row?.gateway ?? 'none',
    timeoutSeconds: c.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    kavenegar: { apiKey: secrets.kavenegarApiKey ?? null, sender: c.kavenegar?.sender ?? null, baseUrl: c.kavenegar?.baseUrl ?? null },
    generic: {
      url: c.generic?.url ?? null, method: c.generic?.method ?? 'POST', bodyFormat: c.generic?.bodyFormat ?? 'json',
      bodyTemplate: c.generic?.bodyTemplate ?? null, headers: c.generic?.headers ?? [], messageIdPath: c.generic?.messageIdPath ?? null,
      secret: secrets.genericSecret ?? null,
    },
  };
}

const rowOf = async (tx: Tx, tenantId: string, lock = false) => {
  const q = tx.select().from(smsSettings).where(eq(smsSettings.tenantId, tenantId));
  return (await (lock ? q.for('update') : q))[0];
};

/** The settings with secrets opened, for sending. Inside the caller's tenant transaction. */
export async function loadSmsSettings(tx: Tx, tenantId: string): Promise<ResolvedSmsSettings> {
  const row = await rowOf(tx, tenantId);
  return resolve(row, openSecrets(row));
}

function publicView(row: Row | undefined): SmsSettingsOut {
  const r = resolve(row, {});
  const hints = row?.secretHints ?? {};
  const has = (k: keyof Secrets) => k in hints;
  return {
    gateway: r.gateway,
    timeoutSeconds: r.timeoutSeconds,
    kavenegar: { apiKeySet: has('kavenegarApiKey'), apiKeyLast4: hints.kavenegarApiKey || null, sender: r.kavenegar.sender, baseUrl: r.kavenegar.baseUrl },
    generic: {
      url: r.generic.url, method: r.generic.method, bodyFormat: r.generic.bodyFormat, bodyTemplate: r.generic.bodyTemplate, headers: r.generic.headers,
      messageIdPath: r.generic.messageIdPath, secretSet: has('genericSecret'), secretLast4: hints.genericSecret || null,
    },
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function getSmsSettings(ctx: Ctx): Promise<SmsSettingsOut> {
  return publicView(await inTenant(ctx.db, ctx, (tx) => rowOf(tx, ctx.tenantId)));
}

/** What the change history shows: the settings, and of each secret only whether it is set or was replaced. */
function auditView(view: SmsSettingsOut, changed: { kavenegarApiKey: boolean; genericSecret: boolean }) {
  const state = (set: boolean, replaced: boolean) => (set ? (replaced ? 'ثبت‌شده (تازه)' : 'ثبت‌شده') : 'ندارد');
  const { kavenegar: k, generic: g } = view;
  return {
    gateway: view.gateway, timeoutSeconds: view.timeoutSeconds,
    kavenegarApiKey: state(k.apiKeySet, changed.kavenegarApiKey), kavenegarSender: k.sender, kavenegarBaseUrl: k.baseUrl,
    genericUrl: g.url, genericMethod: g.method, genericBodyFormat: g.bodyFormat, genericBodyTemplate: g.bodyTemplate,
    genericHeaders: g.headers.map((h) => `${h.name}: ${h.value}`).join('\n') || null, genericMessageIdPath: g.messageIdPath,
    genericSecret: state(g.secretSet, changed.genericSecret),
  };
}

/** Saves the settings; returns the new public view and the usable settings (for waking waiting messages). */
export async function saveSmsSettings(tx: Tx, ctx: Ctx, input: SmsSettingsBody): Promise<{ view: SmsSettingsOut; resolved: ResolvedSmsSettings }> {
  const before = await rowOf(tx, ctx.tenantId, true);
  // Secrets sealed under a key this server no longer has cannot be kept; the form asks for them again.
  let secrets: Secrets;
  try {
    secrets = openSecrets(before);
  } catch (err) {
    if (!(err instanceof SecretBoxError)) throw err;
    secrets = {};
  }
  const changed = { kavenegarApiKey: false, genericSecret: false };
  const put = (key: keyof Secrets, value: string | null | undefined, clear: boolean | undefined) => {
    if (clear) {
      changed[key] = key in secrets;
      delete secrets[key];
    } else if (value) {
      changed[key] = secrets[key] !== value;
      secrets[key] = value;
    }
  };
  put('kavenegarApiKey', input.kavenegar.apiKey, input.kavenegar.clearApiKey);
  put('genericSecret', input.generic.secret, input.generic.clearSecret);

  if (input.gateway === 'kavenegar' && !secrets.kavenegarApiKey) throw fieldError('kavenegar.apiKey', 'کلید API کاوه‌نگار را وارد کنید');
  if (input.gateway === 'generic-http' && !input.generic.url) throw fieldError('generic.url', 'نشانی درگاه پیامک را وارد کنید');

  const config: SmsGatewayConfig = {
    timeoutSeconds: input.timeoutSeconds,
    kavenegar: { sender: input.kavenegar.sender ?? null, baseUrl: input.kavenegar.baseUrl ?? null },
    generic: {
      url: input.generic.url ?? null, method: input.generic.method, bodyFormat: input.generic.bodyFormat, bodyTemplate: input.generic.bodyTemplate ?? null,
      headers: input.generic.headers, messageIdPath: input.generic.messageIdPath ?? null,
    },
  };
  const secretHints = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, secretHint(v as string)]));
  const sealed = Object.keys(secrets).length ? smsSecretBox().seal(JSON.stringify(secrets), sealContext(ctx.tenantId)) : null;
  const values = { gateway: input.gateway, config, secrets: sealed, secretHints, updatedBy: ctx.userId, updatedAt: ctx.now() };
  const [after] = await tx.insert(smsSettings).values({ tenantId: ctx.tenantId, ...values })
    .onConflictDoUpdate({ target: smsSettings.tenantId, set: values }).returning();
  const view = publicView(after);
  await recordAudit(tx, ctx, {
    entity: 'smsSettings', entityId: ctx.tenantId, action: before ? 'update' : 'create',
    before: before ? auditView(publicView(before), { kavenegarApiKey: false, genericSecret: false }) : null,
    after: auditView(view, changed),
  });
  return { view, resolved: resolve(after, secrets) };
}
