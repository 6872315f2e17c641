export { settingsRoutes } from './settings.routes.js';
export { createCompanySettings, getCompany } from './settings.service.js';
