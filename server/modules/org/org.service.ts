import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { jobPositions, units } from './org.table.js';
import { users } from '../staff/staff.table.js';

type UnitInput = { name?: string | undefined; kind?: 'branch' | 'department' | undefined; parentId?: string | null | undefined; managerId?: string | null | undefined };

export async function listUnits(ctx: Ctx) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await tx
      .select({
        id: units.id, parentId: units.parentId, name: units.name, kind: units.kind, managerId: units.managerId,
        // Drizzle writes ${units.id} unqualified here, which inside the subquery would mean u.id: name the outer table.
        staffCount: sql<number>`(select count(*)::int from ${users} u where u.unit_id = "units"."id" and u.active)`,
      })
      .from(units)
      .where(eq(units.tenantId, ctx.tenantId))
      .orderBy(asc(units.path), asc(units.name));
    return rows.map((r) => ({ ...r, staffCount: Number(r.staffCount) }));
  });
}

async function getUnit(tx: Tx, ctx: Ctx, id: string) {
  const [row] = await tx.select().from(units).where(and(eq(units.id, id), eq(units.tenantId, ctx.tenantId)));
  if (!row) throw notFound('واحد سازمانی');
  return row;
}

/** Path of a unit under `parentId`; refuses a parent inside the unit's own subtree (a cycle). */
async function pathUnder(tx: Tx, ctx: Ctx, parentId: string | null | undefined, selfId: string): Promise<string> {
  if (!parentId) return `/${selfId}/`;
  const [parent] = await tx.select().from(units).where(and(eq(units.id, parentId), eq(units.tenantId, ctx.tenantId)));
  if (!parent) throw fieldError('parentId', 'واحد بالادست پیدا نشد');
  if (parent.path.includes(`/${selfId}/`)) throw fieldError('parentId', 'یک واحد نمی‌تواند زیرمجموعه خودش باشد');
  return `${parent.path}${selfId}/`;
}

export async function createUnit(ctx: Ctx, input: UnitInput & { name: string }) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const id = crypto.randomUUID();
    const path = await pathUnder(tx, ctx, input.parentId, id);
    const [row] = await tx
      .insert(units)
      .values({ id, tenantId: ctx.tenantId, name: input.name, kind: input.kind ?? 'department', parentId: input.parentId ?? null, managerId: input.managerId ?? null, path })
      .returning();
    await recordAudit(tx, ctx, { entity: 'unit', entityId: id, action: 'create', after: row! });
    return { ...row!, staffCount: 0 };
  });
}

export async function updateUnit(ctx: Ctx, id: string, input: UnitInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await getUnit(tx, ctx, id);
    let path = before.path;
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      path = await pathUnder(tx, ctx, input.parentId, id);
      // Moving a unit moves its whole subtree.
      await tx.execute(sql`update units set path = ${path} || substr(path, ${before.path.length + 1})
        where tenant_id = ${ctx.tenantId} and path like ${before.path + '%'} and id <> ${id}`);
    }
    const [after] = await tx
      .update(units)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        ...(input.managerId !== undefined ? { managerId: input.managerId } : {}),
        path,
        updatedAt: ctx.now(),
      })
      .where(eq(units.id, id))
      .returning();
    await recordAudit(tx, ctx, { entity: 'unit', entityId: id, action: 'update', before, after: after! });
    return after!;
  });
}

export async function deleteUnit(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await getUnit(tx, ctx, id);
    const [child] = await tx.select({ id: units.id }).from(units).where(and(eq(units.tenantId, ctx.tenantId), eq(units.parentId, id))).limit(1);
    if (child) throw new AppError('in_use', { detail: 'این واحد زیرواحد دارد؛ ابتدا زیرواحدها را جابه‌جا یا حذف کنید.' });
    const [member] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.unitId, id))).limit(1);
    if (member) throw new AppError('in_use', { detail: 'در این واحد پرسنل عضو هستند؛ ابتدا آن‌ها را به واحد دیگری منتقل کنید.' });
    await tx.delete(units).where(eq(units.id, id));
    await recordAudit(tx, ctx, { entity: 'unit', entityId: id, action: 'delete', before });
  });
}

/** Ids of a unit and every unit below it, for the "my unit and its sub-units" scope. */
export async function unitSubtreeIds(tx: Tx, tenantId: string, unitId: string): Promise<string[]> {
  const [unit] = await tx.select({ path: units.path }).from(units).where(and(eq(units.id, unitId), eq(units.tenantId, tenantId)));
  if (!unit) return [];
  const rows = await tx.select({ id: units.id }).from(units).where(and(eq(units.tenantId, tenantId), like(units.path, `${unit.path}%`)));
  return rows.map((r) => r.id);
}

export async function listJobPositions(ctx: Ctx) {
  return inTenant(ctx.db, ctx, (tx) =>
    tx.select({ id: jobPositions.id, name: jobPositions.name }).from(jobPositions).where(eq(jobPositions.tenantId, ctx.tenantId)).orderBy(asc(jobPositions.name)),
  );
}

export async function saveJobPosition(ctx: Ctx, id: string | null, name: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    if (!id) {
      const [row] = await tx.insert(jobPositions).values({ tenantId: ctx.tenantId, name }).returning();
      await recordAudit(tx, ctx, { entity: 'jobPosition', entityId: row!.id, action: 'create', after: row! });
      return { id: row!.id, name: row!.name };
    }
    const [before] = await tx.select().from(jobPositions).where(and(eq(jobPositions.id, id), eq(jobPositions.tenantId, ctx.tenantId)));
    if (!before) throw notFound('سمت');
    const [after] = await tx.update(jobPositions).set({ name }).where(eq(jobPositions.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'jobPosition', entityId: id, action: 'update', before, after: after! });
    return { id, name };
  });
}

export async function deleteJobPosition(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(jobPositions).where(and(eq(jobPositions.id, id), eq(jobPositions.tenantId, ctx.tenantId)));
    if (!before) throw notFound('سمت');
    const [used] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.jobPositionId, id))).limit(1);
    if (used) throw new AppError('in_use', { detail: 'این سمت به پرسنلی داده شده و حذف نمی‌شود.' });
    await tx.delete(jobPositions).where(eq(jobPositions.id, id));
    await recordAudit(tx, ctx, { entity: 'jobPosition', entityId: id, action: 'delete', before });
  });
}
