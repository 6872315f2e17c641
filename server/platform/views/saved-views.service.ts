import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { inTenant } from '../db/transactions.js';
import { AppError, notFound } from '../http/app-error.js';
import { savedViews } from './saved-views.table.js';

/** A person's own saved list views; nobody else sees or changes them (an API key has none). */
const me = (ctx: Ctx) => {
  if (!ctx.userId) throw new AppError('forbidden');
  return ctx.userId;
};

export async function listSavedViews(ctx: Ctx, list: string) {
  const userId = me(ctx);
  return inTenant(ctx.db, ctx, (tx) =>
    tx.select({ id: savedViews.id, name: savedViews.name, config: savedViews.config }).from(savedViews)
      .where(and(eq(savedViews.tenantId, ctx.tenantId), eq(savedViews.userId, userId), eq(savedViews.list, list)))
      .orderBy(asc(savedViews.name)));
}

export async function saveView(ctx: Ctx, input: { list: string; name: string; config: Record<string, unknown> }) {
  const userId = me(ctx);
  const [row] = await inTenant(ctx.db, ctx, (tx) => tx.insert(savedViews).values({ tenantId: ctx.tenantId, userId, ...input }).returning());
  return { id: row!.id, name: row!.name, config: row!.config };
}

export async function deleteView(ctx: Ctx, id: string) {
  const userId = me(ctx);
  const [row] = await inTenant(ctx.db, ctx, (tx) => tx.delete(savedViews).where(and(eq(savedViews.tenantId, ctx.tenantId), eq(savedViews.userId, userId), eq(savedViews.id, id))).returning());
  if (!row) throw notFound('نما');
}
