import { bigint, boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';

export const roles = pgTable(
  'roles',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    isSystem: boolean('is_system').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('roles_tenant_idx').on(t.tenantId, t.name), tenantPolicy('roles')],
);

export const userGroups = pgTable(
  'user_groups',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('user_groups_tenant_idx').on(t.tenantId, t.name), tenantPolicy('user_groups')],
);

/** A permission (`module.operation`) with a record scope, granted to a role or a group. */
export const grants = pgTable(
  'grants',
  {
    tenantId: tenantId(),
    principalType: text('principal_type').$type<'role' | 'group'>().notNull(),
    principalId: uuid('principal_id').notNull(),
    permission: text('permission').notNull(),
    scope: text('scope').$type<'own' | 'unit' | 'subunits' | 'all'>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.principalType, t.principalId, t.permission] }),
    tenantPolicy('grants'),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    tenantId: tenantId(),
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.roleId] }),
    index('user_roles_role_idx').on(t.tenantId, t.roleId),
    tenantPolicy('user_roles'),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    tenantId: tenantId(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.groupId, t.userId] }),
    index('group_members_user_idx').on(t.tenantId, t.userId),
    tenantPolicy('group_members'),
  ],
);

/** History of every permission change: who, when, on which role/group/user, before and after. */
export const permissionChanges = pgTable(
  'permission_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    principalType: text('principal_type').$type<'role' | 'group' | 'user'>().notNull(),
    principalId: uuid('principal_id').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
  },
  (t) => [index('permission_changes_tenant_idx').on(t.tenantId, t.id), tenantPolicy('permission_changes')],
);
