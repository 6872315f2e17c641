import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ReminderStatus } from '../../../common/contracts/reminders.contract.js';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';
import { customers } from '../customers/customers.table.js';
import { smsMessages } from '../sms/sms.table.js';
import { users } from '../staff/staff.table.js';

/**
 * Reminders (یادآورها): a text for one staff member at an exact instant, set by themselves or a colleague.
 * The scheduler delivers every pending reminder whose `due_at` has come as a live notification (and an SMS
 * when asked); after that it is archived. What it is about: the same generic (link_type, link_id) as
 * activities, plus customer_id for the 360° timeline; the linked record's title and path are kept as they
 * were when it was set, so lists and the pop-up need no other module.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: id(),
    tenantId: tenantId(),
    recipientId: uuid('recipient_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    text: text('text').notNull(),
    viaSms: boolean('via_sms').notNull().default(false),
    status: text('status').$type<ReminderStatus>().notNull().default('pending'),
    linkType: text('link_type'),
    linkId: uuid('link_id'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    linkTitle: text('link_title'),
    linkPath: text('link_path'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    smsMessageId: uuid('sms_message_id').references(() => smsMessages.id, { onDelete: 'set null' }),
    /** Why no SMS went out although one was asked for (no mobile, inactive user), in Persian. */
    smsNote: text('sms_note'),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The delivery sweep reads only what is still pending: small however large the archive grows.
    index('reminders_due_idx').on(t.tenantId, t.dueAt).where(sql`${t.status} = 'pending'`),
    // "Mine" (received) and "set by me" (sent), by time in both directions.
    index('reminders_recipient_idx').on(t.tenantId, t.recipientId, t.dueAt, t.id),
    index('reminders_creator_idx').on(t.tenantId, t.createdBy, t.dueAt, t.id),
    // The customer's 360° timeline.
    index('reminders_customer_idx').on(t.tenantId, t.customerId, t.dueAt).where(sql`${t.customerId} is not null`),
    check('reminders_status_ck', sql`${t.status} in ('pending', 'delivered', 'canceled')`),
    tenantPolicy('reminders'),
  ],
);
