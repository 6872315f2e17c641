import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenantId, tenantPolicy } from '../db/table-helpers.js';

/** Per-tenant counters (customer codes, later document numbers per fiscal year). */
export const numberSequences = pgTable(
  'number_sequences',
  {
    tenantId: tenantId(),
    key: text('key').notNull(),
    last: bigint('last', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] }), tenantPolicy('number_sequences')],
);
