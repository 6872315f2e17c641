import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { activityRecordsRoutes } from './activities.routes.js';
import { activityTypesRoutes } from './activity-types.routes.js';
import { followUpsRoutes } from './follow-ups.routes.js';

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('activity', 'activities.view');
  registerAuditedEntity('activityType', 'settings.view');
  await app.register(activityTypesRoutes);
  await app.register(activityRecordsRoutes);
  await app.register(followUpsRoutes);
};
