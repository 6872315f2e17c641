import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { PENDING_STATUSES, type ActivityFilters, type ActivityOut } from '../../../common/contracts/activities.contract.js';
import { searchNormalize } from '../../../common/text.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { customerContacts, customers } from '../customers/index.js';
import { users } from '../staff/index.js';
import { activities, activityInvitees, activityTypes } from './activities.table.js';
import { mineCondition } from './activity-scope.js';
import { durationOf } from './domain/activity-times.js';
import { nextTehranDay, tehranDayStart } from './domain/day-bounds.js';

type Row = typeof activities.$inferSelect;
const responsible = alias(users, 'responsible');
const inviteeUser = alias(users, 'invitee_user');
const personName = (t: { firstName: AnyPgColumn; lastName: AnyPgColumn }) =>
  sql<string | null>`nullif(trim(coalesce(${t.firstName}, '') || ' ' || ${t.lastName}), '')`;

/** Everything a person types that a search box may match. */
export const activitySearchText = (a: { subject: string; description?: string | null; location?: string | null }) =>
  searchNormalize([a.subject, a.description, a.location].filter(Boolean).join(' '));

export function filterConditions(tx: Tx, tenantId: string, userId: string | null, q: Omit<ActivityFilters, 'sort'>): SQL | undefined {
  const text = q.q ? searchNormalize(q.q) : '';
  return and(
    eq(activities.tenantId, tenantId),
    text ? sql`${activities.searchText} like ${'%' + text + '%'}` : undefined,
    q.typeId ? eq(activities.typeId, q.typeId) : undefined,
    q.kind ? eq(activities.kind, q.kind) : undefined,
    q.status?.length ? inArray(activities.status, q.status) : undefined,
    q.responsibleId ? eq(activities.responsibleId, q.responsibleId) : undefined,
    q.customerId ? eq(activities.customerId, q.customerId) : undefined,
    q.linkType ? eq(activities.linkType, q.linkType) : undefined,
    q.linkId ? eq(activities.linkId, q.linkId) : undefined,
    q.followUp ? eq(activities.isFollowUp, q.followUp === 'true') : undefined,
    q.mine === 'true' ? (userId ? mineCondition(tx, userId) : sql`false`) : undefined,
    q.from ? gte(activities.startsAt, tehranDayStart(q.from)) : undefined,
    q.to ? lt(activities.startsAt, nextTehranDay(q.to)) : undefined,
  );
}

const selection = {
  a: activities,
  typeName: activityTypes.name,
  typeColor: activityTypes.color,
  typeIcon: activityTypes.icon,
  responsibleName: personName(responsible),
  customerName: customers.displayName,
  customerMobile: sql<string | null>`coalesce(${customers.mobile}, ${customers.phone})`,
  contactName: sql<string | null>`nullif(trim(coalesce(${customerContacts.firstName}, '') || ' ' || ${customerContacts.lastName}), '')`,
};

function baseSelect(tx: Tx) {
  return tx.select(selection).from(activities)
    .innerJoin(activityTypes, eq(activityTypes.id, activities.typeId))
    .leftJoin(responsible, eq(responsible.id, activities.responsibleId))
    .leftJoin(customers, eq(customers.id, activities.customerId))
    .leftJoin(customerContacts, eq(customerContacts.id, activities.contactId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof baseSelect>['execute']>>[number];

/** One page in (startsAt, id) order; `extra` adds columns some screens need (the cartable's last result). */
export async function selectPage(tx: Tx, where: SQL | undefined, opts: { sort: 'startsAt' | '-startsAt'; limit: number; cursor?: string | undefined }, now: Date) {
  const descending = opts.sort === '-startsAt';
  const rows = await baseSelect(tx)
    .where(and(where, afterCursor(activities.startsAt, activities.id, descending, opts.cursor)))
    .orderBy(descending ? desc(activities.startsAt) : asc(activities.startsAt), descending ? desc(activities.id) : asc(activities.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: await withInvitees(tx, page, now),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(last.a.startsAt, last.a.id) : null,
  };
}

export async function selectById(tx: Tx, tenantId: string, id: string, scope: SQL | undefined, now: Date) {
  const rows = await baseSelect(tx).where(and(eq(activities.tenantId, tenantId), eq(activities.id, id), scope));
  return (await withInvitees(tx, rows, now))[0] ?? null;
}

export async function countWhere(tx: Tx, where: SQL | undefined) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(activities).where(where);
  return Number(r?.n ?? 0);
}

async function withInvitees(tx: Tx, rows: Selected[], now: Date): Promise<ActivityOut[]> {
  if (!rows.length) return [];
  const list = await tx
    .select({ activityId: activityInvitees.activityId, userId: activityInvitees.userId, contactId: activityInvitees.contactId, userName: personName(inviteeUser), contactFirst: customerContacts.firstName, contactLast: customerContacts.lastName })
    .from(activityInvitees)
    .leftJoin(inviteeUser, eq(inviteeUser.id, activityInvitees.userId))
    .leftJoin(customerContacts, eq(customerContacts.id, activityInvitees.contactId))
    .where(and(eq(activityInvitees.tenantId, rows[0]!.a.tenantId), inArray(activityInvitees.activityId, rows.map((r) => r.a.id))))
    .orderBy(asc(activityInvitees.createdAt));
  const byActivity = new Map<string, ActivityOut['invitees']>();
  for (const i of list) {
    const name = i.userId ? (i.userName ?? '—') : `${i.contactFirst ?? ''} ${i.contactLast ?? ''}`.trim() || '—';
    byActivity.set(i.activityId, [...(byActivity.get(i.activityId) ?? []), { userId: i.userId, contactId: i.contactId, name }]);
  }
  return rows.map((r) => toOut(r, byActivity.get(r.a.id) ?? [], now));
}

export const isPending = (status: Row['status']) => PENDING_STATUSES.includes(status);

function toOut(r: Selected, invitees: ActivityOut['invitees'], now: Date): ActivityOut {
  const a = r.a;
  return {
    id: a.id, typeId: a.typeId, typeName: r.typeName, typeColor: r.typeColor, typeIcon: r.typeIcon, kind: a.kind, subject: a.subject,
    description: a.description, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt?.toISOString() ?? null, durationMinutes: durationOf(a.startsAt, a.endsAt),
    status: a.status, responsibleId: a.responsibleId, responsibleName: r.responsibleName, createdBy: a.createdBy, linkType: a.linkType, linkId: a.linkId,
    customerId: a.customerId, customerName: r.customerName, customerMobile: r.customerMobile, contactId: a.contactId, contactName: r.contactName,
    direction: a.direction, audioFileId: a.audioFileId, location: a.location, isFollowUp: a.isFollowUp, parentId: a.parentId, outcome: a.outcome,
    outcomeNote: a.outcomeNote, postponeCount: a.postponeCount, referredBy: a.referredBy, completedAt: a.completedAt?.toISOString() ?? null,
    overdue: isPending(a.status) && a.startsAt.getTime() < now.getTime(),
    invitees, version: a.version, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
  };
}

export async function replaceInvitees(tx: Tx, tenantId: string, activityId: string, list: { userId: string | null; contactId: string | null }[]) {
  await tx.delete(activityInvitees).where(and(eq(activityInvitees.tenantId, tenantId), eq(activityInvitees.activityId, activityId)));
  if (list.length) await tx.insert(activityInvitees).values(list.map((i) => ({ tenantId, activityId, userId: i.userId, contactId: i.contactId })));
}

export async function inviteeIds(tx: Tx, tenantId: string, activityId: string) {
  return tx.select({ userId: activityInvitees.userId, contactId: activityInvitees.contactId }).from(activityInvitees)
    .where(and(eq(activityInvitees.tenantId, tenantId), eq(activityInvitees.activityId, activityId)));
}
