import { eq } from 'drizzle-orm';
import {
  TARGET_REQUIRED, type AnnouncementCreate, type AnnouncementListQuery, type AnnouncementOut, type AnnouncementPatch, type ReadStatusOut,
} from '../../../common/contracts/announcements.contract.js';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { notifyMany, withdrawNotifications } from '../notifications/index.js';
import { audienceOptions, resolveAudience } from './announcement-audience.js';
import {
  announcementSearchText, countUnread, deleteRecipients, insertRecipients, lockOne, markRead, resetReads, selectInbox, selectOne, selectReadStatus,
  selectRecipients, selectSent,
} from './announcements.repository.js';
import { announcements } from './announcements.table.js';

/** Announcements are read by people; an API key has no inbox. */
export function personOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError('forbidden');
  return ctx.userId;
}

const ONLY_SENDER = 'فقط فرستنده اطلاعیه (یا مدیر سیستم) وضعیت خوانده‌شدن آن را می‌بیند.';
const ONLY_SENDER_EDITS = 'فقط فرستنده اطلاعیه (یا مدیر سیستم) می‌تواند آن را ویرایش کند.';

export async function listInbox(ctx: Ctx, q: AnnouncementListQuery) {
  const me = personOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => ({
    ...(await selectInbox(tx, ctx.tenantId, me, { ...q, unread: q.unread === 'true' })),
    unreadCount: await countUnread(tx, ctx.tenantId, me),
  }));
}

/** What I sent; an admin sees every announcement of the company. */
export async function listSent(ctx: Ctx, q: AnnouncementListQuery) {
  const me = personOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => ({
    ...(await selectSent(tx, ctx.tenantId, ctx.principal.isAdmin ? undefined : eq(announcements.senderId, me), q)),
    unreadCount: await countUnread(tx, ctx.tenantId, me),
  }));
}

export async function getAnnouncement(ctx: Ctx, id: string): Promise<AnnouncementOut> {
  const me = personOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const found = await selectOne(tx, ctx.tenantId, id, me);
    const isSender = found?.row.senderId === me || ctx.principal.isAdmin;
    if (!found || (!found.isRecipient && !isSender)) throw notFound('اطلاعیه');
    return found.out(isSender);
  });
}

export const listAudienceOptions = (ctx: Ctx) => inTenant(ctx.db, ctx, (tx) => audienceOptions(tx, ctx));

/** Sends to everyone in the audience at once: a recipients row and a live pop-up each, in one transaction. */
export async function sendAnnouncement(ctx: Ctx, input: AnnouncementCreate): Promise<AnnouncementOut> {
  const me = personOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const { userIds, targetName } = await resolveAudience(tx, ctx, input);
    const now = ctx.now();
    const [row] = await tx.insert(announcements).values({
      tenantId: ctx.tenantId, title: input.title, body: input.body, audience: input.audience, targetId: input.audience === 'all' ? null : input.targetId!,
      targetName, senderId: me, recipientCount: userIds.length, searchText: announcementSearchText(input), createdAt: now,
    }).returning();
    const id = row!.id;
    await insertRecipients(tx, userIds.map((userId) => ({ tenantId: ctx.tenantId, announcementId: id, userId, createdAt: now })));
    await notifyMany(tx, ctx, userIds.map((userId) => ({
      userId, kind: 'announcement', title: `اطلاعیه: ${input.title}`, body: input.body, link: `/announcements?open=${id}`,
    })));
    await recordAudit(tx, ctx, { entity: 'announcement', entityId: id, action: 'create', after: row! });
    return (await selectOne(tx, ctx.tenantId, id, me))!.out(true);
  });
}

/**
 * The sender (or an admin) corrects an announcement, in one transaction. A read receipt means "has read this text":
 * a new title or text sets every receipt back to unread and pops it up again. A new audience is resolved as on
 * sending (within the editor's scope, the sender left out): those still in it keep their receipt, newcomers get it
 * unread with a pop-up, the others no longer have it. Unchanged values change nothing.
 */
export async function updateAnnouncement(ctx: Ctx, id: string, patch: AnnouncementPatch): Promise<AnnouncementOut> {
  const me = personOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const found = await lockOne(tx, ctx.tenantId, id, me);
    const isSender = found?.row.senderId === me || ctx.principal.isAdmin;
    if (!found || (!found.isRecipient && !isSender)) throw notFound('اطلاعیه');
    if (!isSender) throw new AppError('forbidden', { detail: ONLY_SENDER_EDITS });
    if (patch.version !== undefined && patch.version !== found.version) throw new AppError('conflict');
    const before = found.row;
    const audience = patch.audience ?? before.audience;
    const targetId = audience === 'all' ? null : patch.targetId !== undefined ? patch.targetId : before.targetId;
    if (audience !== 'all' && !targetId) throw fieldError('targetId', TARGET_REQUIRED[audience]);
    const title = patch.title ?? before.title;
    const body = patch.body ?? before.body;
    const textChanged = title !== before.title || body !== before.body;
    const audienceChanged = audience !== before.audience || targetId !== before.targetId;
    if (!textChanged && !audienceChanged) return (await selectOne(tx, ctx.tenantId, id, me))!.out(true);

    const had = await selectRecipients(tx, ctx.tenantId, id);
    let userIds = had.map((r) => r.userId);
    let targetName = before.targetName;
    let added: string[] = [];
    if (audienceChanged) {
      const resolved = await resolveAudience(tx, ctx, { audience, targetId }, before.senderId);
      const stays = new Set(resolved.userIds);
      const old = new Set(userIds);
      added = resolved.userIds.filter((u) => !old.has(u));
      const dropped = userIds.filter((u) => !stays.has(u));
      await deleteRecipients(tx, ctx.tenantId, id, dropped);
      // Their pop-up would lead to an announcement they may no longer open.
      await withdrawNotifications(tx, ctx, dropped, `/announcements?open=${id}`);
      // The original time, so the newcomer's inbox keeps one order by sending time.
      await insertRecipients(tx, added.map((userId) => ({ tenantId: ctx.tenantId, announcementId: id, userId, createdAt: before.createdAt })));
      userIds = resolved.userIds;
      targetName = resolved.targetName;
    }
    if (textChanged) await resetReads(tx, ctx.tenantId, id);
    const [after] = await tx.update(announcements).set({
      title, body, audience, targetId, targetName, recipientCount: userIds.length, searchText: announcementSearchText({ title, body }),
      version: found.version + 1, editedAt: ctx.now(),
    }).where(eq(announcements.id, id)).returning();

    const newcomers = new Set(added);
    await notifyMany(tx, ctx, (textChanged ? userIds : added).map((userId) => ({
      userId, kind: 'announcement', title: `${newcomers.has(userId) ? 'اطلاعیه' : 'اطلاعیه ویرایش شد'}: ${title}`, body, link: `/announcements?open=${id}`,
    })));
    // The history keeps how many had read it, as the receipts themselves are reset or dropped.
    const kept = new Set(userIds);
    const readAfter = textChanged ? 0 : had.filter((r) => r.readAt && kept.has(r.userId)).length;
    await recordAudit(tx, ctx, {
      entity: 'announcement', entityId: id, action: 'update',
      before: { ...before, readCount: had.filter((r) => r.readAt).length }, after: { ...after!, readCount: readAfter },
    });
    return (await selectOne(tx, ctx.tenantId, id, me))!.out(true);
  });
}

/** "I have read it": the first time counts; later calls change nothing. */
export async function readAnnouncement(ctx: Ctx, id: string): Promise<{ readAt: string; unreadCount: number }> {
  const me = personOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const readAt = await markRead(tx, ctx.tenantId, id, me, ctx.now());
    if (readAt === false) throw notFound('اطلاعیه');
    return { readAt: readAt!.toISOString(), unreadCount: await countUnread(tx, ctx.tenantId, me) };
  });
}

/** Who has read it and when, person by person; for the sender (and admins) only. */
export async function readStatus(ctx: Ctx, id: string): Promise<ReadStatusOut> {
  const me = personOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const found = await selectOne(tx, ctx.tenantId, id, me);
    if (!found) throw notFound('اطلاعیه');
    if (found.row.senderId !== me && !ctx.principal.isAdmin) throw new AppError('forbidden', { detail: ONLY_SENDER });
    const items = await selectReadStatus(tx, ctx.tenantId, id);
    return { items, total: items.length, readCount: items.filter((i) => i.readAt).length };
  });
}
