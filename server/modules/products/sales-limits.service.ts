// Sales category limits: a sales user limited to some product groups may sell only products in those
// branches (a user without limits sells everything). Later sales documents call canSell.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { users } from '../staff/index.js';
import { productCategories, products, salesCategoryLimits } from './products.table.js';
import { sellableBy } from './products.repository.js';

async function assertUser(tx: Tx, tenantId: string, userId: string) {
  const [u] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!u) throw notFound('کاربر');
}

async function limitsOf(tx: Tx, tenantId: string, userId: string) {
  const rows = await tx.select({ id: productCategories.id, name: productCategories.name }).from(salesCategoryLimits)
    .innerJoin(productCategories, eq(productCategories.id, salesCategoryLimits.categoryId))
    .where(and(eq(salesCategoryLimits.tenantId, tenantId), eq(salesCategoryLimits.userId, userId)))
    .orderBy(productCategories.path);
  return { userId, categoryIds: rows.map((r) => r.id), categories: rows };
}

export async function getSalesLimits(ctx: Ctx, userId: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await assertUser(tx, ctx.tenantId, userId);
    return limitsOf(tx, ctx.tenantId, userId);
  });
}

/** Replaces the user's limited categories (an empty list lifts the limit). */
export async function setSalesLimits(ctx: Ctx, userId: string, categoryIds: string[]) {
  const ids = [...new Set(categoryIds)];
  return inTenant(ctx.db, ctx, async (tx) => {
    await assertUser(tx, ctx.tenantId, userId);
    if (ids.length) {
      const found = await tx.select({ id: productCategories.id }).from(productCategories).where(and(eq(productCategories.tenantId, ctx.tenantId), inArray(productCategories.id, ids)));
      const missing = ids.findIndex((id) => !found.some((f) => f.id === id));
      if (missing >= 0) throw fieldError(`categoryIds.${missing}`, 'گروه کالای انتخاب‌شده پیدا نشد');
    }
    const before = await limitsOf(tx, ctx.tenantId, userId);
    await tx.delete(salesCategoryLimits).where(and(eq(salesCategoryLimits.tenantId, ctx.tenantId), eq(salesCategoryLimits.userId, userId)));
    if (ids.length) await tx.insert(salesCategoryLimits).values(ids.map((categoryId) => ({ tenantId: ctx.tenantId, userId, categoryId, createdAt: ctx.now() })));
    const after = await limitsOf(tx, ctx.tenantId, userId);
    await recordAudit(tx, ctx, { entity: 'salesCategoryLimits', entityId: userId, action: 'update', before: { categories: before.categories.map((c) => c.name) }, after: { categories: after.categories.map((c) => c.name) } });
    return after;
  });
}

export type SellRefusal = { productId: string; code: string | null; name: string | null; reason: 'not_found' | 'deleted' | 'inactive' | 'category' };
export type SellCheck = { allowed: boolean; refused: SellRefusal[] };

/**
 * Whether `userId` may sell these products now: each must exist, not be deleted, be active and lie in
 * one of the user's limited category branches (when the user has limits). Runs in the caller's transaction.
 */
export async function canSell(tx: Tx, tenantId: string, userId: string, productIds: string[]): Promise<SellCheck> {
  const ids = [...new Set(productIds)];
  if (!ids.length) return { allowed: true, refused: [] };
  const rows = await tx
    .select({ id: products.id, code: products.code, name: products.name, active: products.active, deletedAt: products.deletedAt, sellable: sql<boolean>`${sellableBy(tenantId, userId)}` })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, ids)));
  const refused: SellRefusal[] = [];
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    const reason = !r ? 'not_found' : r.deletedAt ? 'deleted' : !r.active ? 'inactive' : !r.sellable ? 'category' : null;
    if (reason) refused.push({ productId: id, code: r?.code ?? null, name: r?.name ?? null, reason });
  }
  return { allowed: refused.length === 0, refused };
}

export const SELL_REFUSAL_FA: Record<SellRefusal['reason'], string> = {
  not_found: 'پیدا نشد',
  deleted: 'حذف شده است',
  inactive: 'غیرفعال است',
  category: 'در گروه‌های کالای مجاز این کارشناس نیست',
};
