export { provisionTenant, tenantCount, ProvisionError, type NewTenant } from './provision.js';
export { seedDemoCompany } from './demo-seed.js';
export { catchUpPermissions, type CatchUp } from './permission-catch-up.js';
