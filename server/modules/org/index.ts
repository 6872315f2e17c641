export { orgRoutes } from './org.routes.js';
export { unitSubtreeIds } from './org.service.js';
export { units, jobPositions } from './org.table.js';
