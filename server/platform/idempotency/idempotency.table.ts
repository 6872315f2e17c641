import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, tenantPolicy } from '../db/table-helpers.js';

/**
 * Idempotency-Key records for commands that move stock or money: the same key with the same body
 * replays the stored response; with a different body it is refused (409).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: tenantId(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.scope, t.key] }), tenantPolicy('idempotency_keys')],
);
