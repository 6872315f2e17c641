import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';
import { customers } from '../customers/customers.table.js';
import { users } from '../staff/staff.table.js';

/**
 * Notes (یادداشت‌ها) on a record: a customer today, any registered link target later. A private note
 * is its author's alone — no role, not even an administrator, reads it. The record is the generic
 * (linkType, linkId); `customerId` is the record's customer, for the 360° timeline.
 */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    tenantId: tenantId(),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    linkType: text('link_type').notNull(),
    linkId: uuid('link_id').notNull(),
    // A note has no meaning without its customer: it goes when the customer is deleted (that deletion is audited).
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    isPrivate: boolean('is_private').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The notes panel of one record, newest first.
    index('notes_link_idx').on(t.tenantId, t.linkType, t.linkId, t.createdAt, t.id),
    // The customer's 360° timeline (also notes on the customer's other records).
    index('notes_customer_idx').on(t.tenantId, t.customerId, t.createdAt, t.id).where(sql`${t.customerId} is not null`),
    // «My notes», and every private-note check is author = me.
    index('notes_author_idx').on(t.tenantId, t.authorId, t.createdAt, t.id),
    index('notes_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    tenantPolicy('notes'),
  ],
);
