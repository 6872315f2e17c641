// The only file other modules import from the wall.
import './customer-link.js';
import './timeline-provider.js';
import './wall.search.js';
export { wallRoutes } from './wall.routes.js';
export { posts, postMentions, postLikes } from './wall.table.js';
