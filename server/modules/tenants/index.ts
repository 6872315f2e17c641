export { provisionTenant, tenantCount, ProvisionError, type NewTenant } from './provision.js';
export { seedDemoCompany } from './demo-seed.js';
