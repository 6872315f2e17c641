import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { REPLIES_SHOWN, type PostOut, type ReplyOut } from '../../../common/contracts/wall.contract.js';
import { searchNormalize } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { users } from '../staff/index.js';
import { postLikes, postMentions, posts } from './wall.table.js';

export type PostRow = typeof posts.$inferSelect;
export const postSearchText = (body: string) => searchNormalize(body);

/** One record's top-level posts, newest first, keyset on (createdAt, id), each with its latest replies. */
export async function selectWall(tx: Tx, ctx: Ctx, record: { linkType: string; linkId: string }, opts: { limit: number; cursor?: string | undefined }) {
  const rows = await tx.select().from(posts)
    .where(and(eq(posts.tenantId, ctx.tenantId), eq(posts.linkType, record.linkType), eq(posts.linkId, record.linkId), isNull(posts.parentId),
      afterCursor(posts.createdAt, posts.id, true, opts.cursor)))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return { items: await withThreads(tx, ctx, page), nextCursor: rows.length > opts.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

export async function selectThread(tx: Tx, ctx: Ctx, root: PostRow): Promise<PostOut> {
  return (await withThreads(tx, ctx, [root]))[0]!;
}

/** Top-level posts with their newest REPLIES_SHOWN replies (oldest first) and every count the wall shows. */
async function withThreads(tx: Tx, ctx: Ctx, roots: PostRow[]): Promise<PostOut[]> {
  if (!roots.length) return [];
  const rootIds = roots.map((r) => r.id);
  const ranked = tx.select({
    id: posts.id,
    rn: sql<number>`row_number() over (partition by ${posts.parentId} order by ${posts.createdAt} desc, ${posts.id} desc)`.as('rn'),
  }).from(posts).where(and(eq(posts.tenantId, ctx.tenantId), inArray(posts.parentId, rootIds))).as('ranked');
  const replyIds = (await tx.select({ id: ranked.id }).from(ranked).where(lte(ranked.rn, REPLIES_SHOWN))).map((r) => r.id);
  const replies = replyIds.length
    ? await tx.select().from(posts).where(and(eq(posts.tenantId, ctx.tenantId), inArray(posts.id, replyIds))).orderBy(asc(posts.createdAt), asc(posts.id))
    : [];
  const counts = await tx.select({ parentId: posts.parentId, n: sql<number>`count(*)::int` }).from(posts)
    .where(and(eq(posts.tenantId, ctx.tenantId), inArray(posts.parentId, rootIds))).groupBy(posts.parentId);
  const out = await toOut(tx, ctx, [...roots, ...replies]);
  const byId = new Map(out.map((o) => [o.id, o]));
  return roots.map((r) => ({
    ...byId.get(r.id)!,
    replyCount: Number(counts.find((c) => c.parentId === r.id)?.n ?? 0),
    replies: replies.filter((x) => x.parentId === r.id).map((x) => byId.get(x.id)!),
  }));
}

/** Mentions are listed in the order they appear in the text. */
const mentionAt = (body: string, username: string) => body.toLowerCase().indexOf(`@${username.toLowerCase()}`);

/** Author names, mentions, like counts and «liked by me» for a set of posts, in a few grouped queries. */
async function toOut(tx: Tx, ctx: Ctx, rows: PostRow[]): Promise<ReplyOut[]> {
  const ids = rows.map((r) => r.id);
  const tenant = eq(users.tenantId, ctx.tenantId);
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const [authors, mentions, likes, mine] = await Promise.all([
    tx.select({ id: users.id, username: users.username, firstName: users.firstName, lastName: users.lastName }).from(users).where(and(tenant, inArray(users.id, authorIds))),
    tx.select({ postId: postMentions.postId, userId: users.id, username: users.username, firstName: users.firstName, lastName: users.lastName })
      .from(postMentions).innerJoin(users, eq(users.id, postMentions.userId))
      .where(and(eq(postMentions.tenantId, ctx.tenantId), inArray(postMentions.postId, ids))),
    tx.select({ postId: postLikes.postId, n: sql<number>`count(*)::int` }).from(postLikes)
      .where(and(eq(postLikes.tenantId, ctx.tenantId), inArray(postLikes.postId, ids))).groupBy(postLikes.postId),
    ctx.userId
      ? tx.select({ postId: postLikes.postId }).from(postLikes).where(and(eq(postLikes.tenantId, ctx.tenantId), eq(postLikes.userId, ctx.userId), inArray(postLikes.postId, ids)))
      : Promise.resolve([] as { postId: string }[]),
  ]);
  const liked = new Set(mine.map((m) => m.postId));
  return rows.map((p) => {
    const a = authors.find((x) => x.id === p.authorId);
    const deleted = p.deletedAt !== null;
    return {
      id: p.id, parentId: p.parentId, linkType: p.linkType, linkId: p.linkId, customerId: p.customerId, authorId: p.authorId,
      authorName: a ? `${a.firstName} ${a.lastName}`.trim() : null, authorUsername: a?.username ?? null,
      body: deleted ? null : p.body, deleted, edited: p.editedAt !== null,
      mentions: mentions.filter((m) => m.postId === p.id).map((m) => ({ userId: m.userId, username: m.username, name: `${m.firstName} ${m.lastName}`.trim() }))
        .sort((x, y) => mentionAt(p.body, x.username) - mentionAt(p.body, y.username)),
      likeCount: Number(likes.find((l) => l.postId === p.id)?.n ?? 0), likedByMe: liked.has(p.id),
      isMine: !!ctx.userId && p.authorId === ctx.userId, version: p.version, createdAt: p.createdAt.toISOString(),
    };
  });
}

export async function likeState(tx: Tx, ctx: Ctx, postId: string) {
  const [row] = await tx.select({
    n: sql<number>`count(*)::int`,
    mine: sql<boolean>`coalesce(bool_or(${postLikes.userId} = ${ctx.userId}), false)`,
  }).from(postLikes).where(and(eq(postLikes.tenantId, ctx.tenantId), eq(postLikes.postId, postId)));
  return { likeCount: Number(row?.n ?? 0), likedByMe: !!row?.mine };
}

export const postById = async (tx: Tx, ctx: Ctx, id: string, lock = false) => {
  const q = tx.select().from(posts).where(and(eq(posts.tenantId, ctx.tenantId), eq(posts.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
};

export const replyCountOf = async (tx: Tx, ctx: Ctx, rootId: string) => {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(posts).where(and(eq(posts.tenantId, ctx.tenantId), eq(posts.parentId, rootId)));
  return Number(r?.n ?? 0);
};
