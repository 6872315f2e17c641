import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';

/** Staff members (پرسنل) — the people who log in. */
export const users = pgTable(
  'users',
  {
    id: id(),
    tenantId: tenantId(),
    username: text('username').notNull(),
    mobile: text('mobile'),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    personnelCode: text('personnel_code'),
    jobPositionId: uuid('job_position_id'),
    managerId: uuid('manager_id'),
    unitId: uuid('unit_id'),
    photoFileId: uuid('photo_file_id'),
    signatureFileId: uuid('signature_file_id'),
    active: boolean('active').notNull().default(true),
    isAdmin: boolean('is_admin').notNull().default(false),
    locale: text('locale').notNull().default('fa'),
    searchText: text('search_text').notNull().default(''),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_tenant_username_uq').on(t.tenantId, sql`lower(${t.username})`),
    uniqueIndex('users_tenant_mobile_uq').on(t.tenantId, t.mobile),
    uniqueIndex('users_tenant_personnel_code_uq').on(t.tenantId, t.personnelCode),
    index('users_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('users_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    tenantPolicy('users'),
  ],
);
