// The product category tree (گروه کالا) with materialized paths; see domain/category-path.ts.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import type { CategoryInput, CategoryPatch } from '../../../common/contracts/products.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { depthOf, movedPath, pathOf } from './domain/category-path.js';
import { productCategories, products } from './products.table.js';

export async function listCategories(ctx: Ctx) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await tx
      .select({
        id: productCategories.id, parentId: productCategories.parentId, name: productCategories.name, path: productCategories.path,
        sortOrder: productCategories.sortOrder, active: productCategories.active,
        // Qualified by hand: drizzle leaves columns unqualified in a single-table select, which a subquery would misread.
        productCount: sql<number>`(select count(*)::int from ${products} p where p.category_id = product_categories.id and p.deleted_at is null)`,
      })
      .from(productCategories)
      .where(eq(productCategories.tenantId, ctx.tenantId))
      .orderBy(asc(productCategories.sortOrder), asc(productCategories.name));
    return rows.map((r) => ({ ...r, productCount: Number(r.productCount), depth: depthOf(r.path) }));
  });
}

export async function loadCategory(tx: Tx, tenantId: string, id: string, field = 'categoryId', label = 'گروه کالا') {
  const [row] = await tx.select().from(productCategories).where(and(eq(productCategories.tenantId, tenantId), eq(productCategories.id, id)));
  if (!row) throw fieldError(field, `${label} انتخاب‌شده پیدا نشد`);
  return row;
}

async function assertUniqueName(tx: Tx, tenantId: string, parentId: string | null, name: string, selfId: string | null) {
  const siblings = await tx.select({ id: productCategories.id }).from(productCategories)
    .where(and(eq(productCategories.tenantId, tenantId), parentId ? eq(productCategories.parentId, parentId) : isNull(productCategories.parentId), eq(productCategories.name, name)));
  if (siblings.some((s) => s.id !== selfId)) throw fieldError('name', `گروه «${name}» در همین شاخه وجود دارد`, 'duplicate');
}

export async function createCategory(ctx: Ctx, input: CategoryInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const parent = input.parentId ? await loadCategory(tx, ctx.tenantId, input.parentId, 'parentId', 'گروه بالادست') : null;
    await assertUniqueName(tx, ctx.tenantId, parent?.id ?? null, input.name, null);
    const id = randomUUID();
    const [row] = await tx.insert(productCategories).values({
      id, tenantId: ctx.tenantId, parentId: parent?.id ?? null, name: input.name, path: pathOf(parent?.path ?? null, id),
      sortOrder: input.sortOrder ?? 0, active: input.active ?? true, createdAt: ctx.now(), updatedAt: ctx.now(),
    }).returning();
    await recordAudit(tx, ctx, { entity: 'productCategory', entityId: id, action: 'create', after: row! });
    return { ...row!, depth: depthOf(row!.path), productCount: 0 };
  });
}

/** Rename, reorder, (de)activate or move under another parent; a move rewrites the whole subtree's paths. */
export async function updateCategory(ctx: Ctx, id: string, patch: CategoryPatch) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(productCategories).where(and(eq(productCategories.tenantId, ctx.tenantId), eq(productCategories.id, id)));
    if (!before) throw notFound('گروه کالا');
    let parentId = before.parentId;
    let path = before.path;
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      const parent = patch.parentId ? await loadCategory(tx, ctx.tenantId, patch.parentId, 'parentId', 'گروه بالادست') : null;
      const moved = movedPath(before.path, id, parent?.path ?? null);
      if ('error' in moved) throw fieldError('parentId', 'گروه را نمی‌توان زیر خودش یا یکی از زیرگروه‌هایش برد');
      parentId = parent?.id ?? null;
      path = moved.path;
    }
    const name = patch.name ?? before.name;
    if (name !== before.name || parentId !== before.parentId) await assertUniqueName(tx, ctx.tenantId, parentId, name, id);
    if (path !== before.path) {
      await tx.update(productCategories)
        .set({ path: sql`${path} || substr(${productCategories.path}, ${before.path.length + 1})`, updatedAt: ctx.now() })
        .where(and(eq(productCategories.tenantId, ctx.tenantId), like(productCategories.path, `${before.path}%`)));
    }
    const [after] = await tx.update(productCategories)
      .set({ name, parentId, sortOrder: patch.sortOrder, active: patch.active, updatedAt: ctx.now() })
      .where(eq(productCategories.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'productCategory', entityId: id, action: 'update', before, after: after! });
    return { ...after!, depth: depthOf(after!.path), productCount: 0 };
  });
}

export async function deleteCategory(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(productCategories).where(and(eq(productCategories.tenantId, ctx.tenantId), eq(productCategories.id, id)));
    if (!before) throw notFound('گروه کالا');
    const [child] = await tx.select({ name: productCategories.name }).from(productCategories).where(and(eq(productCategories.tenantId, ctx.tenantId), eq(productCategories.parentId, id))).limit(1);
    if (child) throw new AppError('in_use', { detail: `گروه «${before.name}» زیرگروه «${child.name}» را دارد؛ اول زیرگروه‌ها را جابه‌جا یا حذف کنید.` });
    const [used] = await tx.select({ name: products.name }).from(products).where(and(eq(products.tenantId, ctx.tenantId), eq(products.categoryId, id))).limit(1);
    if (used) throw new AppError('in_use', { detail: `گروه «${before.name}» در کالای «${used.name}» استفاده شده است؛ به جای حذف، آن را غیرفعال کنید.` });
    await tx.delete(productCategories).where(eq(productCategories.id, id));
    await recordAudit(tx, ctx, { entity: 'productCategory', entityId: id, action: 'delete', before });
  });
}
