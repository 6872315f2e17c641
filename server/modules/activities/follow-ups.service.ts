import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import {
  PENDING_STATUSES, type CloseInput, type FollowUpOut, type LogCallInput, type PostponeInput, type ReferInput,
} from '../../../common/contracts/activities.contract.js';
import { formatJalali } from '../../../common/jalali.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError } from '../../platform/http/app-error.js';
import { notify } from '../notifications/index.js';
import { users } from '../staff/index.js';
import { activities, activityTypes } from './activities.table.js';
import { countsWhere, isPending, selectById, selectPage } from './activities.repository.js';
import { checkStaff } from './activity-refs.js';
import { applyPatch, insertActivity, loadInScope, type ActivityRow } from './activities.service.js';
import { dayBounds } from './domain/day-bounds.js';

const pendingFollowUps = (ctx: Ctx, me: string) =>
  and(eq(activities.tenantId, ctx.tenantId), eq(activities.responsibleId, me), eq(activities.isFollowUp, true), inArray(activities.status, [...PENDING_STATUSES]));

/** The cartable (کارتابل پیگیری): my pending follow-ups due by the end of today, oldest first; or the later ones. */
export async function listFollowUps(ctx: Ctx, q: { view: 'due' | 'upcoming'; limit: number; cursor?: string | undefined }) {
  const me = ctx.userId;
  if (!me) throw new AppError('forbidden');
  const now = ctx.now();
  const { tomorrow } = dayBounds(now);
  return inTenant(ctx.db, ctx, async (tx) => {
    const mine = pendingFollowUps(ctx, me);
    const where = and(mine, q.view === 'due' ? lt(activities.startsAt, tomorrow) : gte(activities.startsAt, tomorrow));
    const page = await selectPage(tx, where, { sort: 'startsAt', limit: q.limit, cursor: q.cursor }, now);
    const logs = await callLogs(tx, ctx, page.items.map((i) => i.id));
    const items: FollowUpOut[] = page.items.map((i) => ({ ...i, lastResult: logs.get(i.id)?.[0] ?? null, logCount: logs.get(i.id)?.length ?? 0 }));
    const counts = await countsWhere(tx, {
      due: { where: and(mine, lt(activities.startsAt, tomorrow)) },
      overdue: { where: and(mine, lt(activities.startsAt, now)) },
      upcoming: { where: and(mine, gte(activities.startsAt, tomorrow)) },
    });
    return { items, nextCursor: page.nextCursor, counts };
  });
}

/** The results logged against each follow-up, newest first. */
async function callLogs(tx: Tx, ctx: Ctx, ids: string[]) {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await tx.select({ parentId: activities.parentId, description: activities.description }).from(activities)
    .where(and(eq(activities.tenantId, ctx.tenantId), inArray(activities.parentId, ids))).orderBy(desc(activities.startsAt), desc(activities.createdAt));
  for (const r of rows) out.set(r.parentId!, [...(out.get(r.parentId!) ?? []), r.description ?? '']);
  return out;
}

async function loadFollowUp(tx: Tx, ctx: Ctx, id: string) {
  const row = await loadInScope(tx, ctx, id, 'activities.edit');
  if (!row.isFollowUp) throw new AppError('validation', { detail: 'این فعالیت پیگیری نیست.' });
  if (!isPending(row.status)) throw new AppError('conflict', { detail: 'این پیگیری بسته شده است؛ صفحه را تازه کنید.' });
  return row;
}

function postpone(tx: Tx, ctx: Ctx, before: ActivityRow, to: Date, note?: string | null) {
  if (to.getTime() <= ctx.now().getTime()) throw fieldError('to', 'زمان جدید پیگیری باید بعد از اکنون باشد');
  return applyPatch(tx, ctx, before, { startsAt: to }, { postponeCount: before.postponeCount + 1 }, note ? { note } : undefined);
}

const close = (tx: Tx, ctx: Ctx, before: ActivityRow, input: CloseInput) =>
  applyPatch(tx, ctx, before, { status: 'done' }, { outcome: input.outcome, outcomeNote: input.outcomeNote ?? null });

/** The user just acted on it: answer with it even if a referral took it out of their scope. */
const answer = async (tx: Tx, ctx: Ctx, id: string) => (await selectById(tx, ctx.tenantId, id, undefined, ctx.now()))!;

export async function postponeFollowUp(ctx: Ctx, id: string, input: PostponeInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await postpone(tx, ctx, await loadFollowUp(tx, ctx, id), input.to, input.note);
    return answer(tx, ctx, id);
  });
}

export async function closeFollowUp(ctx: Ctx, id: string, input: CloseInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await close(tx, ctx, await loadFollowUp(tx, ctx, id), input);
    return answer(tx, ctx, id);
  });
}

/** Hands the follow-up to a colleague, who is notified (in-app, live) with a link to their cartable. */
export async function referFollowUp(ctx: Ctx, id: string, input: ReferInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadFollowUp(tx, ctx, id);
    if (input.userId === before.responsibleId) throw fieldError('userId', 'این پیگیری هم‌اکنون با همین کاربر است');
    await checkStaff(tx, ctx, input.userId, 'userId', 'کاربر');
    await applyPatch(tx, ctx, before, { responsibleId: input.userId }, { referredBy: ctx.userId }, input.note ? { note: input.note } : undefined);
    const out = await answer(tx, ctx, id);
    // Read in this transaction: a second one would wait on the single embedded connection.
    const [me] = ctx.userId ? await tx.select({ first: users.firstName, last: users.lastName }).from(users).where(eq(users.id, ctx.userId)) : [];
    const from = me ? `${me.first ?? ''} ${me.last}`.trim() : null;
    const body = [
      from ? `ارجاع‌دهنده: ${from}` : null,
      out.customerName ? `مشتری: ${out.customerName}` : null,
      `موعد: ${formatJalali(before.startsAt, { time: true })}`,
      input.note ?? null,
    ].filter(Boolean).join('\n');
    await notify(tx, ctx, { userId: input.userId, title: `پیگیری «${before.subject.slice(0, 200)}» به شما ارجاع شد`, body, link: `/follow-ups?open=${id}`, kind: 'follow_up.referred' });
    return out;
  });
}

/**
 * One click from the cartable: records the call (a done call activity under the follow-up, on the same
 * customer), then keeps, postpones or closes the follow-up — all in one transaction.
 */
export async function logFollowUpCall(ctx: Ctx, id: string, input: LogCallInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadFollowUp(tx, ctx, id);
    const [callType] = await tx.select().from(activityTypes)
      .where(and(eq(activityTypes.tenantId, ctx.tenantId), eq(activityTypes.kind, 'call'), eq(activityTypes.active, true)))
      .orderBy(asc(activityTypes.sortOrder)).limit(1);
    if (!callType) throw new AppError('validation', { detail: 'هیچ نوع فعالیت فعالی از جنس «تماس» تعریف نشده است؛ در تنظیمات یکی بسازید.' });
    const now = ctx.now();
    await insertActivity(tx, ctx, {
      typeId: callType.id, subject: `تماس پیگیری: ${before.subject}`.slice(0, 200), description: input.result, startsAt: now,
      durationMinutes: input.durationMinutes ?? null, status: 'done', direction: input.direction, contactId: before.contactId,
    }, { parentId: id, link: { linkType: before.linkType, linkId: before.linkId, customerId: before.customerId } });
    if (input.next === 'postpone') await postpone(tx, ctx, before, input.to!);
    if (input.next === 'close') await close(tx, ctx, before, { outcome: input.outcome!, outcomeNote: input.result });
    return answer(tx, ctx, id);
  });
}
