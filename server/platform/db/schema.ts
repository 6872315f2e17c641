// Every table of every module, for drizzle-kit and the typed query builder.
export * from '../tenancy/tenants.table.js';
export * from '../audit/audit.table.js';
export * from '../files/files.table.js';
export * from '../jobs/jobs.table.js';
export * from '../../modules/staff/staff.table.js';
export * from '../../modules/auth/auth.table.js';
export * from '../../modules/access/access.table.js';
export * from '../../modules/org/org.table.js';
export * from '../../modules/settings/settings.table.js';
export * from '../../modules/notifications/notifications.table.js';
export * from '../../modules/geo/geo.table.js';
export * from '../sequences/sequences.table.js';
export * from '../views/saved-views.table.js';
export * from '../../modules/settings/lookups.table.js';
export * from '../../modules/customers/customers.table.js';
export * from '../../modules/customers/customer-imports.table.js';
