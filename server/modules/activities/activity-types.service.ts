import { and, asc, eq, ne } from 'drizzle-orm';
import type { ActivityTypeCreate, ActivityTypeOut, ActivityTypePatch } from '../../../common/contracts/activities.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { activities, activityTypes } from './activities.table.js';

type Row = typeof activityTypes.$inferSelect;
const toOut = (r: Row): ActivityTypeOut => ({
  id: r.id, name: r.name, kind: r.kind, color: r.color.toUpperCase(), icon: r.icon, sortOrder: r.sortOrder, active: r.active, isSystem: r.isSystem, version: r.version,
});

export const listActivityTypes = (ctx: Ctx) =>
  inTenant(ctx.db, ctx, async (tx) =>
    (await tx.select().from(activityTypes).where(eq(activityTypes.tenantId, ctx.tenantId)).orderBy(asc(activityTypes.sortOrder), asc(activityTypes.name))).map(toOut));

async function assertUniqueName(tx: Tx, ctx: Ctx, name: string, selfId: string | null) {
  const [dup] = await tx.select({ id: activityTypes.id }).from(activityTypes)
    .where(and(eq(activityTypes.tenantId, ctx.tenantId), eq(activityTypes.name, name), selfId ? ne(activityTypes.id, selfId) : undefined));
  if (dup) throw fieldError('name', `نوع فعالیتی با عنوان «${name}» وجود دارد`, 'duplicate');
}

async function lock(tx: Tx, ctx: Ctx, id: string) {
  const [row] = await tx.select().from(activityTypes).where(and(eq(activityTypes.tenantId, ctx.tenantId), eq(activityTypes.id, id))).for('update');
  if (!row) throw notFound('نوع فعالیت');
  return row;
}

export async function createActivityType(ctx: Ctx, input: ActivityTypeCreate) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await assertUniqueName(tx, ctx, input.name, null);
    const [row] = await tx.insert(activityTypes).values({
      tenantId: ctx.tenantId, name: input.name, kind: input.kind, color: input.color.toUpperCase(), icon: input.icon,
      sortOrder: input.sortOrder ?? 100, active: input.active ?? true, createdAt: ctx.now(), updatedAt: ctx.now(),
    }).returning();
    await recordAudit(tx, ctx, { entity: 'activityType', entityId: row!.id, action: 'create', after: row! });
    return toOut(row!);
  });
}

export async function updateActivityType(ctx: Ctx, id: string, patch: ActivityTypePatch) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await lock(tx, ctx, id);
    if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
    const { version: _v, ...values } = patch;
    if (values.name) await assertUniqueName(tx, ctx, values.name, id);
    if (values.color) values.color = values.color.toUpperCase();
    const [after] = await tx.update(activityTypes).set({ ...values, version: before.version + 1, updatedAt: ctx.now() }).where(eq(activityTypes.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'activityType', entityId: id, action: 'update', before, after: after! });
    return toOut(after!);
  });
}

/** A seeded type, or one activities use, stays (it can be made inactive instead). */
export async function deleteActivityType(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await lock(tx, ctx, id);
    if (before.isSystem) throw new AppError('in_use', { detail: `نوع «${before.name}» از انواع پایه است و حذف نمی‌شود؛ می‌توانید آن را غیرفعال کنید.` });
    const [used] = await tx.select({ id: activities.id }).from(activities).where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.typeId, id))).limit(1);
    if (used) throw new AppError('in_use', { detail: `نوع «${before.name}» در فعالیت‌ها به کار رفته و حذف نمی‌شود؛ می‌توانید آن را غیرفعال کنید.` });
    await tx.delete(activityTypes).where(eq(activityTypes.id, id));
    await recordAudit(tx, ctx, { entity: 'activityType', entityId: id, action: 'delete', before });
  });
}
