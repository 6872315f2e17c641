import { and, eq } from 'drizzle-orm';
import type { ActivityCreate, ActivityListQuery, ActivityPatch } from '../../../common/contracts/activities.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { activities } from './activities.table.js';
import { activityScopeCondition } from './activity-scope.js';
import { activitySearchText, filterConditions, mineOf, inviteeIds, replaceInvitees, selectById, selectPage } from './activities.repository.js';
import { checkContact, checkInvitees, checkKindFields, checkStaff, checkType, resolveLink, type Link } from './activity-refs.js';
import { resolveEnd, shiftKeepingLength } from './domain/activity-times.js';

export type ActivityRow = typeof activities.$inferSelect;

export async function listActivities(ctx: Ctx, q: ActivityListQuery) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const where = and(filterConditions(ctx.tenantId, ctx.userId, q), await activityScopeCondition(tx, ctx, 'activities.view'));
    return selectPage(tx, where, { ...q, mine: mineOf(ctx.tenantId, ctx.userId, q) }, ctx.now());
  });
}

/** The row, locked, if the user may act on it under `permission`; else 404 (no hint that it exists). */
export async function loadInScope(tx: Tx, ctx: Ctx, id: string, permission: string) {
  const scope = await activityScopeCondition(tx, ctx, permission);
  const [row] = await tx.select().from(activities).where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.id, id), scope)).for('update');
  if (!row) throw notFound('فعالیت');
  return row;
}

export async function readActivity(tx: Tx, ctx: Ctx, id: string) {
  const out = await selectById(tx, ctx.tenantId, id, await activityScopeCondition(tx, ctx, 'activities.view'), ctx.now());
  if (!out) throw notFound('فعالیت');
  return out;
}

export const getActivity = (ctx: Ctx, id: string) => inTenant(ctx.db, ctx, (tx) => readActivity(tx, ctx, id));

const statusTimes = (status: ActivityRow['status'], before: ActivityRow | null, now: Date) =>
  status === 'done' ? (before?.status === 'done' ? before.completedAt : now) : null;

type InsertOptions = { parentId?: string; link?: Link };

/**
 * Inserts one activity in the caller's transaction (also used by the cartable's "log the call").
 * `link` skips resolving the linked record again when it comes from an activity the user already acts on.
 */
export async function insertActivity(tx: Tx, ctx: Ctx, input: ActivityCreate, opts: InsertOptions = {}) {
  const type = await checkType(tx, ctx, input.typeId);
  const times = resolveEnd(input);
  if (!times.ok) throw fieldError(times.path, times.message);
  const responsibleId = input.responsibleId ?? ctx.userId;
  if (!responsibleId) throw fieldError('responsibleId', 'مسئول فعالیت الزامی است');
  await checkStaff(tx, ctx, responsibleId, 'responsibleId', 'مسئول');
  const link = opts.link ?? (await resolveLink(tx, ctx, input));
  if (input.contactId) await checkContact(tx, ctx, input.contactId, link.customerId);
  const invitees = await checkInvitees(tx, ctx, input.invitees ?? []);
  checkKindFields(type.kind, { direction: input.direction, location: input.location, inviteeCount: invitees.length });
  const status = input.status ?? 'open';
  const now = ctx.now();
  const [row] = await tx.insert(activities).values({
    tenantId: ctx.tenantId, typeId: type.id, kind: type.kind, subject: input.subject, description: input.description ?? null,
    startsAt: input.startsAt, endsAt: times.endsAt, status, responsibleId, createdBy: ctx.userId, ...link, contactId: input.contactId ?? null,
    direction: input.direction ?? null, location: input.location ?? null, isFollowUp: input.isFollowUp ?? false, parentId: opts.parentId ?? null,
    completedAt: statusTimes(status, null, now), searchText: activitySearchText(input), createdAt: now, updatedAt: now,
  }).returning();
  await replaceInvitees(tx, ctx.tenantId, row!.id, invitees);
  await recordAudit(tx, ctx, { entity: 'activity', entityId: row!.id, action: 'create', after: { ...row!, invitees } });
  return row!;
}

export async function createActivity(ctx: Ctx, input: ActivityCreate) {
  return inTenant(ctx.db, ctx, async (tx) => readActivity(tx, ctx, (await insertActivity(tx, ctx, input)).id));
}

/** The end after a patch: a new end or duration wins; a new start alone keeps the length. */
function patchedEnd(before: ActivityRow, patch: ActivityPatch, startsAt: Date) {
  if (patch.endsAt !== undefined || patch.durationMinutes !== undefined) {
    const endsAt = patch.endsAt !== undefined ? patch.endsAt : patch.durationMinutes !== undefined ? null : before.endsAt;
    const r = resolveEnd({ startsAt, endsAt, durationMinutes: patch.durationMinutes });
    if (!r.ok) throw fieldError(r.path, r.message);
    return r.endsAt;
  }
  if (patch.startsAt) return shiftKeepingLength(before, startsAt);
  return before.endsAt;
}

/** Applies a patch to a loaded (locked) row; audited. Shared by edits and the follow-up commands. */
export async function applyPatch(tx: Tx, ctx: Ctx, before: ActivityRow, patch: ActivityPatch, extra: Partial<ActivityRow> = {}, auditNote?: Record<string, unknown>) {
  if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
  const type = patch.typeId && patch.typeId !== before.typeId ? await checkType(tx, ctx, patch.typeId, before.typeId) : { id: before.typeId, kind: before.kind };
  const startsAt = patch.startsAt ?? before.startsAt;
  const endsAt = patchedEnd(before, patch, startsAt);
  if (endsAt && endsAt.getTime() < startsAt.getTime()) throw fieldError('startsAt', 'زمان شروع نمی‌تواند بعد از زمان پایان باشد');
  const responsibleId = patch.responsibleId ?? before.responsibleId;
  if (responsibleId !== before.responsibleId) await checkStaff(tx, ctx, responsibleId, 'responsibleId', 'مسئول');
  const linkChanged = patch.linkType !== undefined || patch.linkId !== undefined || patch.customerId !== undefined;
  const link = linkChanged ? await resolveLink(tx, ctx, patch) : { linkType: before.linkType, linkId: before.linkId, customerId: before.customerId };
  const contactId = patch.contactId !== undefined ? patch.contactId : linkChanged && link.customerId !== before.customerId ? null : before.contactId;
  if (contactId && (patch.contactId !== undefined || linkChanged)) await checkContact(tx, ctx, contactId, link.customerId);
  const beforeInvitees = await inviteeIds(tx, ctx.tenantId, before.id);
  const invitees = patch.invitees ? await checkInvitees(tx, ctx, patch.invitees) : beforeInvitees;
  const merged = {
    direction: patch.direction !== undefined ? patch.direction : before.direction,
    location: patch.location !== undefined ? patch.location : before.location,
  };
  checkKindFields(type.kind, { ...merged, inviteeCount: invitees.length, audioFileId: before.audioFileId });
  const status = patch.status ?? before.status;
  const subject = patch.subject ?? before.subject;
  const description = patch.description !== undefined ? patch.description : before.description;
  const [after] = await tx.update(activities).set({
    typeId: type.id, kind: type.kind, subject, description, startsAt, endsAt, status, responsibleId, ...link, contactId, ...merged,
    isFollowUp: patch.isFollowUp ?? before.isFollowUp, completedAt: statusTimes(status, before, ctx.now()),
    searchText: activitySearchText({ subject, description, location: merged.location }), ...extra, version: before.version + 1, updatedAt: ctx.now(),
  }).where(eq(activities.id, before.id)).returning();
  if (patch.invitees) await replaceInvitees(tx, ctx.tenantId, before.id, invitees);
  await recordAudit(tx, ctx, {
    entity: 'activity', entityId: before.id, action: 'update',
    before: { ...before, invitees: beforeInvitees }, after: { ...after!, invitees, ...auditNote },
  });
  return after!;
}

export async function updateActivity(ctx: Ctx, id: string, patch: ActivityPatch) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await applyPatch(tx, ctx, await loadInScope(tx, ctx, id, 'activities.edit'), patch);
    return readActivity(tx, ctx, id);
  });
}

export async function deleteActivity(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadInScope(tx, ctx, id, 'activities.delete');
    const invitees = await inviteeIds(tx, ctx.tenantId, id);
    await tx.delete(activities).where(eq(activities.id, id));
    await recordAudit(tx, ctx, { entity: 'activity', entityId: id, action: 'delete', before: { ...before, invitees } });
  });
}
