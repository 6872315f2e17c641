// Likes: one per person per post. Liking twice or unliking what was not liked changes nothing and
// writes no history, so a double click or a retried request is harmless.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { notFound } from '../../platform/http/app-error.js';
import { likeState } from './posts.repository.js';
import { authorOf, loadVisible } from './posts.service.js';
import { postLikes } from './wall.table.js';

export async function likePost(ctx: Ctx, postId: string) {
  const userId = authorOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const { row } = await loadVisible(tx, ctx, postId);
    if (row.deletedAt) throw notFound('پیام');
    const added = await tx.insert(postLikes).values({ tenantId: ctx.tenantId, postId, userId, createdAt: ctx.now() })
      .onConflictDoNothing().returning({ postId: postLikes.postId });
    if (added.length) await recordAudit(tx, ctx, { entity: 'postLike', entityId: postId, action: 'create', after: { userId } });
    return likeState(tx, ctx, postId);
  });
}

export async function unlikePost(ctx: Ctx, postId: string) {
  const userId = authorOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    await loadVisible(tx, ctx, postId);
    const removed = await tx.delete(postLikes)
      .where(and(eq(postLikes.tenantId, ctx.tenantId), eq(postLikes.postId, postId), eq(postLikes.userId, userId)))
      .returning({ postId: postLikes.postId });
    if (removed.length) await recordAudit(tx, ctx, { entity: 'postLike', entityId: postId, action: 'delete', before: { userId } });
    return likeState(tx, ctx, postId);
  });
}
