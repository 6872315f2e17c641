import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/table-helpers.js';

/** A company using the system. Not tenant-scoped itself: only the platform reads it. */
export const tenants = pgTable(
  'tenants',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    // The permission catalog this company's roles were last brought up to date with: a later release's
    // permissions are granted once at startup (modules/tenants/permission-catch-up.ts), and only those,
    // so a permission an admin took away while it was known stays away.
    knownPermissions: text('known_permissions').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tenants_slug_uq').on(t.slug)],
);
