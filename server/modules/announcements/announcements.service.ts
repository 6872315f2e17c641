import { eq } from 'drizzle-orm';
import type { AnnouncementCreate, AnnouncementListQuery, AnnouncementOut, ReadStatusOut } from '../../../common/contracts/announcements.contract.js';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { notifyMany } from '../notifications/index.js';
import { audienceOptions, resolveAudience } from './announcement-audience.js';
import {
  announcementSearchText, countUnread, insertRecipients, markRead, selectInbox, selectOne, selectReadStatus, selectSent,
} from './announcements.repository.js';
import { announcements } from './announcements.table.js';

/** Announcements are read by people; an API key has no inbox. */
function personOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError('forbidden');
  return ctx.userId;
}

const ONLY_SENDER = 'فقط فرستنده اطلاعیه (یا مدیر سیستم) وضعیت خوانده‌شدن آن را می‌بیند.';

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
