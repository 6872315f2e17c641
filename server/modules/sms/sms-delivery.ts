// One send attempt of one message, in three steps so no transaction stays open while the gateway is called:
//  1. claim (queued → sending, attempts + 1) and read the settings, in one short transaction;
//  2. call the gateway, outside any transaction, with its timeout;
//  3. record the outcome: sent (with the gateway's id), failed (Persian reason), or queued again with a
//     retry at a backoff delay — the next job is queued in that same transaction, so nothing is lost.
// A worker that dies between 1 and 3 leaves the message 'sending'; its job runs again after the lease and
// resumes that attempt (at-least-once; Kavenegar's localid keeps the repeated request from sending twice).
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { afterTransientFailure, nextStatusCheck } from './domain/outbox-policy.js';
import { gatewayFor, type SendOutcome, type SmsGateway } from './gateways/index.js';
import { SecretBoxError } from '../../platform/crypto/secret-box.js';
import { loadSmsSettings } from './sms-settings.service.js';
import { smsLog } from './sms-runtime.js';
import { enqueueSend, schedulePoll, type SendJobPayload } from './sms-jobs.js';
import { smsMessages } from './sms.table.js';

type Row = typeof smsMessages.$inferSelect;

/** Longer than any gateway timeout (at most 60 s), shorter than the scheduler's lease (5 min). */
export const STALE_CLAIM_MS = 2 * 60_000;

const unreadableSettings: SmsGateway = {
  kind: 'none',
  send: async () => ({ kind: 'retry', reason: 'کلید API ذخیره‌شده باز نمی‌شود (کلید رمزنگاری سرور عوض شده است)؛ در «تنظیمات › درگاه پیامک» کلید را دوباره وارد کنید' }),
};

const lockMessage = async (tx: Tx, tenantId: string, id: string) =>
  (await tx.select().from(smsMessages).where(and(eq(smsMessages.tenantId, tenantId), eq(smsMessages.id, id))).for('update'))[0];

export async function attemptDelivery(db: Db, tenantId: string, job: SendJobPayload, now: () => Date): Promise<void> {
  const log = smsLog();
  const claimed = await inTenant(db, { tenantId }, async (tx) => {
    const m = await lockMessage(tx, tenantId, job.messageId);
    if (!m) return null;
    const fresh = m.status === 'queued' && m.attempts === job.attempt;
    // A claim this old belongs to a worker that died (the scheduler re-runs a job only after its lease, and a
    // gateway call never takes this long); a younger one is another job of the same attempt still at work.
    const resumed = m.status === 'sending' && m.attempts === job.attempt + 1 && now().getTime() - m.updatedAt.getTime() >= STALE_CLAIM_MS;
    if (!fresh && !resumed) return null;
    const settings = await loadSmsSettings(tx, tenantId).catch((err: unknown) => {
      if (err instanceof SecretBoxError) return null;
      throw err;
    });
    if (fresh) await tx.update(smsMessages).set({ status: 'sending', attempts: m.attempts + 1, nextAttemptAt: null, updatedAt: now() }).where(eq(smsMessages.id, m.id));
    return { m, settings };
  });
  if (!claimed) return;

  // Stored secrets that no longer open (the server key changed): wait until someone saves the key again.
  const gateway = claimed.settings ? gatewayFor(claimed.settings, log) : unreadableSettings;
  let outcome: SendOutcome;
  try {
    outcome = await gateway.send({ id: claimed.m.id, to: claimed.m.to, text: claimed.m.text });
  } catch (err) {
    // A bug in an adapter must not lose the message: it waits like any other transient failure.
    log.warn({ smsId: claimed.m.id, error: err instanceof Error ? err.name : 'unknown' }, 'sms adapter threw');
    outcome = { kind: 'retry', reason: 'خطای پیش‌بینی‌نشده هنگام ارسال پیامک' };
  }
  log.info({ smsId: claimed.m.id, attempt: job.attempt + 1, gateway: gateway.kind, outcome: outcome.kind, ...(outcome.kind === 'sent' ? {} : { reason: outcome.reason }) }, 'sms attempt');

  await inTenant(db, { tenantId }, async (tx) => {
    const m = await lockMessage(tx, tenantId, job.messageId);
    if (!m || m.status !== 'sending' || m.attempts !== job.attempt + 1) return;
    await recordOutcome(tx, m, outcome, { gateway: gateway.kind, hasReports: Boolean(gateway.status) }, now());
  });
}

/** Writes what an attempt came to; queues the retry or the delivery-report poll in the same transaction. */
export async function recordOutcome(tx: Tx, m: Row, outcome: SendOutcome, via: { gateway: Row['gateway']; hasReports: boolean }, now: Date): Promise<Row> {
  const set = (values: Partial<Row>) => tx.update(smsMessages).set({ ...values, gateway: via.gateway, updatedAt: now }).where(eq(smsMessages.id, m.id)).returning();
  if (outcome.kind === 'sent') {
    const check = via.hasReports && outcome.gatewayMessageId ? nextStatusCheck({ checks: 0, sentAt: now, now }) : null;
    const [row] = await set({
      status: 'sent', gatewayMessageId: outcome.gatewayMessageId, deliveryStatus: outcome.deliveryStatus ?? null, sentAt: now,
      lastError: null, nextAttemptAt: null, statusChecks: 0, nextStatusCheckAt: check,
    });
    if (check) await schedulePoll(tx, m.tenantId, check, now);
    return row!;
  }
  if (outcome.kind === 'failed') {
    return (await set({ status: 'failed', lastError: outcome.reason, failedAt: now, nextAttemptAt: null }))[0]!;
  }
  const decision = afterTransientFailure({ attempts: m.attempts, queuedAt: m.queuedAt, now, reason: outcome.reason });
  if ('giveUp' in decision) return (await set({ status: 'failed', lastError: decision.giveUp, failedAt: now, nextAttemptAt: null }))[0]!;
  const [row] = await set({ status: 'queued', lastError: outcome.reason, nextAttemptAt: decision.retryAt });
  await enqueueSend(tx, m.tenantId, m.id, m.attempts, decision.retryAt);
  return row!;
}
