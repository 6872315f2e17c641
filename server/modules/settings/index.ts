export { settingsRoutes } from './settings.routes.js';
export { lookupsRoutes } from './lookups.routes.js';
export { createCompanySettings, getCompany } from './settings.service.js';
export { addLookupValue, registerLookupList, registerLookupUsage, seedLookupDefaults } from './lookups.service.js';
export { lookupValues } from './lookups.table.js';
