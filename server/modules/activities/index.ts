// The only file other modules import from activities.
import './customer-link.js';
import './timeline-provider.js';
export { activitiesRoutes } from './activities.plugin.js';
export { activities, activityTypes, activityInvitees } from './activities.table.js';
export { seedActivityDefaults, DEFAULT_ACTIVITY_TYPES } from './activity-types.seed.js';
export { insertActivity, listActivities, getActivity } from './activities.service.js';
export { activityScopeCondition } from './activity-scope.js';
