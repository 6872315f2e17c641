import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy } from '../db/table-helpers.js';

/** Uploaded files; bytes live under DATA_DIR/files named by their sha256 (content-addressed). */
export const files = pgTable(
  'files',
  {
    id: id(),
    tenantId: tenantId(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name').notNull(),
    ownerEntity: text('owner_entity').notNull(),
    ownerId: text('owner_id').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('files_owner_idx').on(t.tenantId, t.ownerEntity, t.ownerId), tenantPolicy('files')],
);
