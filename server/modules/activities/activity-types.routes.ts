import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityTypeCreate, activityTypeOut, activityTypePatch } from '../../../common/contracts/activities.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import * as svc from './activity-types.service.js';

const tags = ['activities'];
const idParams = z.object({ id: z.uuid() });

/** Activity types are read by whoever records activities and changed in Settings. */
export const activityTypesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/activity-types', {
    config: { permission: 'activities.view' },
    schema: { tags, summary: 'Activity types with color and icon, in their sort order (inactive ones included)', response: { 200: z.object({ items: z.array(activityTypeOut) }) } },
  }, async (req) => ({ items: await svc.listActivityTypes(ctxOf(req)) }));

  app.post('/api/activity-types', {
    config: { permission: 'settings.edit' },
    schema: { tags, summary: 'Add a custom activity type (its kind decides call/meeting fields)', body: activityTypeCreate, response: { 201: activityTypeOut } },
  }, async (req, reply) => reply.status(201).send(await svc.createActivityType(ctxOf(req), req.body)));

  app.patch('/api/activity-types/:id', {
    config: { permission: 'settings.edit' },
    schema: { tags, summary: 'Rename, recolor, change the icon, reorder or deactivate a type', params: idParams, body: activityTypePatch, response: { 200: activityTypeOut } },
  }, async (req) => svc.updateActivityType(ctxOf(req), req.params.id, req.body));

  app.delete('/api/activity-types/:id', {
    config: { permission: 'settings.edit' },
    schema: { tags, summary: 'Delete an unused custom type (seeded or used ones are refused; deactivate them)', params: idParams },
  }, async (req, reply) => { await svc.deleteActivityType(ctxOf(req), req.params.id); return reply.status(204).send(); });
};
