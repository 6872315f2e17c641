import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';
import { customers } from '../customers/customers.table.js';
import { users } from '../staff/staff.table.js';

/**
 * The discussion wall (دیوار گفتگو) of a record: posts, and replies one level deep (`parentId` is always
 * a top-level post). Everyone who sees the record reads its wall.
 */
export const posts = pgTable(
  'posts',
  {
    id: id(),
    tenantId: tenantId(),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    linkType: text('link_type').notNull(),
    linkId: uuid('link_id').notNull(),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => posts.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    searchText: text('search_text').notNull().default(''),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** A post removed by its author while others had replied: the thread stays, its text goes. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One record's wall, newest first, top-level posts only.
    index('posts_link_idx').on(t.tenantId, t.linkType, t.linkId, t.createdAt, t.id).where(sql`${t.parentId} is null`),
    // The replies of a page of posts.
    index('posts_parent_idx').on(t.tenantId, t.parentId, t.createdAt, t.id).where(sql`${t.parentId} is not null`),
    index('posts_customer_idx').on(t.tenantId, t.customerId, t.createdAt, t.id).where(sql`${t.customerId} is not null`),
    index('posts_author_idx').on(t.tenantId, t.authorId, t.createdAt, t.id),
    index('posts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    tenantPolicy('posts'),
  ],
);

/** Staff named with @username in a post; each was notified once, when first named. */
export const postMentions = pgTable(
  'post_mentions',
  {
    tenantId: tenantId(),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.postId, t.userId] }),
    index('post_mentions_user_idx').on(t.tenantId, t.userId, t.createdAt),
    tenantPolicy('post_mentions'),
  ],
);

/** One like per person per post: the primary key makes liking twice a no-op. */
export const postLikes = pgTable(
  'post_likes',
  {
    tenantId: tenantId(),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.postId, t.userId] }), tenantPolicy('post_likes')],
);
