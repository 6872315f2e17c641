export { staffRoutes } from './staff.routes.js';
export { users } from './staff.table.js';
export { staffSearchText } from './staff.repository.js';
export { listStaff, staffNames } from './staff.service.js';
