import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy } from '../../platform/db/table-helpers.js';

/**
 * Small configurable lists managed in Settings (customer sources, organization types, grades, …).
 * `list` names the list; modules register the lists they use.
 */
export const lookupValues = pgTable(
  'lookup_values',
  {
    id: id(),
    tenantId: tenantId(),
    list: text('list').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('lookup_values_list_idx').on(t.tenantId, t.list, t.sortOrder), tenantPolicy('lookup_values')],
);
