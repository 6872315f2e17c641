import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy } from '../../platform/db/table-helpers.js';

/** One upload of a customer file: its settings, progress and summary. */
export const customerImports = pgTable(
  'customer_imports',
  {
    id: id(),
    tenantId: tenantId(),
    status: text('status').$type<'validating' | 'validated' | 'queued' | 'running' | 'done' | 'failed' | 'undone'>().notNull(),
    fileId: uuid('file_id').notNull(),
    filename: text('filename').notNull(),
    format: text('format').$type<'csv' | 'xlsx' | 'vcf'>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    policy: text('policy').$type<'skip' | 'overwrite' | 'merge'>().notNull(),
    matchFields: text('match_fields').array().notNull(),
    ownerId: uuid('owner_id'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    overwritten: integer('overwritten').notNull().default(0),
    merged: integer('merged').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    error: text('error'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('customer_imports_tenant_idx').on(t.tenantId, t.createdAt), tenantPolicy('customer_imports')],
);

/** What happened to each row, with the customer's state before, so the import can be undone. */
export const customerImportRows = pgTable(
  'customer_import_rows',
  {
    tenantId: tenantId(),
    importId: uuid('import_id').notNull().references(() => customerImports.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    outcome: text('outcome').$type<'created' | 'overwritten' | 'merged' | 'skipped' | 'rejected'>().notNull(),
    customerId: uuid('customer_id'),
    reasons: jsonb('reasons').$type<string[]>(),
    values: jsonb('values').$type<string[]>(),
    before: jsonb('before'),
    batch: bigint('batch', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.rowNumber] }), tenantPolicy('customer_import_rows')],
);
