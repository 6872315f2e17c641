// The delivery sweep: every pending reminder of a company whose time has come becomes a live notification
// (and an SMS when asked), in batches. Each batch is one transaction that claims its rows with
// FOR UPDATE SKIP LOCKED, so several workers share a busy minute without waiting on each other, and a
// reminder is delivered exactly once in-app: its notification and its "delivered" commit together.
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';
import { notifyMany } from '../notifications/index.js';
import { queueSms, validateSms } from '../sms/index.js';
import { users } from '../staff/index.js';
import { MSG, notificationOf, smsTextOf } from './domain/reminder-rules.js';
import { reminders } from './reminders.table.js';
import type { ReminderRow } from './reminders.repository.js';

/** Rows per transaction: large enough that 10,000 due in one minute take a few dozen round trips. */
export const DELIVERY_BATCH = 500;

/** Background work of the company: no user; the SMS outbox records it as sent by the system. */
function systemCtx(db: Db, tenantId: string, now: () => Date): Ctx {
  return {
    db, tenantId, userId: null, requestId: 'reminders.deliver', now,
    principal: { kind: 'user', tenantId, tenantName: '', userId: null, apiKeyId: null, unitId: null, isAdmin: true, permissions: {}, locale: 'fa', sessionId: null, csrfToken: null, viaCookie: false },
  };
}

type Person = { first: string; last: string; mobile: string | null; active: boolean };

async function peopleOf(tx: Tx, tenantId: string, due: ReminderRow[]) {
  const ids = [...new Set(due.flatMap((r) => (r.createdBy ? [r.recipientId, r.createdBy] : [r.recipientId])))];
  const rows = await tx.select({ id: users.id, first: users.firstName, last: users.lastName, mobile: users.mobile, active: users.active })
    .from(users).where(and(eq(users.tenantId, tenantId), inArray(users.id, ids)));
  return new Map<string, Person>(rows.map((r) => [r.id, r]));
}

/** Queues the SMS, or says in Persian why it cannot go out; the in-app delivery happens either way. */
async function smsFor(tx: Tx, ctx: Ctx, r: ReminderRow, person: Person | undefined): Promise<Partial<ReminderRow>> {
  if (!person?.active) return { smsNote: MSG.inactive };
  if (!person.mobile) return { smsNote: MSG.noMobile };
  const input = { to: person.mobile, text: smsTextOf(r), reference: `reminder:${r.id}` };
  try {
    validateSms(input);
  } catch (err) {
    if (err instanceof AppError) return { smsNote: `شماره موبایل گیرنده معتبر نیست؛ پیامک فرستاده نشد` };
    throw err;
  }
  const message = await queueSms(tx, ctx, input);
  return { smsMessageId: message.id };
}

async function deliverBatch(tx: Tx, ctx: Ctx, at: Date): Promise<number> {
  const due = await tx.select().from(reminders)
    .where(and(eq(reminders.tenantId, ctx.tenantId), eq(reminders.status, 'pending'), lte(reminders.dueAt, at)))
    .orderBy(asc(reminders.dueAt)).limit(DELIVERY_BATCH)
    .for('update', { skipLocked: true });
  if (!due.length) return 0;
  const people = await peopleOf(tx, ctx.tenantId, due);
  const nameOf = (id: string | null) => (id && people.get(id) ? `${people.get(id)!.first} ${people.get(id)!.last}`.trim() : null);
  await notifyMany(tx, ctx, due.map((r) => notificationOf(r, nameOf(r.createdBy))));
  const deliveredAt = ctx.now();
  await tx.update(reminders).set({ status: 'delivered', deliveredAt, updatedAt: deliveredAt }).where(inArray(reminders.id, due.map((r) => r.id)));
  for (const r of due.filter((x) => x.viaSms)) {
    await tx.update(reminders).set(await smsFor(tx, ctx, r, people.get(r.recipientId))).where(eq(reminders.id, r.id));
  }
  return due.length;
}

/**
 * Delivers every reminder of the company due by now; returns how many. Throws (so the job is retried in a
 * moment) when due reminders are left that another transaction held — an edit at that very instant, or
 * another worker's batch still running.
 */
export async function deliverDueReminders(db: Db, tenantId: string, now: () => Date): Promise<number> {
  const ctx = systemCtx(db, tenantId, now);
  const at = now();
  let total = 0;
  for (;;) {
    const n = await inTenant(db, ctx, (tx) => deliverBatch(tx, ctx, at));
    total += n;
    if (n < DELIVERY_BATCH) break;
  }
  const [left] = await inTenant(db, ctx, (tx) => tx.select({ id: reminders.id }).from(reminders)
    .where(and(eq(reminders.tenantId, tenantId), eq(reminders.status, 'pending'), lte(reminders.dueAt, at))).limit(1));
  if (left) throw new Error('Due reminders were held by another transaction; the job runs again shortly');
  return total;
}
