import { and, inArray, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/types.js';
import { notifications } from './notifications.table.js';

export type NotificationRow = typeof notifications.$inferSelect;
type Owner = { tenantId: string; userId: string };

/** Every query here is limited to one user's own notifications, besides the tenant wall of RLS. */
const ownedBy = (o: Owner) => and(eq(notifications.tenantId, o.tenantId), eq(notifications.userId, o.userId));

export async function insertNotification(tx: Tx, row: typeof notifications.$inferInsert): Promise<NotificationRow> {
  const [created] = await tx.insert(notifications).values(row).returning();
  return created!;
}

/** Rows come back in input order (one multi-row INSERT … RETURNING). */
export async function insertNotifications(tx: Tx, rows: (typeof notifications.$inferInsert)[]): Promise<NotificationRow[]> {
  if (!rows.length) return [];
  return tx.insert(notifications).values(rows).returning();
}

/**
 * Newest first. The cursor is the id of the last row seen; comparing (created_at, id) against that
 * row in SQL keeps full microsecond precision, which a timestamp sent through JSON would lose.
 */
export async function listOwn(tx: Tx, o: Owner, q: { unread: boolean; limit: number; cursor?: string | undefined }) {
  const after = q.cursor
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (select c.created_at, c.id from notifications c
         where c.id = ${q.cursor} and c.tenant_id = ${o.tenantId} and c.user_id = ${o.userId})`
    : undefined;
  return tx
    .select()
    .from(notifications)
    .where(and(ownedBy(o), q.unread ? isNull(notifications.readAt) : undefined, after))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit);
}

export async function countUnread(tx: Tx, o: Owner): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(notifications).where(and(ownedBy(o), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Returns false when the user has no notification with this id (someone else's counts as none). */
export async function markOneRead(tx: Tx, o: Owner, id: string, at: Date): Promise<boolean> {
  const [row] = await tx.select({ readAt: notifications.readAt }).from(notifications).where(and(ownedBy(o), eq(notifications.id, id)));
  if (!row) return false;
  if (!row.readAt) await tx.update(notifications).set({ readAt: at }).where(and(ownedBy(o), eq(notifications.id, id)));
  return true;
}

export async function markAllRead(tx: Tx, o: Owner, at: Date): Promise<void> {
  await tx.update(notifications).set({ readAt: at }).where(and(ownedBy(o), isNull(notifications.readAt)));
}

/** Deletes these users' notifications that point to `link`; returns whose were deleted. */
export async function deleteByLink(tx: Tx, tenantId: string, userIds: string[], link: string): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await tx.delete(notifications)
    .where(and(eq(notifications.tenantId, tenantId), inArray(notifications.userId, userIds), eq(notifications.link, link)))
    .returning({ userId: notifications.userId });
  return [...new Set(rows.map((r) => r.userId))];
}
