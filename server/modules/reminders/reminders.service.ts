import { eq } from 'drizzle-orm';
import type { ReminderCreate, ReminderListQuery, ReminderOut, ReminderPatch } from '../../../common/contracts/reminders.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { dueProblem, isEditable, MSG } from './domain/reminder-rules.js';
import { resolveReminderLink } from './reminder-link.js';
import { checkRecipient, personOf, recipientOptions } from './reminder-people.js';
import { scheduleDelivery } from './reminder-schedule.js';
import { listConditions, lockVisible, reminderSearchText, selectOne, selectPage, type ReminderRow } from './reminders.repository.js';
import { reminders } from './reminders.table.js';

function checkDue(dueAt: Date, now: Date) {
  const problem = dueProblem(dueAt, now);
  if (problem) throw fieldError('dueAt', problem);
}

async function readOne(tx: Tx, ctx: Ctx, id: string): Promise<ReminderOut> {
  const out = await selectOne(tx, ctx.tenantId, id, personOf(ctx), ctx.now());
  if (!out) throw notFound('یادآور');
  return out;
}

export async function listReminders(ctx: Ctx, q: ReminderListQuery) {
  const me = personOf(ctx);
  return inTenant(ctx.db, ctx, (tx) => selectPage(tx, listConditions(ctx.tenantId, me, q), q, me, ctx.now()));
}

export const getReminder = (ctx: Ctx, id: string) => inTenant(ctx.db, ctx, (tx) => readOne(tx, ctx, id));

export const listRecipientOptions = (ctx: Ctx) => inTenant(ctx.db, ctx, async (tx) => ({ items: await recipientOptions(tx, ctx) }));

/** For myself, or for a colleague within `reminders.assign`; in the future; delivered by the scheduler. */
export async function createReminder(ctx: Ctx, input: ReminderCreate): Promise<ReminderOut> {
  const me = personOf(ctx);
  const now = ctx.now();
  checkDue(input.dueAt, now);
  return inTenant(ctx.db, ctx, async (tx) => {
    const recipientId = input.recipientId ?? me;
    await checkRecipient(tx, ctx, recipientId);
    const link = await resolveReminderLink(tx, ctx, input);
    const [row] = await tx.insert(reminders).values({
      tenantId: ctx.tenantId, recipientId, createdBy: me, dueAt: input.dueAt, text: input.text, viaSms: input.viaSms ?? false,
      ...link, searchText: reminderSearchText({ text: input.text, linkTitle: link.linkTitle }), createdAt: now, updatedAt: now,
    }).returning();
    await scheduleDelivery(tx, ctx.tenantId, row!.dueAt);
    await recordAudit(tx, ctx, { entity: 'reminder', entityId: row!.id, action: 'create', after: row! });
    return readOne(tx, ctx, row!.id);
  });
}

/** Locks the reminder and checks it may still change: set by this user, pending, not yet due. */
async function loadEditable(tx: Tx, ctx: Ctx, id: string): Promise<ReminderRow> {
  const me = personOf(ctx);
  const row = await lockVisible(tx, ctx.tenantId, id, me);
  if (!row) throw notFound('یادآور');
  if (row.createdBy !== me) throw new AppError('forbidden', { detail: MSG.onlyCreator });
  if (!isEditable(row, me, ctx.now())) throw new AppError('conflict', { detail: MSG.noLongerEditable });
  return row;
}

export async function updateReminder(ctx: Ctx, id: string, patch: ReminderPatch): Promise<ReminderOut> {
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadEditable(tx, ctx, id);
    if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
    const dueAt = patch.dueAt ?? before.dueAt;
    if (patch.dueAt) checkDue(dueAt, ctx.now());
    const recipientId = patch.recipientId ?? before.recipientId;
    if (recipientId !== before.recipientId) await checkRecipient(tx, ctx, recipientId);
    const linkChanged = patch.linkType !== undefined || patch.linkId !== undefined || patch.customerId !== undefined;
    const link = linkChanged ? await resolveReminderLink(tx, ctx, patch)
      : { linkType: before.linkType, linkId: before.linkId, customerId: before.customerId, linkTitle: before.linkTitle, linkPath: before.linkPath };
    const text = patch.text ?? before.text;
    const [after] = await tx.update(reminders).set({
      text, dueAt, recipientId, viaSms: patch.viaSms ?? before.viaSms, ...link, searchText: reminderSearchText({ text, linkTitle: link.linkTitle }),
      version: before.version + 1, updatedAt: ctx.now(),
    }).where(eq(reminders.id, id)).returning();
    if (dueAt.getTime() !== before.dueAt.getTime()) await scheduleDelivery(tx, ctx.tenantId, dueAt);
    await recordAudit(tx, ctx, { entity: 'reminder', entityId: id, action: 'update', before, after: after! });
    return readOne(tx, ctx, id);
  });
}

/** Deleting keeps the row as "deleted" (archive, history); the scheduler passes it by. */
export async function deleteReminder(ctx: Ctx, id: string): Promise<void> {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadEditable(tx, ctx, id);
    await tx.update(reminders).set({ status: 'canceled', version: before.version + 1, updatedAt: ctx.now() }).where(eq(reminders.id, id));
    await recordAudit(tx, ctx, { entity: 'reminder', entityId: id, action: 'delete', before });
  });
}
