import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ActivityKind, ActivityStatus } from '../../../common/contracts/activities.contract.js';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';
import { files } from '../../platform/files/files.table.js';
import { customerContacts, customers } from '../customers/customers.table.js';

/** Activity types (تماس، جلسه، …) managed in Settings, each with a color and an icon. */
export const activityTypes = pgTable(
  'activity_types',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** What it behaves like; fixed after creation, copied onto each activity. */
    kind: text('kind').$type<ActivityKind>().notNull(),
    color: text('color').notNull(),
    icon: text('icon').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /** Seeded for every company: renamed or recolored, never deleted. */
    isSystem: boolean('is_system').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('activity_types_tenant_name_uq').on(t.tenantId, t.name), tenantPolicy('activity_types')],
);

/**
 * Activities (فعالیت‌ها): calls, meetings, emails, tasks, SMS, visits and custom types. A follow-up
 * (پیگیری) is an activity with `isFollowUp`, due at `startsAt`; the calls logged against it point back
 * through `parentId`. What it is about: a generic (linkType, linkId) that later modules (deals, documents)
 * reuse, plus `customerId` for the 360° timeline and fast filters.
 */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    tenantId: tenantId(),
    typeId: uuid('type_id').notNull().references(() => activityTypes.id),
    kind: text('kind').$type<ActivityKind>().notNull(),
    subject: text('subject').notNull(),
    description: text('description'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    status: text('status').$type<ActivityStatus>().notNull().default('open'),
    responsibleId: uuid('responsible_id').notNull(),
    createdBy: uuid('created_by'),
    linkType: text('link_type'),
    linkId: uuid('link_id'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => customerContacts.id, { onDelete: 'set null' }),
    direction: text('direction').$type<'in' | 'out'>(),
    audioFileId: uuid('audio_file_id').references(() => files.id),
    location: text('location'),
    isFollowUp: boolean('is_follow_up').notNull().default(false),
    parentId: uuid('parent_id').references((): AnyPgColumn => activities.id, { onDelete: 'set null' }),
    outcome: text('outcome').$type<'successful' | 'unsuccessful'>(),
    outcomeNote: text('outcome_note'),
    postponeCount: integer('postpone_count').notNull().default(0),
    referredBy: uuid('referred_by'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // My activities and the calendar: one user's rows by time.
    index('activities_responsible_idx').on(t.tenantId, t.responsibleId, t.startsAt, t.id),
    // Overdue, upcoming and the follow-up cartable read only what is still pending: small however old the table.
    index('activities_pending_idx').on(t.tenantId, t.responsibleId, t.startsAt).where(sql`${t.status} in ('open', 'in_progress')`),
    // The customer's 360° timeline, newest first (scanned backwards).
    index('activities_customer_idx').on(t.tenantId, t.customerId, t.startsAt, t.id),
    // Other linked records (deals, documents); customer links are served by the index above.
    index('activities_link_idx').on(t.tenantId, t.linkType, t.linkId, t.startsAt).where(sql`${t.linkType} <> 'customer'`),
    // Lists over the whole company (scope "all") by period.
    index('activities_tenant_starts_idx').on(t.tenantId, t.startsAt, t.id),
    index('activities_parent_idx').on(t.tenantId, t.parentId).where(sql`${t.parentId} is not null`),
    check('activities_status_ck', sql`${t.status} in ('open', 'in_progress', 'done', 'canceled')`),
    check('activities_direction_ck', sql`${t.direction} is null or ${t.direction} in ('in', 'out')`),
    check('activities_times_ck', sql`${t.endsAt} is null or ${t.endsAt} >= ${t.startsAt}`),
    tenantPolicy('activities'),
  ],
);

/**
 * Who is invited to a meeting: staff members (they see it as theirs) and the customer's contacts.
 * `starts_at` and `status` copy the meeting's (set and kept in step by database triggers, migration 0016) so
 * "my activities" finds what I am invited to by time from an index, however many meetings I have been to.
 */
export const activityInvitees = pgTable(
  'activity_invitees',
  {
    id: id(),
    tenantId: tenantId(),
    activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    contactId: uuid('contact_id').references(() => customerContacts.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    status: text('status').$type<ActivityStatus>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('activity_invitees_activity_idx').on(t.tenantId, t.activityId),
    index('activity_invitees_user_time_idx').on(t.tenantId, t.userId, t.startsAt, t.activityId).where(sql`${t.userId} is not null`),
    index('activity_invitees_user_pending_idx').on(t.tenantId, t.userId, t.startsAt).where(sql`${t.userId} is not null and ${t.status} in ('open', 'in_progress')`),
    uniqueIndex('activity_invitees_user_uq').on(t.activityId, t.userId),
    uniqueIndex('activity_invitees_contact_uq').on(t.activityId, t.contactId),
    check('activity_invitees_one_ck', sql`num_nonnulls(${t.userId}, ${t.contactId}) = 1`),
    tenantPolicy('activity_invitees'),
  ],
);
