import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnnouncementOut, ReadStatusRow } from '../../../common/contracts/announcements.contract.js';
import { searchNormalize } from '../../../common/text.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { units } from '../org/index.js';
import { users } from '../staff/index.js';
import { announcementRecipients as ar, announcements } from './announcements.table.js';

type Row = typeof announcements.$inferSelect;
export type AnnouncementRow = Row;

const senderName = sql<string | null>`nullif(trim(coalesce(${users.firstName}, '') || ' ' || ${users.lastName}), '')`;
const readCountOf = sql<number>`(select count(r.read_at)::int from announcement_recipients r where r.tenant_id = ${announcements.tenantId} and r.announcement_id = ${announcements.id})`;
const versionOf = announcements.version;

export const announcementSearchText = (a: { title: string; body: string }) => searchNormalize(`${a.title} ${a.body}`);
const textMatch = (q: string | undefined) => (q && searchNormalize(q) ? sql`${announcements.searchText} like ${`%${searchNormalize(q)}%`}` : undefined);

function toOut(a: Row, extra: { senderName: string | null; readAt: Date | null; readCount: number | null; version: number }): AnnouncementOut {
  return {
    id: a.id, title: a.title, body: a.body, audience: a.audience, targetId: a.targetId, targetName: a.targetName, senderId: a.senderId,
    senderName: extra.senderName, createdAt: a.createdAt.toISOString(), recipientCount: a.recipientCount,
    readAt: extra.readAt?.toISOString() ?? null, readCount: extra.readCount, version: extra.version, editedAt: a.editedAt?.toISOString() ?? null,
  };
}

type Page = { limit: number; cursor?: string | undefined };

/** My inbox, newest first, by the recipients index (keyset on the copy of created_at). */
export async function selectInbox(tx: Tx, tenantId: string, me: string, q: Page & { unread: boolean; q?: string | undefined }) {
  const rows = await tx.select({ a: announcements, readAt: ar.readAt, senderName, version: versionOf }).from(ar)
    .innerJoin(announcements, eq(announcements.id, ar.announcementId))
    .leftJoin(users, eq(users.id, announcements.senderId))
    .where(and(eq(ar.tenantId, tenantId), eq(ar.userId, me), q.unread ? isNull(ar.readAt) : undefined, textMatch(q.q), afterCursor(ar.createdAt, ar.announcementId, true, q.cursor)))
    .orderBy(desc(ar.createdAt), desc(ar.announcementId))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toOut(r.a, { senderName: r.senderName, readAt: r.readAt, readCount: null, version: r.version })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.a.createdAt, last.a.id) : null,
  };
}

export async function countUnread(tx: Tx, tenantId: string, me: string): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(ar).where(and(eq(ar.tenantId, tenantId), eq(ar.userId, me), isNull(ar.readAt)));
  return Number(r?.n ?? 0);
}

/** Sent by me (all of the company's for an admin), newest first, with how many have read each. */
export async function selectSent(tx: Tx, tenantId: string, sender: SQL | undefined, q: Page & { q?: string | undefined }) {
  const rows = await tx.select({ a: announcements, senderName, readCount: readCountOf, version: versionOf }).from(announcements)
    .leftJoin(users, eq(users.id, announcements.senderId))
    .where(and(eq(announcements.tenantId, tenantId), sender, textMatch(q.q), afterCursor(announcements.createdAt, announcements.id, true, q.cursor)))
    .orderBy(desc(announcements.createdAt), desc(announcements.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toOut(r.a, { senderName: r.senderName, readAt: null, readCount: r.readCount, version: r.version })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.a.createdAt, last.a.id) : null,
  };
}

/** One announcement with my own read receipt (if I am a recipient) and the read count. */
export async function selectOne(tx: Tx, tenantId: string, id: string, me: string) {
  const [row] = await tx.select({ a: announcements, senderName, readCount: readCountOf, version: versionOf, readAt: ar.readAt, isRecipient: sql<boolean>`${ar.userId} is not null` })
    .from(announcements)
    .leftJoin(users, eq(users.id, announcements.senderId))
    .leftJoin(ar, and(eq(ar.tenantId, announcements.tenantId), eq(ar.announcementId, announcements.id), eq(ar.userId, me)))
    .where(and(eq(announcements.tenantId, tenantId), eq(announcements.id, id)));
  if (!row) return null;
  return { row: row.a, isRecipient: row.isRecipient, out: (showCount: boolean) => toOut(row.a, { senderName: row.senderName, readAt: row.readAt, readCount: showCount ? row.readCount : null, version: row.version }) };
}

/** The row held against a concurrent edit, with its version and whether `me` is among its recipients. */
export async function lockOne(tx: Tx, tenantId: string, id: string, me: string) {
  const [row] = await tx.select({ a: announcements, version: versionOf }).from(announcements)
    .where(and(eq(announcements.tenantId, tenantId), eq(announcements.id, id))).for('update');
  if (!row) return null;
  const [mine] = await tx.select({ userId: ar.userId }).from(ar).where(and(eq(ar.tenantId, tenantId), eq(ar.announcementId, id), eq(ar.userId, me)));
  return { row: row.a, version: row.version, isRecipient: !!mine };
}

/** Everyone it went to, and whether each has read it. */
export async function selectRecipients(tx: Tx, tenantId: string, id: string) {
  return tx.select({ userId: ar.userId, readAt: ar.readAt }).from(ar).where(and(eq(ar.tenantId, tenantId), eq(ar.announcementId, id)));
}

export async function deleteRecipients(tx: Tx, tenantId: string, id: string, userIds: string[]) {
  for (let i = 0; i < userIds.length; i += 1000) {
    await tx.delete(ar).where(and(eq(ar.tenantId, tenantId), eq(ar.announcementId, id), inArray(ar.userId, userIds.slice(i, i + 1000))));
  }
}

/** Everyone's read receipt back to unread (the text they read is not the text any more). */
export async function resetReads(tx: Tx, tenantId: string, id: string) {
  await tx.update(ar).set({ readAt: null }).where(and(eq(ar.tenantId, tenantId), eq(ar.announcementId, id), isNotNull(ar.readAt)));
}

export async function insertRecipients(tx: Tx, rows: (typeof ar.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(ar).values(rows.slice(i, i + 1000));
}

/** Sets my read time once; false when the announcement was not sent to me. */
export async function markRead(tx: Tx, tenantId: string, id: string, me: string, at: Date): Promise<Date | null | false> {
  const [row] = await tx.select({ readAt: ar.readAt }).from(ar).where(and(eq(ar.tenantId, tenantId), eq(ar.announcementId, id), eq(ar.userId, me))).for('update');
  if (!row) return false;
  if (row.readAt) return row.readAt;
  await tx.update(ar).set({ readAt: at }).where(and(eq(ar.tenantId, tenantId), eq(ar.announcementId, id), eq(ar.userId, me)));
  return at;
}

/** Every recipient with their unit and when they read it: unread first, then by name. */
export async function selectReadStatus(tx: Tx, tenantId: string, id: string): Promise<ReadStatusRow[]> {
  const rows = await tx.select({ userId: ar.userId, first: users.firstName, last: users.lastName, unitName: units.name, readAt: ar.readAt }).from(ar)
    .innerJoin(users, eq(users.id, ar.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(ar.tenantId, tenantId), eq(ar.announcementId, id)))
    .orderBy(sql`${ar.readAt} is not null`, asc(users.lastName), asc(users.firstName));
  return rows.map((r) => ({ userId: r.userId, name: `${r.first} ${r.last}`.trim(), unitName: r.unitName, readAt: r.readAt?.toISOString() ?? null }));
}
