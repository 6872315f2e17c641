import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, tenantPolicy, updatedAt } from '../../platform/db/table-helpers.js';

/**
 * Branches and departments (شعب و واحدها) as a tree. `path` holds the ids from the root down
 * ("/a/b/c/") so "my unit and its sub-units" is one indexed prefix match.
 */
export const units = pgTable(
  'units',
  {
    id: id(),
    tenantId: tenantId(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    kind: text('kind').$type<'branch' | 'department'>().notNull().default('department'),
    managerId: uuid('manager_id'),
    path: text('path').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('units_tenant_path_idx').on(t.tenantId, t.path), tenantPolicy('units')],
);

export const jobPositions = pgTable(
  'job_positions',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('job_positions_tenant_idx').on(t.tenantId, t.name), tenantPolicy('job_positions')],
);
