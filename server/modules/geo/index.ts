export { geoRoutes } from './geo.routes.js';
export { seedGeo } from './geo.service.js';
export { provinces, cities } from './geo.table.js';
