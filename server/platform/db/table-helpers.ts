import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The non-superuser role every request runs under, so row-level security really applies. */
export const appUser = pgRole('app_user').existing();

const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

export const id = () => uuid('id').primaryKey().defaultRandom();
export const tenantId = () => uuid('tenant_id').notNull();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Second wall behind the tenant filter in every query: a row is visible and writable only when its
 * tenant_id equals the transaction's app.tenant_id. An unset tenant sees nothing.
 */
export const tenantPolicy = (table: string) =>
  pgPolicy(`${table}_tenant_isolation`, {
    as: 'permissive',
    for: 'all',
    to: appUser,
    using: sql`tenant_id = ${currentTenant}`,
    withCheck: sql`tenant_id = ${currentTenant}`,
  });
