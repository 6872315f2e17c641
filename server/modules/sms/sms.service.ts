// Use cases of the SMS outbox. `queueSms` is what other modules call (reminders, documents): it runs in
// their transaction, so the message exists only if their change commits, and its send job with it.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, gte, inArray, like, lt } from 'drizzle-orm';
import { MOBILE_INVALID, SMS_MAX_LENGTH, smsParts, type SmsListQuery, type SmsMessageOut, type SmsSettingsBody } from '../../../common/contracts/sms.contract.js';
import { normalizeMobile } from '../../../common/validators/mobile.js';
import { normalizePersian, toPersianDigits } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { resolveActorNames } from '../../platform/audit/audit-registry.js';
import { ownerScopeCondition } from '../access/index.js';
import { gatewayFor } from './gateways/index.js';
import { recordOutcome } from './sms-delivery.js';
import { smsLog } from './sms-runtime.js';
import { enqueueSend } from './sms-jobs.js';
import { loadSmsSettings, saveSmsSettings } from './sms-settings.service.js';
import { smsMessages } from './sms.table.js';

type Row = typeof smsMessages.$inferSelect;
export type QueueSmsInput = { to: string; text: string; reference?: string | null | undefined };

/** Throws the Persian field errors a person can act on; returns the stored forms. */
export function validateSms(input: QueueSmsInput): { to: string; text: string } {
  const to = normalizeMobile(String(input.to ?? ''));
  if (!to) throw fieldError('to', MOBILE_INVALID);
  const text = normalizePersian(String(input.text ?? ''), { multiline: true });
  if (!text) throw fieldError('text', 'متن پیامک الزامی است');
  if (text.length > SMS_MAX_LENGTH) throw fieldError('text', `متن پیامک حداکثر ${toPersianDigits(SMS_MAX_LENGTH)} نویسه است`);
  return { to, text };
}

/** Stores a message and queues its send job in the caller's transaction (outbox). */
export async function queueSms(tx: Tx, ctx: Ctx, input: QueueSmsInput): Promise<Row> {
  const { to, text } = validateSms(input);
  const now = ctx.now();
  const [row] = await tx.insert(smsMessages).values({
    tenantId: ctx.tenantId, to, text, reference: input.reference?.trim() || null, createdBy: ctx.userId, queuedAt: now, createdAt: now, updatedAt: now,
  }).returning();
  // runAt from the app's clock (not the database's), so a test's controlled clock drives the scheduler.
  await enqueueSend(tx, ctx.tenantId, row!.id, 0, now);
  await recordAudit(tx, ctx, { entity: 'smsMessage', entityId: row!.id, action: 'create', after: { to, text, reference: row!.reference, status: row!.status } });
  return row!;
}

// ── HTTP use cases ────────────────────────────────────────────────────────────
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function toOut(ctx: Ctx, rows: Row[]): Promise<SmsMessageOut[]> {
  const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => Boolean(x)))];
  const names = ids.length ? await resolveActorNames(ctx, ids) : new Map<string, string>();
  return rows.map((r) => ({
    id: r.id, to: r.to, text: r.text, parts: smsParts(r.text), status: r.status, attempts: r.attempts, lastError: r.lastError,
    nextAttemptAt: r.status === 'queued' ? iso(r.nextAttemptAt) : null, gateway: r.gateway, gatewayMessageId: r.gatewayMessageId,
    deliveryStatus: r.deliveryStatus, reference: r.reference, createdBy: r.createdBy, createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt.toISOString(), sentAt: iso(r.sentAt), deliveredAt: iso(r.deliveredAt), failedAt: iso(r.failedAt),
  }));
}

export async function sendSms(ctx: Ctx, input: QueueSmsInput): Promise<SmsMessageOut> {
  const row = await inTenant(ctx.db, ctx, (tx) => queueSms(tx, ctx, input));
  return (await toOut(ctx, [row]))[0]!;
}

export async function listSms(ctx: Ctx, q: SmsListQuery) {
  const rows = await inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'sms.view', smsMessages.createdBy);
    return tx.select().from(smsMessages).where(and(
      eq(smsMessages.tenantId, ctx.tenantId),
      scope,
      q.status ? eq(smsMessages.status, q.status) : undefined,
      q.to ? like(smsMessages.to, `%${q.to.replace(/^(?:0098|98|0)(?=9)/, '')}%`) : undefined,
      q.reference ? eq(smsMessages.reference, q.reference.trim()) : undefined,
      q.createdFrom ? gte(smsMessages.createdAt, q.createdFrom) : undefined,
      // A date-only "to" means the whole of that day.
      q.createdTo ? lt(smsMessages.createdAt, new Date(q.createdTo.getTime() + 86_400_000)) : undefined,
      afterCursor(smsMessages.createdAt, smsMessages.id, true, q.cursor),
    )).orderBy(desc(smsMessages.createdAt), desc(smsMessages.id)).limit(q.limit + 1);
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: await toOut(ctx, page), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

async function visibleRow(tx: Tx, ctx: Ctx, id: string, lock = false): Promise<Row> {
  const scope = await ownerScopeCondition(tx, ctx, 'sms.view', smsMessages.createdBy);
  const q = tx.select().from(smsMessages).where(and(eq(smsMessages.tenantId, ctx.tenantId), eq(smsMessages.id, id), scope));
  const [row] = await (lock ? q.for('update') : q);
  if (!row) throw notFound('پیامک');
  return row;
}

export async function getSms(ctx: Ctx, id: string): Promise<SmsMessageOut> {
  const row = await inTenant(ctx.db, ctx, (tx) => visibleRow(tx, ctx, id));
  return (await toOut(ctx, [row]))[0]!;
}

/** A failed message goes back to the queue now, with a fresh retry window. */
export async function retrySms(ctx: Ctx, id: string): Promise<SmsMessageOut> {
  const row = await inTenant(ctx.db, ctx, async (tx) => {
    const before = await visibleRow(tx, ctx, id, true);
    if (before.status !== 'failed') throw new AppError('conflict', { detail: 'فقط پیامک ناموفق دوباره فرستاده می‌شود.' });
    const now = ctx.now();
    const [after] = await tx.update(smsMessages)
      .set({ status: 'queued', queuedAt: now, nextAttemptAt: null, failedAt: null, nextStatusCheckAt: null, updatedAt: now })
      .where(eq(smsMessages.id, id)).returning();
    await enqueueSend(tx, ctx.tenantId, id, after!.attempts, now);
    await recordAudit(tx, ctx, { entity: 'smsMessage', entityId: id, action: 'update', before: { status: before.status, lastError: before.lastError }, after: { status: after!.status, lastError: after!.lastError } });
    return after!;
  });
  return (await toOut(ctx, [row]))[0]!;
}

/** Messages that wait for a retry go out now: after the settings change the gateway may work again. */
async function wakeWaiting(tx: Tx, ctx: Ctx): Promise<number> {
  const now = ctx.now();
  const waiting = await tx.select({ id: smsMessages.id, attempts: smsMessages.attempts }).from(smsMessages)
    .where(and(eq(smsMessages.tenantId, ctx.tenantId), eq(smsMessages.status, 'queued'), gt(smsMessages.nextAttemptAt, now)))
    .limit(1000);
  if (!waiting.length) return 0;
  await tx.update(smsMessages).set({ nextAttemptAt: now, updatedAt: now }).where(inArray(smsMessages.id, waiting.map((w) => w.id)));
  // The job already queued for the same attempt becomes a no-op once this one has claimed it.
  for (const w of waiting) await enqueueSend(tx, ctx.tenantId, w.id, w.attempts, now);
  return waiting.length;
}

export async function updateSmsSettings(ctx: Ctx, input: SmsSettingsBody) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const { view, resolved } = await saveSmsSettings(tx, ctx, input);
    if (resolved.gateway !== 'none') await wakeWaiting(tx, ctx);
    return view;
  });
}

/**
 * Sends one message at once through the saved settings and answers with what the gateway said — the
 * "send a test SMS" button. Recorded in the outbox with its outcome; never retried (a person is watching).
 */
export async function sendTestSms(ctx: Ctx, input: { to: string; text?: string | undefined }): Promise<SmsMessageOut> {
  const msg = validateSms({ to: input.to, text: input.text || `پیامک آزمایشی ${ctx.principal.tenantName || 'سامانه'}؛ درگاه پیامک درست کار می‌کند.` });
  const settings = await inTenant(ctx.db, ctx, (tx) => loadSmsSettings(tx, ctx.tenantId));
  const gateway = gatewayFor(settings, smsLog());
  const id = randomUUID();
  const outcome = await gateway.send({ id, ...msg });
  const row = await inTenant(ctx.db, ctx, async (tx) => {
    const now = ctx.now();
    const [m] = await tx.insert(smsMessages).values({
      id, tenantId: ctx.tenantId, ...msg, reference: 'settings:test', status: 'sending', attempts: 1, createdBy: ctx.userId, queuedAt: now, createdAt: now, updatedAt: now,
    }).returning();
    const final = await recordOutcome(tx, m!, outcome.kind === 'retry' ? { kind: 'failed', reason: outcome.reason } : outcome, { gateway: gateway.kind, hasReports: Boolean(gateway.status) }, now);
    await recordAudit(tx, ctx, { entity: 'smsMessage', entityId: id, action: 'create', after: { to: final.to, text: final.text, reference: final.reference, status: final.status, lastError: final.lastError } });
    return final;
  });
  return (await toOut(ctx, [row]))[0]!;
}
