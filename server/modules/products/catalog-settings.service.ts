// Units of measure and product attributes: the small lists Settings manages.
import { and, asc, eq, ne, notInArray, or, sql } from 'drizzle-orm';
import type { AttributeInput, UnitInput } from '../../../common/contracts/products.contract.js';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { productAttributes, productUnits, productVariants, products } from './products.table.js';
import { defined } from './defined.js';

const unitCols = { id: productUnits.id, name: productUnits.name, decimals: productUnits.decimals, active: productUnits.active };

export async function listUnits(ctx: Ctx) {
  return inTenant(ctx.db, ctx, (tx) => tx.select(unitCols).from(productUnits).where(eq(productUnits.tenantId, ctx.tenantId)).orderBy(asc(productUnits.name)));
}

export async function saveUnit(ctx: Ctx, id: string | null, input: Partial<UnitInput>) {
  return inTenant(ctx.db, ctx, async (tx) => {
    if (input.name !== undefined) {
      const [dup] = await tx.select({ id: productUnits.id }).from(productUnits)
        .where(and(eq(productUnits.tenantId, ctx.tenantId), eq(productUnits.name, input.name), id ? ne(productUnits.id, id) : undefined));
      if (dup) throw fieldError('name', `واحد «${input.name}» از قبل تعریف شده است`, 'duplicate');
    }
    if (!id) {
      const [row] = await tx.insert(productUnits).values({ tenantId: ctx.tenantId, name: input.name!, decimals: input.decimals ?? 0, active: input.active ?? true, createdAt: ctx.now() }).returning();
      await recordAudit(tx, ctx, { entity: 'productUnit', entityId: row!.id, action: 'create', after: row! });
      return row!;
    }
    const [before] = await tx.select().from(productUnits).where(and(eq(productUnits.tenantId, ctx.tenantId), eq(productUnits.id, id)));
    if (!before) throw notFound('واحد');
    const changes = defined({ name: input.name, decimals: input.decimals, active: input.active });
    const [after] = Object.keys(changes).length ? await tx.update(productUnits).set(changes).where(eq(productUnits.id, id)).returning() : [before];
    await recordAudit(tx, ctx, { entity: 'productUnit', entityId: id, action: 'update', before, after: after! });
    return after!;
  });
}

export async function deleteUnit(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(productUnits).where(and(eq(productUnits.tenantId, ctx.tenantId), eq(productUnits.id, id)));
    if (!before) throw notFound('واحد');
    const [used] = await tx.select({ name: products.name }).from(products)
      .where(and(eq(products.tenantId, ctx.tenantId), or(eq(products.unitId, id), eq(products.secondUnitId, id)))).limit(1);
    if (used) throw new AppError('in_use', { detail: `واحد «${before.name}» در کالای «${used.name}» استفاده شده است؛ به جای حذف، آن را غیرفعال کنید.` });
    await tx.delete(productUnits).where(eq(productUnits.id, id));
    await recordAudit(tx, ctx, { entity: 'productUnit', entityId: id, action: 'delete', before });
  });
}

const attrCols = { id: productAttributes.id, name: productAttributes.name, values: productAttributes.values };

export async function listAttributes(ctx: Ctx) {
  return inTenant(ctx.db, ctx, (tx) => tx.select(attrCols).from(productAttributes).where(eq(productAttributes.tenantId, ctx.tenantId)).orderBy(asc(productAttributes.name)));
}

/** Variants that use this attribute name. */
const variantsUsing = (tenantId: string, name: string) =>
  and(eq(productVariants.tenantId, tenantId), sql`jsonb_exists(${productVariants.attributes}, ${name})`);

export async function saveAttribute(ctx: Ctx, id: string | null, input: Partial<AttributeInput>) {
  const values = input.values ? [...new Set(input.values)] : undefined;
  return inTenant(ctx.db, ctx, async (tx) => {
    if (input.name !== undefined) {
      const [dup] = await tx.select({ id: productAttributes.id }).from(productAttributes)
        .where(and(eq(productAttributes.tenantId, ctx.tenantId), eq(productAttributes.name, input.name), id ? ne(productAttributes.id, id) : undefined));
      if (dup) throw fieldError('name', `مشخصه «${input.name}» از قبل تعریف شده است`, 'duplicate');
    }
    if (!id) {
      const [row] = await tx.insert(productAttributes).values({ tenantId: ctx.tenantId, name: input.name!, values: values ?? [], createdAt: ctx.now() }).returning();
      await recordAudit(tx, ctx, { entity: 'productAttribute', entityId: row!.id, action: 'create', after: row! });
      return row!;
    }
    const [before] = await tx.select().from(productAttributes).where(and(eq(productAttributes.tenantId, ctx.tenantId), eq(productAttributes.id, id)));
    if (!before) throw notFound('مشخصه');
    const [inUse] = await tx.select({ attributes: productVariants.attributes }).from(productVariants).where(variantsUsing(ctx.tenantId, before.name)).limit(1);
    if (inUse && input.name !== undefined && input.name !== before.name) {
      throw fieldError('name', `مشخصه «${before.name}» در تنوع کالاها استفاده شده و نامش تغییر نمی‌کند`, 'in_use');
    }
    if (values) {
      const [removedUsed] = await tx.select({ v: sql<string>`${productVariants.attributes} ->> ${before.name}` }).from(productVariants)
        .where(and(variantsUsing(ctx.tenantId, before.name), notInArray(sql`${productVariants.attributes} ->> ${before.name}`, values))).limit(1);
      if (removedUsed) throw fieldError('values', `مقدار «${removedUsed.v}» در تنوع کالاها استفاده شده و حذف نمی‌شود`, 'in_use');
    }
    const changes = defined({ name: input.name, values });
    const [after] = Object.keys(changes).length ? await tx.update(productAttributes).set(changes).where(eq(productAttributes.id, id)).returning() : [before];
    await recordAudit(tx, ctx, { entity: 'productAttribute', entityId: id, action: 'update', before, after: after! });
    return after!;
  });
}

export async function deleteAttribute(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(productAttributes).where(and(eq(productAttributes.tenantId, ctx.tenantId), eq(productAttributes.id, id)));
    if (!before) throw notFound('مشخصه');
    const [used] = await tx.select({ id: productVariants.id }).from(productVariants).where(variantsUsing(ctx.tenantId, before.name)).limit(1);
    if (used) throw new AppError('in_use', { detail: `مشخصه «${before.name}» در تنوع کالاها استفاده شده و حذف نمی‌شود.` });
    await tx.delete(productAttributes).where(eq(productAttributes.id, id));
    await recordAudit(tx, ctx, { entity: 'productAttribute', entityId: id, action: 'delete', before });
  });
}
