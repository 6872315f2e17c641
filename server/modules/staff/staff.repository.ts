import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { searchNormalize, digitsOnly } from '../../../common/text.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { jobPositions, units } from '../org/index.js';
import { groupMembers, userRoles } from '../access/index.js';
import { users } from './staff.table.js';
import type { StaffListQuery, StaffOut } from './staff.contract.js';

const manager = alias(users, 'manager');

/** The text a search box matches against: names, username, mobile, code and email, normalized. */
export const staffSearchText = (u: { firstName: string; lastName: string; username: string; mobile?: string | null; personnelCode?: string | null; email?: string | null }) =>
  searchNormalize([u.firstName, u.lastName, u.username, u.mobile, u.personnelCode, u.email].filter(Boolean).join(' '));

const SORT_EXPR = {
  createdAt: users.createdAt,
  lastName: sql`(${users.lastName} || ' ' || ${users.firstName})`,
  personnelCode: sql`coalesce(${users.personnelCode}, '')`,
} as const;

export function searchCondition(q: string | undefined): SQL | undefined {
  const text = q ? searchNormalize(q) : '';
  if (!text) return undefined;
  const digits = digitsOnly(q!);
  // Phone numbers are typed with or without the leading 0/+98: match on the digits too.
  const phone = digits.length >= 4 ? sql` or ${users.mobile} like ${'%' + digits.replace(/^(98|0)/, '') + '%'}` : sql``;
  return sql`(${users.searchText} like ${'%' + text + '%'}${phone})`;
}

export async function listStaffRows(tx: Tx, tenantId: string, q: StaffListQuery, scope: SQL | undefined, ids?: string[]) {
  const desc_ = q.sort.startsWith('-');
  const key = q.sort.replace('-', '') as keyof typeof SORT_EXPR;
  const sortExpr = SORT_EXPR[key];
  const where = and(
    eq(users.tenantId, tenantId),
    scope,
    searchCondition(q.q),
    q.active ? eq(users.active, q.active === 'true') : undefined,
    q.unitId ? eq(users.unitId, q.unitId) : undefined,
    ids ? inArray(users.id, ids) : undefined,
  );
  const rows = await tx
    .select({
      user: users,
      sortValue: sql<unknown>`${sortExpr}`,
      jobPositionName: jobPositions.name,
      unitName: units.name,
      managerName: sql<string | null>`${manager.firstName} || ' ' || ${manager.lastName}`,
    })
    .from(users)
    .leftJoin(jobPositions, eq(jobPositions.id, users.jobPositionId))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(manager, eq(manager.id, users.managerId))
    .where(and(where, afterCursor(sortExpr, users.id, desc_, q.cursor)))
    .orderBy(desc_ ? desc(sortExpr) : asc(sortExpr), desc_ ? desc(users.id) : asc(users.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const memberships = await membershipsFor(tx, tenantId, page.map((r) => r.user.id));
  const items = page.map((r) => toStaffOut(r.user, { ...r, ...memberships.get(r.user.id) }));
  const last = page.at(-1);
  const nextCursor = rows.length > q.limit && last ? encodeCursor(last.sortValue, last.user.id) : null;
  const total = q.total === 'true' ? Number((await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(where))[0]?.n ?? 0) : null;
  return { items, nextCursor, total };
}

async function membershipsFor(tx: Tx, tenantId: string, ids: string[]) {
  const map = new Map<string, { roleIds: string[]; groupIds: string[] }>();
  for (const id of ids) map.set(id, { roleIds: [], groupIds: [] });
  if (!ids.length) return map;
  for (const r of await tx.select().from(userRoles).where(and(eq(userRoles.tenantId, tenantId), inArray(userRoles.userId, ids)))) map.get(r.userId)!.roleIds.push(r.roleId);
  for (const g of await tx.select().from(groupMembers).where(and(eq(groupMembers.tenantId, tenantId), inArray(groupMembers.userId, ids)))) map.get(g.userId)!.groupIds.push(g.groupId);
  return map;
}

type Extra = { jobPositionName?: string | null; unitName?: string | null; managerName?: string | null; roleIds?: string[]; groupIds?: string[] };

export function toStaffOut(u: typeof users.$inferSelect, x: Extra): StaffOut {
  return {
    id: u.id, personnelCode: u.personnelCode, username: u.username, firstName: u.firstName, lastName: u.lastName,
    fullName: `${u.firstName} ${u.lastName}`, mobile: u.mobile, email: u.email, jobPositionId: u.jobPositionId,
    jobPositionName: x.jobPositionName ?? null, managerId: u.managerId, managerName: x.managerName?.trim() || null,
    unitId: u.unitId, unitName: x.unitName ?? null, active: u.active, isAdmin: u.isAdmin, photoFileId: u.photoFileId,
    signatureFileId: u.signatureFileId, roleIds: x.roleIds ?? [], groupIds: x.groupIds ?? [], createdAt: u.createdAt,
  };
}
