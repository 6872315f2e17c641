import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy } from '../db/table-helpers.js';

/** A user's saved list view (filters, sort, columns) for one list screen. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    list: text('list').notNull(),
    name: text('name').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('saved_views_user_idx').on(t.tenantId, t.userId, t.list), tenantPolicy('saved_views')],
);
