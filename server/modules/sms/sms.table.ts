import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SmsGatewayKind, SmsStatus } from '../../../common/contracts/sms.contract.js';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The SMS outbox: every message is stored here first, in the transaction of whatever asked for it, and a
 * scheduler job sends it. queued → sending → sent → delivered, or failed with a Persian reason.
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: id(),
    tenantId: tenantId(),
    /** Always 09xxxxxxxxx. */
    to: text('to').notNull(),
    text: text('text').notNull(),
    status: text('status').$type<SmsStatus>().notNull().default('queued'),
    /** Send attempts made so far (each one a call to the gateway). */
    attempts: integer('attempts').notNull().default(0),
    /** Why the last attempt did not succeed, in Persian, for the person reading the list. */
    lastError: text('last_error'),
    /** Start of the retry window: creation, or a person's "retry". */
    queuedAt: at('queued_at').notNull().defaultNow(),
    nextAttemptAt: at('next_attempt_at'),
    gateway: text('gateway').$type<SmsGatewayKind>(),
    gatewayMessageId: text('gateway_message_id'),
    /** The gateway's last delivery report, in Persian (e.g. «ارسال‌شده به مخابرات»). */
    deliveryStatus: text('delivery_status'),
    statusChecks: integer('status_checks').notNull().default(0),
    nextStatusCheckAt: at('next_status_check_at'),
    /** What the message is about, e.g. `reminder:<id>`; other modules find their messages by it. */
    reference: text('reference'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: at('sent_at'),
    deliveredAt: at('delivered_at'),
    failedAt: at('failed_at'),
  },
  (t) => [
    index('sms_messages_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('sms_messages_tenant_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('sms_messages_tenant_reference_idx').on(t.tenantId, t.reference),
    index('sms_messages_tenant_to_idx').on(t.tenantId, t.to),
    // Only messages still waiting for a delivery report: the poll's range scan stays small.
    index('sms_messages_status_check_idx').on(t.tenantId, t.nextStatusCheckAt).where(sql`${t.status} = 'sent' and ${t.nextStatusCheckAt} is not null`),
    tenantPolicy('sms_messages'),
  ],
);

export type SmsGatewayConfig = {
  timeoutSeconds?: number;
  kavenegar?: { sender?: string | null; baseUrl?: string | null };
  generic?: {
    url?: string | null; method?: 'POST' | 'GET' | 'PUT'; bodyFormat?: 'json' | 'form' | 'text'; bodyTemplate?: string | null;
    headers?: { name: string; value: string }[]; messageIdPath?: string | null;
  };
};

/** Which gateway a company sends through. Secrets live only in `secrets`, sealed (AES-256-GCM), never returned. */
export const smsSettings = pgTable(
  'sms_settings',
  {
    tenantId: uuid('tenant_id').primaryKey(),
    gateway: text('gateway').$type<SmsGatewayKind>().notNull().default('none'),
    config: jsonb('config').$type<SmsGatewayConfig>().notNull().default({}),
    /** Sealed JSON `{ kavenegarApiKey?, genericSecret? }` (platform/crypto/secret-box). */
    secrets: text('secrets'),
    /** The last 4 characters of each stored secret, so a person can tell which key is set. */
    secretHints: jsonb('secret_hints').$type<Record<string, string>>().notNull().default({}),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  () => [tenantPolicy('sms_settings')],
);
