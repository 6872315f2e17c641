export { searchRoutes } from './search.routes.js';
export { registerSearchProvider, type SearchHit } from './search-registry.js';
