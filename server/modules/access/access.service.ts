import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { isPermission, OPERATION_LABELS, PERMISSION_MODULES, SCOPES, type Scope } from '../../../common/permissions.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { grants, groupMembers, permissionChanges, roles, userGroups, userRoles } from './access.table.js';
import { users } from '../staff/staff.table.js';

export type PrincipalType = 'role' | 'group';
type Grant = { permission: string; scope: Scope };
const tableOf = (t: PrincipalType) => (t === 'role' ? roles : userGroups);
const entityOf = (t: PrincipalType) => (t === 'role' ? 'role' : 'userGroup');
const nameOf = (t: PrincipalType) => (t === 'role' ? 'نقش' : 'گروه کاربری');

export const SCOPE_LABELS: Record<Scope, { fa: string; en: string }> = {
  own: { fa: 'خودش', en: 'Own' },
  unit: { fa: 'واحد خودش', en: 'My unit' },
  subunits: { fa: 'واحد و زیرواحدها', en: 'My unit and sub-units' },
  all: { fa: 'همه', en: 'All' },
};

export function permissionCatalog() {
  return {
    modules: Object.entries(PERMISSION_MODULES).map(([key, def]) => ({
      key,
      label: def.label,
      operations: def.operations.map((op) => ({ key: op, label: OPERATION_LABELS[op] ?? { fa: op, en: op } })),
    })),
    scopes: SCOPES.map((key) => ({ key, label: SCOPE_LABELS[key] })),
  };
}

export async function listPrincipals(ctx: Ctx, type: PrincipalType) {
  const table = tableOf(type);
  const members = type === 'role'
    ? sql<number>`(select count(*)::int from ${userRoles} m where m.role_id = "roles"."id")`
    : sql<number>`(select count(*)::int from ${groupMembers} m where m.group_id = "user_groups"."id")`;
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await tx
      .select({ id: table.id, name: table.name, description: table.description, memberCount: members, ...(type === 'role' ? { isSystem: roles.isSystem } : {}) })
      .from(table)
      .where(eq(table.tenantId, ctx.tenantId))
      .orderBy(asc(table.name));
    return rows.map((r) => ({ ...r, isSystem: Boolean((r as { isSystem?: boolean }).isSystem), memberCount: Number(r.memberCount) }));
  });
}

async function getPrincipal(tx: Tx, ctx: Ctx, type: PrincipalType, id: string) {
  const table = tableOf(type);
  const [row] = await tx.select().from(table).where(and(eq(table.id, id), eq(table.tenantId, ctx.tenantId)));
  if (!row) throw notFound(nameOf(type));
  return row as typeof row & { isSystem?: boolean };
}

async function memberIdsOf(tx: Tx, ctx: Ctx, groupId: string) {
  const rows = await tx.select({ userId: groupMembers.userId }).from(groupMembers).where(and(eq(groupMembers.tenantId, ctx.tenantId), eq(groupMembers.groupId, groupId)));
  return rows.map((r) => r.userId).sort();
}

async function assertUsersExist(tx: Tx, ctx: Ctx, ids: string[], path: string) {
  if (!ids.length) return;
  const found = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, ids)));
  if (found.length !== new Set(ids).size) throw fieldError(path, 'برخی از پرسنل انتخاب‌شده پیدا نشدند');
}

async function setGroupMembers(tx: Tx, ctx: Ctx, groupId: string, memberIds: string[]) {
  const before = await memberIdsOf(tx, ctx, groupId);
  await assertUsersExist(tx, ctx, memberIds, 'memberIds');
  await tx.delete(groupMembers).where(and(eq(groupMembers.tenantId, ctx.tenantId), eq(groupMembers.groupId, groupId)));
  if (memberIds.length) await tx.insert(groupMembers).values([...new Set(memberIds)].map((userId) => ({ tenantId: ctx.tenantId, groupId, userId })));
  const after = [...new Set(memberIds)].sort();
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await tx.insert(permissionChanges).values({ tenantId: ctx.tenantId, actorId: ctx.userId, principalType: 'group', principalId: groupId, before: { memberIds: before }, after: { memberIds: after }, at: ctx.now() });
  }
}

export async function getPrincipalDetail(ctx: Ctx, type: PrincipalType, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const row = await getPrincipal(tx, ctx, type, id);
    const memberIds = type === 'group' ? await memberIdsOf(tx, ctx, id) : (await tx.select({ userId: userRoles.userId }).from(userRoles).where(and(eq(userRoles.tenantId, ctx.tenantId), eq(userRoles.roleId, id)))).map((r) => r.userId);
    const members = memberIds.length
      ? await tx.select({ id: users.id, fullName: sql<string>`${users.firstName} || ' ' || ${users.lastName}` }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, memberIds)))
      : [];
    return { id: row.id, name: row.name, description: row.description, isSystem: Boolean(row.isSystem), memberCount: memberIds.length, memberIds, members };
  });
}

export async function createPrincipal(ctx: Ctx, type: PrincipalType, input: { name: string; description?: string | undefined; memberIds?: string[] | undefined }) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const table = tableOf(type);
    const [row] = await tx.insert(table).values({ tenantId: ctx.tenantId, name: input.name, description: input.description ?? '' }).returning();
    if (type === 'group' && input.memberIds) await setGroupMembers(tx, ctx, row!.id, input.memberIds);
    await recordAudit(tx, ctx, { entity: entityOf(type), entityId: row!.id, action: 'create', after: row! });
    return { id: row!.id, name: row!.name, description: row!.description, isSystem: false, memberCount: input.memberIds?.length ?? 0 };
  });
}

export async function updatePrincipal(ctx: Ctx, type: PrincipalType, id: string, input: { name?: string | undefined; description?: string | undefined; memberIds?: string[] | undefined }) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const table = tableOf(type);
    const before = await getPrincipal(tx, ctx, type, id);
    const [after] = await tx
      .update(table)
      .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description } : {}), updatedAt: ctx.now() })
      .where(eq(table.id, id))
      .returning();
    if (type === 'group' && input.memberIds) await setGroupMembers(tx, ctx, id, input.memberIds);
    await recordAudit(tx, ctx, { entity: entityOf(type), entityId: id, action: 'update', before, after: after! });
    return { id, name: after!.name, description: after!.description, isSystem: Boolean(before.isSystem), memberCount: 0 };
  });
}

export async function deletePrincipal(ctx: Ctx, type: PrincipalType, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await getPrincipal(tx, ctx, type, id);
    if (before.isSystem) throw new AppError('in_use', { detail: 'نقش‌های پایه سامانه حذف نمی‌شوند.' });
    const old = await grantsOf(tx, ctx, type, id);
    await tx.delete(grants).where(and(eq(grants.tenantId, ctx.tenantId), eq(grants.principalType, type), eq(grants.principalId, id)));
    if (type === 'role') await tx.delete(userRoles).where(and(eq(userRoles.tenantId, ctx.tenantId), eq(userRoles.roleId, id)));
    else await tx.delete(groupMembers).where(and(eq(groupMembers.tenantId, ctx.tenantId), eq(groupMembers.groupId, id)));
    await tx.delete(tableOf(type)).where(eq(tableOf(type).id, id));
    await tx.insert(permissionChanges).values({ tenantId: ctx.tenantId, actorId: ctx.userId, principalType: type, principalId: id, before: { name: before.name, grants: old }, after: { deleted: true }, at: ctx.now() });
    await recordAudit(tx, ctx, { entity: entityOf(type), entityId: id, action: 'delete', before });
  });
}

async function grantsOf(tx: Tx, ctx: Ctx, type: PrincipalType, id: string): Promise<Grant[]> {
  const rows = await tx
    .select({ permission: grants.permission, scope: grants.scope })
    .from(grants)
    .where(and(eq(grants.tenantId, ctx.tenantId), eq(grants.principalType, type), eq(grants.principalId, id)))
    .orderBy(asc(grants.permission));
  return rows;
}

export async function getGrants(ctx: Ctx, type: PrincipalType, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await getPrincipal(tx, ctx, type, id);
    return grantsOf(tx, ctx, type, id);
  });
}

/** Replaces a role's or group's grants and records who changed what in the permission history. */
export async function setGrants(ctx: Ctx, type: PrincipalType, id: string, input: Grant[]) {
  input.forEach((g, i) => {
    if (!isPermission(g.permission)) throw fieldError(`grants.${i}.permission`, `دسترسی «${g.permission}» در فهرست دسترسی‌ها نیست`);
  });
  const wanted = new Map(input.map((g) => [g.permission, g.scope]));
  return inTenant(ctx.db, ctx, async (tx) => {
    await getPrincipal(tx, ctx, type, id);
    const before = await grantsOf(tx, ctx, type, id);
    await tx.delete(grants).where(and(eq(grants.tenantId, ctx.tenantId), eq(grants.principalType, type), eq(grants.principalId, id)));
    if (wanted.size) {
      await tx.insert(grants).values([...wanted].map(([permission, scope]) => ({ tenantId: ctx.tenantId, principalType: type, principalId: id, permission, scope })));
    }
    const after = await grantsOf(tx, ctx, type, id);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await tx.insert(permissionChanges).values({ tenantId: ctx.tenantId, actorId: ctx.userId, principalType: type, principalId: id, before: { grants: before }, after: { grants: after }, at: ctx.now() });
    }
    return after;
  });
}

/** Sets a staff member's roles and groups (used by the staff module) and records the change. */
export async function setUserMemberships(tx: Tx, ctx: Ctx, userId: string, input: { roleIds?: string[] | undefined; groupIds?: string[] | undefined }) {
  const before = await membershipsOf(tx, ctx.tenantId, userId);
  if (input.roleIds) {
    const ids = [...new Set(input.roleIds)];
    const found = ids.length ? await tx.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, ctx.tenantId), inArray(roles.id, ids))) : [];
    if (found.length !== ids.length) throw fieldError('roleIds', 'برخی از نقش‌های انتخاب‌شده پیدا نشدند');
    await tx.delete(userRoles).where(and(eq(userRoles.tenantId, ctx.tenantId), eq(userRoles.userId, userId)));
    if (ids.length) await tx.insert(userRoles).values(ids.map((roleId) => ({ tenantId: ctx.tenantId, userId, roleId })));
  }
  if (input.groupIds) {
    const ids = [...new Set(input.groupIds)];
    const found = ids.length ? await tx.select({ id: userGroups.id }).from(userGroups).where(and(eq(userGroups.tenantId, ctx.tenantId), inArray(userGroups.id, ids))) : [];
    if (found.length !== ids.length) throw fieldError('groupIds', 'برخی از گروه‌های انتخاب‌شده پیدا نشدند');
    await tx.delete(groupMembers).where(and(eq(groupMembers.tenantId, ctx.tenantId), eq(groupMembers.userId, userId)));
    if (ids.length) await tx.insert(groupMembers).values(ids.map((groupId) => ({ tenantId: ctx.tenantId, userId, groupId })));
  }
  const after = await membershipsOf(tx, ctx.tenantId, userId);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await tx.insert(permissionChanges).values({ tenantId: ctx.tenantId, actorId: ctx.userId, principalType: 'user', principalId: userId, before, after, at: ctx.now() });
  }
  return after;
}

export async function membershipsOf(tx: Tx, tenantId: string, userId: string) {
  const r = await tx.select({ id: userRoles.roleId }).from(userRoles).where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId)));
  const g = await tx.select({ id: groupMembers.groupId }).from(groupMembers).where(and(eq(groupMembers.tenantId, tenantId), eq(groupMembers.userId, userId)));
  return { roleIds: r.map((x) => x.id).sort(), groupIds: g.map((x) => x.id).sort() };
}

export async function listPermissionChanges(ctx: Ctx, q: { limit: number; cursor?: number | undefined }) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await tx
      .select({
        id: permissionChanges.id, at: permissionChanges.at, actorId: permissionChanges.actorId, principalType: permissionChanges.principalType,
        principalId: permissionChanges.principalId, before: permissionChanges.before, after: permissionChanges.after,
        actorName: sql<string | null>`(select u.first_name || ' ' || u.last_name from ${users} u where u.id = ${permissionChanges.actorId})`,
        principalName: sql<string | null>`coalesce(
          (select r.name from ${roles} r where r.id = ${permissionChanges.principalId}),
          (select g.name from ${userGroups} g where g.id = ${permissionChanges.principalId}),
          (select u.first_name || ' ' || u.last_name from ${users} u where u.id = ${permissionChanges.principalId}))`,
      })
      .from(permissionChanges)
      .where(and(eq(permissionChanges.tenantId, ctx.tenantId), q.cursor ? lt(permissionChanges.id, q.cursor) : undefined))
      .orderBy(desc(permissionChanges.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const membersOf = (side: unknown) => ((side as { memberIds?: unknown })?.memberIds instanceof Array ? ((side as { memberIds: unknown[] }).memberIds.filter((x): x is string => typeof x === 'string')) : []);
    const memberIds = [...new Set(page.flatMap((r) => [...membersOf(r.before), ...membersOf(r.after)]))];
    const people = memberIds.length
      ? await tx.select({ id: users.id, first: users.firstName, last: users.lastName }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, memberIds)))
      : [];
    const nameOf = new Map(people.map((p) => [p.id, `${p.first} ${p.last}`.trim()]));
    return {
      nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null,
      items: page.map((r) => ({
        id: r.id, at: r.at, principalType: r.principalType, principalId: r.principalId, before: r.before, after: r.after,
        memberNames: Object.fromEntries([...membersOf(r.before), ...membersOf(r.after)].filter((id) => nameOf.has(id)).map((id) => [id, nameOf.get(id)!])),
        actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '—' } : null,
        principalName: r.principalName ?? ((r.before as { name?: string })?.name ?? '—'),
      })),
    };
  });
}
