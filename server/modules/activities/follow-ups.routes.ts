import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityOut, closeInput, followUpPage, followUpQuery, logCallInput, postponeInput, referInput } from '../../../common/contracts/activities.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import * as svc from './follow-ups.service.js';

const tags = ['follow-ups'];
const idParams = z.object({ id: z.uuid() });

/** The follow-up cartable (کارتابل پیگیری). Follow-ups are activities with isFollowUp, created through /api/activities. */
export const followUpsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/follow-ups', {
    config: { permission: 'activities.view' },
    schema: { tags, summary: 'My pending follow-ups: due by the end of today (oldest first, overdue flagged) or later', querystring: followUpQuery, response: { 200: followUpPage } },
  }, async (req) => svc.listFollowUps(ctxOf(req), req.query));

  app.post('/api/follow-ups/:id/log', {
    config: { permission: 'activities.edit' },
    schema: { tags, summary: "Log a call's result against the follow-up, then keep, postpone or close it (one transaction)", params: idParams, body: logCallInput, response: { 200: activityOut } },
  }, async (req) => svc.logFollowUpCall(ctxOf(req), req.params.id, req.body));

  app.post('/api/follow-ups/:id/postpone', {
    config: { permission: 'activities.edit' },
    schema: { tags, summary: 'Postpone to a new (future) time', params: idParams, body: postponeInput, response: { 200: activityOut } },
  }, async (req) => svc.postponeFollowUp(ctxOf(req), req.params.id, req.body));

  app.post('/api/follow-ups/:id/close', {
    config: { permission: 'activities.edit' },
    schema: { tags, summary: 'Close with an outcome (successful or unsuccessful)', params: idParams, body: closeInput, response: { 200: activityOut } },
  }, async (req) => svc.closeFollowUp(ctxOf(req), req.params.id, req.body));

  app.post('/api/follow-ups/:id/refer', {
    config: { permission: 'activities.edit' },
    schema: { tags, summary: 'Refer to another user, who is notified', params: idParams, body: referInput, response: { 200: activityOut } },
  }, async (req) => svc.referFollowUp(ctxOf(req), req.params.id, req.body));
};
