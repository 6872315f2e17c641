import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Audience } from '../../../common/contracts/announcements.contract.js';
import { createdAt, id, tenantId, tenantPolicy } from '../../platform/db/table-helpers.js';
import { users } from '../staff/staff.table.js';

/** Announcements (اطلاعیه‌ها) from a manager to all staff, a role or a unit. Its sender (or an admin) may edit it; never deleted. */
export const announcements = pgTable(
  'announcements',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    audience: text('audience').$type<Audience>().notNull(),
    /** The role or unit for audience role / unit. */
    targetId: uuid('target_id'),
    /** Its name when sent, so the list reads right after a rename or delete. */
    targetName: text('target_name'),
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    recipientCount: integer('recipient_count').notNull().default(0),
    searchText: text('search_text').notNull().default(''),
    /** Counts edits: a stale one is refused (409) rather than overwriting someone else's change. */
    version: integer('version').notNull().default(1),
    /** When its sender last changed it; null until then (recipients see it was edited). */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('announcements_sender_idx').on(t.tenantId, t.senderId, t.createdAt, t.id),
    check('announcements_audience_ck', sql`${t.audience} in ('all', 'role', 'unit')`),
    tenantPolicy('announcements'),
  ],
);

/**
 * Who an announcement went to, fixed when it is sent (someone who joins the role later does not get it) and
 * again only when its sender changes the audience, and when each of them read it: the sender's read-status table is this table.
 */
export const announcementRecipients = pgTable(
  'announcement_recipients',
  {
    tenantId: tenantId(),
    announcementId: uuid('announcement_id').notNull().references(() => announcements.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** Copied from the announcement so the inbox pages by one index without a join. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.announcementId, t.userId] }),
    // My inbox, newest first; and my unread ones (the pop-up on every page load) from a small partial index.
    index('announcement_recipients_user_idx').on(t.tenantId, t.userId, t.createdAt, t.announcementId),
    index('announcement_recipients_unread_idx').on(t.tenantId, t.userId).where(sql`${t.readAt} is null`),
    tenantPolicy('announcement_recipients'),
  ],
);
