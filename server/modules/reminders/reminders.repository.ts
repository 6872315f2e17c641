import { and, asc, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ReminderListQuery, ReminderOut } from '../../../common/contracts/reminders.contract.js';
import { searchNormalize } from '../../../common/text.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { users } from '../staff/index.js';
import { isEditable } from './domain/reminder-rules.js';
import { reminders } from './reminders.table.js';

export type ReminderRow = typeof reminders.$inferSelect;

const recipient = alias(users, 'recipient');
const creator = alias(users, 'creator');
const nameOf = (t: { firstName: AnyPgColumn; lastName: AnyPgColumn }) => sql<string | null>`nullif(trim(coalesce(${t.firstName}, '') || ' ' || ${t.lastName}), '')`;

/** What the search box matches: the text and the linked record's title. */
export const reminderSearchText = (r: { text: string; linkTitle?: string | null }) => searchNormalize([r.text, r.linkTitle].filter(Boolean).join(' '));

/** Mine: addressed to me, or set by me. Nobody else sees a reminder, whatever their other permissions. */
export const visibleTo = (me: string) => or(eq(reminders.recipientId, me), eq(reminders.createdBy, me));

/** Upcoming is what is still pending; the archive shows what was delivered, or on request what was deleted. */
const statusOf = (q: Pick<ReminderListQuery, 'view' | 'status'>) =>
  q.view === 'upcoming' ? 'pending' : q.status === 'canceled' ? 'canceled' : 'delivered';

export function listConditions(tenantId: string, me: string, q: Omit<ReminderListQuery, 'limit' | 'cursor'>): SQL | undefined {
  const text = q.q ? searchNormalize(q.q) : '';
  const box = q.box === 'received' ? eq(reminders.recipientId, me)
    : q.box === 'sent' ? and(eq(reminders.createdBy, me), ne(reminders.recipientId, me))
      : visibleTo(me);
  return and(
    eq(reminders.tenantId, tenantId),
    box,
    eq(reminders.status, statusOf(q)),
    text ? sql`${reminders.searchText} like ${`%${text}%`}` : undefined,
    q.customerId ? eq(reminders.customerId, q.customerId) : undefined,
  );
}

const selection = {
  r: reminders,
  recipientName: nameOf(recipient),
  recipientMobile: recipient.mobile,
  createdByName: nameOf(creator),
};

const baseSelect = (tx: Tx) =>
  tx.select(selection).from(reminders)
    .leftJoin(recipient, eq(recipient.id, reminders.recipientId))
    .leftJoin(creator, eq(creator.id, reminders.createdBy));

type Selected = Awaited<ReturnType<ReturnType<typeof baseSelect>['execute']>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toOut(s: Selected, me: string, now: Date): ReminderOut {
  const r = s.r;
  return {
    id: r.id, text: r.text, dueAt: r.dueAt.toISOString(), status: r.status, recipientId: r.recipientId, recipientName: s.recipientName,
    recipientHasMobile: !!s.recipientMobile, createdBy: r.createdBy, createdByName: s.createdByName, viaSms: r.viaSms,
    linkType: r.linkType, linkId: r.linkId, customerId: r.customerId, linkTitle: r.linkTitle, linkPath: r.linkPath,
    deliveredAt: iso(r.deliveredAt), smsMessageId: r.smsMessageId, smsNote: r.smsNote, editable: isEditable(r, me, now),
    version: r.version, createdAt: r.createdAt.toISOString(),
  };
}

/** Upcoming soonest first; the archive newest first; keyset on (due_at, id). */
export async function selectPage(tx: Tx, where: SQL | undefined, q: { view: 'upcoming' | 'archive'; limit: number; cursor?: string | undefined }, me: string, now: Date) {
  const descending = q.view === 'archive';
  const rows = await baseSelect(tx)
    .where(and(where, afterCursor(reminders.dueAt, reminders.id, descending, q.cursor)))
    .orderBy(descending ? desc(reminders.dueAt) : asc(reminders.dueAt), descending ? desc(reminders.id) : asc(reminders.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((s) => toOut(s, me, now)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.r.dueAt, last.r.id) : null,
  };
}

export async function selectOne(tx: Tx, tenantId: string, id: string, me: string, now: Date): Promise<ReminderOut | null> {
  const [row] = await baseSelect(tx).where(and(eq(reminders.tenantId, tenantId), eq(reminders.id, id), visibleTo(me)));
  return row ? toOut(row, me, now) : null;
}

/** The row, locked against the delivery sweep and other edits, if the user sees it. */
export async function lockVisible(tx: Tx, tenantId: string, id: string, me: string): Promise<ReminderRow | null> {
  const [row] = await tx.select().from(reminders).where(and(eq(reminders.tenantId, tenantId), eq(reminders.id, id), visibleTo(me))).for('update');
  return row ?? null;
}
