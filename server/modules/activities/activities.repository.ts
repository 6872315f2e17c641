import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn, type AnyPgTable } from 'drizzle-orm/pg-core';
import { PENDING_STATUSES, type ActivityFilters, type ActivityOut } from '../../../common/contracts/activities.contract.js';
import { searchNormalize } from '../../../common/text.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { customerContacts, customers } from '../customers/index.js';
import { users } from '../staff/index.js';
import { activities, activityInvitees, activityTypes } from './activities.table.js';
import { mineCount, mineIds, type Mine } from './activity-scope.js';
import { durationOf } from './domain/activity-times.js';
import { nextTehranDay, tehranDayStart } from './domain/day-bounds.js';

type Row = typeof activities.$inferSelect;
const inviteeUser = alias(users, 'invitee_user');
const personName = (t: { firstName: AnyPgColumn; lastName: AnyPgColumn }) =>
  sql<string | null>`nullif(trim(coalesce(${t.firstName}, '') || ' ' || ${t.lastName}), '')`;

/** Everything a person types that a search box may match. */
export const activitySearchText = (a: { subject: string; description?: string | null; location?: string | null }) =>
  searchNormalize([a.subject, a.description, a.location].filter(Boolean).join(' '));

/** The user whose activities the "mine" filter keeps, if it is on. */
export const mineOf = (tenantId: string, userId: string | null, q: { mine?: string | undefined; from?: Date | undefined; to?: Date | undefined }): Mine | undefined =>
  q.mine === 'true' && userId ? { tenantId, userId, from: q.from ? tehranDayStart(q.from) : undefined, before: q.to ? nextTehranDay(q.to) : undefined } : undefined;

export function filterConditions(tenantId: string, userId: string | null, q: Omit<ActivityFilters, 'sort'>): SQL | undefined {
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
    // "Mine" itself is applied by selectPage (see `mineOf`); a request without a user has nothing of its own.
    q.mine === 'true' && !userId ? sql`false` : undefined,
    q.from ? gte(activities.startsAt, tehranDayStart(q.from)) : undefined,
    q.to ? lt(activities.startsAt, nextTehranDay(q.to)) : undefined,
  );
}

// Names for display as scalar subqueries, not joins: a page is at most a few hundred rows, and PostgreSQL
// plans five-way joins (next to the "mine" halves) in several milliseconds, more than the page takes to run;
// and under row-level security it misjudges the join's size and reads a customer's whole history to sort it.
const lookup = <T>(column: AnyPgColumn | SQL, table: AnyPgTable, key: AnyPgColumn, ref: AnyPgColumn) => sql<T>`(select ${column} from ${table} where ${key} = ${ref})`;
/** The activity's type as shown (name, color, icon). */
export const typeLookups = {
  typeName: lookup<string>(activityTypes.name, activityTypes, activityTypes.id, activities.typeId),
  typeColor: lookup<string>(activityTypes.color, activityTypes, activityTypes.id, activities.typeId),
  typeIcon: lookup<string>(activityTypes.icon, activityTypes, activityTypes.id, activities.typeId),
};
const selection = {
  a: activities,
  ...typeLookups,
  responsibleName: lookup<string | null>(personName(users), users, users.id, activities.responsibleId),
  customerName: lookup<string | null>(customers.displayName, customers, customers.id, activities.customerId),
  customerMobile: lookup<string | null>(sql`coalesce(${customers.mobile}, ${customers.phone})`, customers, customers.id, activities.customerId),
  contactName: lookup<string | null>(personName(customerContacts), customerContacts, customerContacts.id, activities.contactId),
};

function baseSelect(tx: Tx) {
  return tx.select(selection).from(activities);
}

type Selected = Awaited<ReturnType<ReturnType<typeof baseSelect>['execute']>>[number];

/** One page in (startsAt, id) order; with `mine`, only that user's (responsible or invited). */
export async function selectPage(tx: Tx, where: SQL | undefined, opts: { sort: 'startsAt' | '-startsAt'; limit: number; cursor?: string | undefined; mine?: Mine | undefined }, now: Date) {
  const descending = opts.sort === '-startsAt';
  const rows = await baseSelect(tx)
    .where(and(where, afterCursor(activities.startsAt, activities.id, descending, opts.cursor),
      opts.mine ? mineIds(tx, opts.mine, where, { descending, limit: opts.limit + 1, cursor: opts.cursor }) : undefined))
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

/** Several counts of activities in one statement: each is its own index scan, one round trip for all. */
export async function countsWhere<K extends string>(tx: Tx, counts: Record<K, { where: SQL | undefined; mine?: Mine }>): Promise<Record<K, number>> {
  const keys = Object.keys(counts) as K[];
  const count = ({ where, mine }: { where: SQL | undefined; mine?: Mine }) =>
    (mine ? mineCount(tx, mine, where) : sql<number>`(${tx.select({ n: sql`count(*)::int` }).from(activities).where(where)})`);
  const columns = Object.fromEntries(keys.map((k) => [k, count(counts[k])]));
  const [row] = await tx.select(columns).from(sql`(select 1) as one`);
  return Object.fromEntries(keys.map((k) => [k, Number((row as Record<string, unknown>)[k] ?? 0)])) as Record<K, number>;
}

async function withInvitees(tx: Tx, rows: Selected[], now: Date): Promise<ActivityOut[]> {
  // Only meetings have invitees (checkKindFields): a page of calls needs no second query.
  const meetingIds = rows.filter((r) => r.a.kind === 'meeting').map((r) => r.a.id);
  if (!meetingIds.length) return rows.map((r) => toOut(r, [], now));
  const list = await tx
    .select({ activityId: activityInvitees.activityId, userId: activityInvitees.userId, contactId: activityInvitees.contactId, userName: personName(inviteeUser), contactFirst: customerContacts.firstName, contactLast: customerContacts.lastName })
    .from(activityInvitees)
    .leftJoin(inviteeUser, eq(inviteeUser.id, activityInvitees.userId))
    .leftJoin(customerContacts, eq(customerContacts.id, activityInvitees.contactId))
    .where(and(eq(activityInvitees.tenantId, rows[0]!.a.tenantId), inArray(activityInvitees.activityId, meetingIds)))
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
