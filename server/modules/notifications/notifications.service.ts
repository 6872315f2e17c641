import { normalizePersian } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { publishEvent, publishEvents } from '../../platform/events/index.js';
import type { NotificationItem } from './notifications.contract.js';
import { countUnread, deleteByLink, insertNotification, insertNotifications, listOwn, markAllRead, markOneRead, type NotificationRow } from './notifications.repository.js';

export type NotifyInput = { userId: string; title: string; body?: string; link?: string | null; kind?: string };

/** Live event types clients listen for on /api/events. */
export const NOTIFICATION_EVENT = 'notification';
export const NOTIFICATIONS_READ_EVENT = 'notifications.read';

const KIND_RE = /^[a-z][a-z0-9_.-]{0,39}$/;
// In-app paths only: a stored "javascript:" or external URL would be a click away from XSS or phishing.
const LINK_RE = /^\/(?!\/)[^\s\\]{0,999}$/;

const toItem = (r: NotificationRow): NotificationItem => ({
  id: r.id, title: r.title, body: r.body, link: r.link, kind: r.kind, createdAt: r.createdAt, readAt: r.readAt,
});

/** Checks and normalizes one notification; throws the Persian field error. */
function prepare(input: NotifyInput) {
  const title = normalizePersian(input.title);
  const body = normalizePersian(input.body ?? '', { multiline: true });
  const kind = input.kind ?? 'info';
  if (!title || title.length > 300) throw fieldError('title', 'عنوان اعلان باید بین ۱ تا ۳۰۰ نویسه باشد');
  if (body.length > 4000) throw fieldError('body', 'متن اعلان حداکثر ۴۰۰۰ نویسه است');
  if (input.link && !LINK_RE.test(input.link)) throw fieldError('link', 'پیوند اعلان باید نشانی داخلی سامانه باشد');
  if (!KIND_RE.test(kind)) throw fieldError('kind', 'نوع اعلان معتبر نیست');
  return { userId: input.userId, title, body, kind, link: input.link || null };
}

// Bounded fields only (NOTIFY payload limit); the client fetches the body with the list.
const liveEvent = (tenantId: string, row: NotificationRow) => ({
  tenantId,
  userId: row.userId,
  type: NOTIFICATION_EVENT,
  data: { id: row.id, kind: row.kind, title: row.title.slice(0, 200), link: row.link, createdAt: row.createdAt.toISOString() },
});

/**
 * Sends a notification to one user of the tenant, inside the caller's transaction: the row and the
 * live event exist only if the business change commits. `scope` is a request Ctx or, from a job, { tenantId }.
 */
export async function notify(tx: Tx, scope: Pick<Ctx, 'tenantId'>, input: NotifyInput): Promise<NotificationItem> {
  const row = await insertNotification(tx, { tenantId: scope.tenantId, ...prepare(input) });
  await publishEvent(tx, liveEvent(scope.tenantId, row));
  return toItem(row);
}

const MANY_CHUNK = 1000;

/**
 * Many notifications at once (an announcement to a department, a minute's reminders): the same rules as
 * `notify`, in a few multi-row statements instead of two per person.
 */
export async function notifyMany(tx: Tx, scope: Pick<Ctx, 'tenantId'>, inputs: NotifyInput[]): Promise<NotificationItem[]> {
  const rows = inputs.map((i) => ({ tenantId: scope.tenantId, ...prepare(i) }));
  const out: NotificationRow[] = [];
  for (let i = 0; i < rows.length; i += MANY_CHUNK) {
    const created = await insertNotifications(tx, rows.slice(i, i + MANY_CHUNK));
    await publishEvents(tx, created.map((r) => liveEvent(scope.tenantId, r)));
    out.push(...created);
  }
  return out.map(toItem);
}

/** An API key has no inbox: notifications belong to people. */
const ownerOf = (ctx: Ctx) => {
  if (!ctx.userId) throw new AppError('forbidden');
  return { tenantId: ctx.tenantId, userId: ctx.userId };
};

export async function listNotifications(ctx: Ctx, q: { unread: boolean; limit: number; cursor?: string | undefined }) {
  const owner = ownerOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await listOwn(tx, owner, { ...q, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(toItem),
      unreadCount: await countUnread(tx, owner),
      nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
    };
  });
}

export async function markNotificationRead(ctx: Ctx, id: string): Promise<{ unreadCount: number }> {
  const owner = ownerOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    // Another user's notification is reported as not found, not forbidden: its existence is not theirs to know.
    if (!(await markOneRead(tx, owner, id, ctx.now()))) throw notFound('اعلان');
    return afterRead(tx, owner, id);
  });
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<{ unreadCount: number }> {
  const owner = ownerOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    await markAllRead(tx, owner, ctx.now());
    return afterRead(tx, owner, null);
  });
}

/** Other tabs and devices of the same user update their badge from this event. */
async function afterRead(tx: Tx, owner: { tenantId: string; userId: string }, id: string | null) {
  const unreadCount = await countUnread(tx, owner);
  await publishEvent(tx, { ...owner, type: NOTIFICATIONS_READ_EVENT, data: { id, unreadCount } });
  return { unreadCount };
}

/**
 * Takes back what was sent to these users about a record they may no longer open (someone dropped from an
 * announcement's audience): their notifications with that link go, and their badges update live.
 */
export async function withdrawNotifications(tx: Tx, scope: Pick<Ctx, 'tenantId'>, userIds: string[], link: string): Promise<void> {
  for (const userId of await deleteByLink(tx, scope.tenantId, userIds, link)) await afterRead(tx, { tenantId: scope.tenantId, userId }, null);
}
