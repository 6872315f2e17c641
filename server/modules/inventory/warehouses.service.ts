import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { WarehouseCreate, WarehouseOut, WarehousePatch } from '../../../common/contracts/inventory.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { users } from '../staff/index.js';
import { stockBalances, stockDocuments, stockReservations, warehouses } from './inventory.table.js';

type Row = typeof warehouses.$inferSelect;

const toOut = (w: Row, managerName: string | null): WarehouseOut => ({
  id: w.id, code: w.code, name: w.name, managerId: w.managerId, managerName: managerName?.trim() || null, address: w.address,
  allowNegativeStock: w.allowNegativeStock, active: w.active, version: w.version, createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString(),
});

async function select(tx: Tx, tenantId: string, id?: string) {
  const rows = await tx
    .select({ w: warehouses, managerName: sql<string | null>`${users.firstName} || ' ' || ${users.lastName}` })
    .from(warehouses)
    .leftJoin(users, eq(users.id, warehouses.managerId))
    .where(and(eq(warehouses.tenantId, tenantId), id ? eq(warehouses.id, id) : undefined))
    .orderBy(asc(warehouses.code));
  return rows.map((r) => toOut(r.w, r.managerName));
}

export const listWarehouses = (ctx: Ctx) => inTenant(ctx.db, ctx, (tx) => select(tx, ctx.tenantId));

export async function getWarehouse(ctx: Ctx, id: string) {
  const [w] = await inTenant(ctx.db, ctx, (tx) => select(tx, ctx.tenantId, id));
  if (!w) throw notFound('انبار');
  return w;
}

async function assertValid(tx: Tx, ctx: Ctx, values: Partial<WarehouseCreate>, selfId: string | null) {
  if (values.managerId) {
    const [u] = await tx.select({ active: users.active }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, values.managerId)));
    if (!u) throw fieldError('managerId', 'مدیر انبار انتخاب‌شده پیدا نشد');
    if (!u.active) throw fieldError('managerId', 'مدیر انبار انتخاب‌شده غیرفعال است');
  }
  if (values.code) {
    const [dup] = await tx.select({ name: warehouses.name }).from(warehouses)
      .where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.code, values.code), selfId ? ne(warehouses.id, selfId) : undefined));
    if (dup) throw fieldError('code', `کد انبار برای انبار «${dup.name}» ثبت شده است`, 'duplicate');
  }
}

async function lock(tx: Tx, ctx: Ctx, id: string) {
  const [row] = await tx.select().from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, id))).for('update');
  if (!row) throw notFound('انبار');
  return row;
}

export async function createWarehouse(ctx: Ctx, input: WarehouseCreate) {
  const id = await inTenant(ctx.db, ctx, async (tx) => {
    await assertValid(tx, ctx, input, null);
    const [row] = await tx.insert(warehouses).values({
      tenantId: ctx.tenantId, code: input.code, name: input.name, managerId: input.managerId ?? null, address: input.address ?? null,
      allowNegativeStock: input.allowNegativeStock ?? false, active: input.active ?? true, createdAt: ctx.now(), updatedAt: ctx.now(),
    }).returning();
    await recordAudit(tx, ctx, { entity: 'warehouse', entityId: row!.id, action: 'create', after: row! });
    return row!.id;
  });
  return getWarehouse(ctx, id);
}

export async function updateWarehouse(ctx: Ctx, id: string, patch: WarehousePatch) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await lock(tx, ctx, id);
    if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
    const { version: _v, ...values } = patch;
    await assertValid(tx, ctx, values, id);
    const [after] = await tx.update(warehouses).set({ ...values, version: before.version + 1, updatedAt: ctx.now() }).where(eq(warehouses.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'warehouse', entityId: id, action: 'update', before, after: after! });
  });
  return getWarehouse(ctx, id);
}

/** Only a warehouse nothing refers to is deleted; a used one can be made inactive instead. */
export async function deleteWarehouse(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await lock(tx, ctx, id);
    const used = await tx.execute(sql`
      select 1 from ${stockDocuments} where tenant_id = ${ctx.tenantId} and (warehouse_id = ${id} or to_warehouse_id = ${id})
      union all select 1 from ${stockBalances} where tenant_id = ${ctx.tenantId} and warehouse_id = ${id}
      union all select 1 from ${stockReservations} where tenant_id = ${ctx.tenantId} and warehouse_id = ${id}
      limit 1`);
    if ((used as unknown as { rows: unknown[] }).rows.length) {
      throw new AppError('in_use', { detail: `انبار «${before.name}» در اسناد یا موجودی به کار رفته و حذف نمی‌شود؛ می‌توانید آن را غیرفعال کنید.` });
    }
    await tx.delete(warehouses).where(eq(warehouses.id, id));
    await recordAudit(tx, ctx, { entity: 'warehouse', entityId: id, action: 'delete', before });
  });
}
