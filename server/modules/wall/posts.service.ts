import { and, eq } from 'drizzle-orm';
import type { PostCreate, PostListQuery, PostPatch } from '../../../common/contracts/wall.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { linkTarget } from '../../platform/links/record-links.js';
import { resolveRecord, type RecordRef } from '../notes/index.js';
import { users } from '../staff/index.js';
import { clearMentions, resolveMentions, saveMentions, type Mentioned } from './mentions.js';
import { postById, postSearchText, replyCountOf, selectThread, selectWall, type PostRow } from './posts.repository.js';
import { posts } from './wall.table.js';

/** Posts are people's: an API key can read a wall but not write on it. */
export function authorOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError('forbidden');
  return ctx.userId;
}

export async function listPosts(ctx: Ctx, q: PostListQuery) {
  return inTenant(ctx.db, ctx, async (tx) => selectWall(tx, ctx, await resolveRecord(tx, ctx, q, 'read'), q));
}

/** A stored post's record as the user sees it; a wall on a record they may not see does not exist for them. */
export async function recordOfPost(tx: Tx, ctx: Ctx, p: PostRow): Promise<RecordRef> {
  const target = linkTarget(p.linkType);
  const record = target ? await target.resolve(tx, ctx, p.linkId) : null;
  if (!target || !record) throw notFound('پیام');
  return { linkType: p.linkType, linkId: p.linkId, customerId: record.customerId, title: `${target.label.fa}: ${record.title}`, path: record.path };
}

/** The post (locked when `lock`) and its record, or 404 when either is out of the user's sight. */
export async function loadVisible(tx: Tx, ctx: Ctx, id: string, lock = false) {
  const row = await postById(tx, ctx, id, lock);
  if (!row) throw notFound('پیام');
  return { row, record: await recordOfPost(tx, ctx, row) };
}

export async function getPost(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const { row } = await loadVisible(tx, ctx, id);
    const root = row.parentId ? (await postById(tx, ctx, row.parentId))! : row;
    return selectThread(tx, ctx, root);
  });
}

async function authorName(tx: Tx, ctx: Ctx, id: string) {
  const [u] = await tx.select({ f: users.firstName, l: users.lastName }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, id)));
  return u ? `${u.f} ${u.l}`.trim() : 'یک همکار';
}
const auditShape = (p: PostRow, mentions: Mentioned[]) => ({
  linkType: p.linkType, linkId: p.linkId, customerId: p.customerId, parentId: p.parentId, body: p.body, mentions: mentions.map((m) => `@${m.username}`),
});

async function insertPost(tx: Tx, ctx: Ctx, record: RecordRef, body: string, parentId: string | null) {
  const authorId = authorOf(ctx);
  const mentioned = await resolveMentions(tx, ctx, body, record);
  const now = ctx.now();
  const [row] = await tx.insert(posts).values({
    tenantId: ctx.tenantId, authorId, linkType: record.linkType, linkId: record.linkId, customerId: record.customerId,
    parentId, body, searchText: postSearchText(body), createdAt: now, updatedAt: now,
  }).returning();
  await saveMentions(tx, ctx, row!.id, mentioned, { author: await authorName(tx, ctx, authorId), body, record, rootId: parentId ?? row!.id });
  await recordAudit(tx, ctx, { entity: 'post', entityId: row!.id, action: 'create', after: auditShape(row!, mentioned) });
  return row!;
}

export async function createPost(ctx: Ctx, input: PostCreate) {
  authorOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const row = await insertPost(tx, ctx, await resolveRecord(tx, ctx, input), input.body, null);
    return selectThread(tx, ctx, row);
  });
}

/** A reply joins the thread of the top-level post (replying to a reply answers in the same thread). */
export async function replyTo(ctx: Ctx, parentId: string, input: { body: string }) {
  authorOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const { row: parent, record } = await loadVisible(tx, ctx, parentId);
    const root = parent.parentId ? (await postById(tx, ctx, parent.parentId))! : parent;
    await insertPost(tx, ctx, record, input.body, root.id);
    return selectThread(tx, ctx, root);
  });
}

/** Only the author changes or removes a post (administrators included); others who see it get 403. */
async function loadOwn(tx: Tx, ctx: Ctx, id: string) {
  const found = await loadVisible(tx, ctx, id, true);
  if (found.row.deletedAt) throw notFound('پیام');
  if (found.row.authorId !== ctx.userId) throw new AppError('forbidden', { detail: 'فقط نویسنده پیام می‌تواند آن را ویرایش یا حذف کند.' });
  return found;
}

export async function updatePost(ctx: Ctx, id: string, patch: PostPatch) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const { row: before, record } = await loadOwn(tx, ctx, id);
    if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
    const mentioned = await resolveMentions(tx, ctx, patch.body, record);
    const beforeMentions = (await selectThread(tx, ctx, before)).mentions;
    const now = ctx.now();
    const [after] = await tx.update(posts)
      .set({ body: patch.body, searchText: postSearchText(patch.body), editedAt: now, version: before.version + 1, updatedAt: now })
      .where(eq(posts.id, id)).returning();
    await saveMentions(tx, ctx, id, mentioned, { author: await authorName(tx, ctx, before.authorId), body: patch.body, record, rootId: before.parentId ?? id });
    await recordAudit(tx, ctx, {
      entity: 'post', entityId: id, action: 'update',
      before: auditShape(before, beforeMentions), after: auditShape(after!, mentioned),
    });
    const root = after!.parentId ? (await postById(tx, ctx, after!.parentId))! : after!;
    return selectThread(tx, ctx, root);
  });
}

/**
 * A post nobody answered goes entirely. A top-level post with replies keeps its place so the others'
 * replies stay readable: its text is removed and it reads «deleted». When the last reply of such a
 * post goes, the empty post goes with it.
 */
export async function deletePost(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const { row: before } = await loadOwn(tx, ctx, id);
    const beforeMentions = (await selectThread(tx, ctx, before)).mentions;
    if (!before.parentId && (await replyCountOf(tx, ctx, id)) > 0) {
      await tx.update(posts).set({ body: '', searchText: '', deletedAt: ctx.now(), version: before.version + 1, updatedAt: ctx.now() }).where(eq(posts.id, id));
      await clearMentions(tx, ctx, id);
    } else {
      await tx.delete(posts).where(eq(posts.id, id));
    }
    await recordAudit(tx, ctx, { entity: 'post', entityId: id, action: 'delete', before: auditShape(before, beforeMentions) });
    if (before.parentId) {
      const root = await postById(tx, ctx, before.parentId);
      if (root?.deletedAt && (await replyCountOf(tx, ctx, root.id)) === 0) {
        await tx.delete(posts).where(and(eq(posts.tenantId, ctx.tenantId), eq(posts.id, root.id)));
      }
    }
  });
}
