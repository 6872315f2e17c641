import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityCreate, activityExportQuery, activityListQuery, activityOut, activityPage, activityPatch, myActivitiesOut, myActivitiesQuery,
} from '../../../common/contracts/activities.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { sendExport } from '../../platform/export/export.service.js';
import { readUpload } from '../../platform/files/files.routes.js';
import * as svc from './activities.service.js';
import { myActivities } from './my-activities.service.js';
import { attachAudio, removeAudio } from './activity-audio.js';
import { ACTIVITY_EXPORT_COLUMNS, activityExportPages } from './activities.export.js';

const tags = ['activities'];
const idParams = z.object({ id: z.uuid() });

export const activityRecordsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/activities', {
    config: { permission: 'activities.view' },
    schema: { tags, summary: 'List activities: type, kind, staff, customer, status, Jalali period, mine; keyset paging by time', querystring: activityListQuery, response: { 200: activityPage } },
  }, async (req) => svc.listActivities(ctxOf(req), req.query));

  app.get('/api/activities/export', {
    config: { permission: 'activities.export' },
    schema: { tags, summary: 'Export the filtered activities (same filters and scope as the list) as XLSX or CSV', querystring: activityExportQuery },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const ctx = ctxOf(req);
    return sendExport(reply, { format, filename: 'فعالیت‌ها', columns: ACTIVITY_EXPORT_COLUMNS, pages: activityExportPages(ctx, filters), audit: { ctx, resource: 'activities', filters } });
  });

  app.get('/api/activities/mine', {
    config: { permission: 'activities.view' },
    schema: { tags, summary: 'My activities (responsible or invited): today, overdue or upcoming, with the count of each', querystring: myActivitiesQuery, response: { 200: myActivitiesOut } },
  }, async (req) => myActivities(ctxOf(req), req.query));

  app.get('/api/activities/:id', {
    config: { permission: 'activities.view' },
    schema: { tags, summary: 'One activity with its invitees', params: idParams, response: { 200: activityOut } },
  }, async (req) => svc.getActivity(ctxOf(req), req.params.id));

  app.post('/api/activities', {
    config: { permission: 'activities.create' },
    schema: { tags, summary: 'Record an activity on a customer (or another linked record); a follow-up with isFollowUp', body: activityCreate, response: { 201: activityOut } },
  }, async (req, reply) => reply.status(201).send(await svc.createActivity(ctxOf(req), req.body)));

  app.patch('/api/activities/:id', {
    config: { permission: 'activities.edit' },
    schema: { tags, summary: 'Change an activity; a new start alone keeps its length (calendar drag). Send version to detect concurrent edits', params: idParams, body: activityPatch, response: { 200: activityOut } },
  }, async (req) => svc.updateActivity(ctxOf(req), req.params.id, req.body));

  app.delete('/api/activities/:id', {
    config: { permission: 'activities.delete' },
    schema: { tags, summary: 'Delete an activity', params: idParams },
  }, async (req, reply) => { await svc.deleteActivity(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.put('/api/activities/:id/audio', {
    config: { permission: 'activities.edit' },
    schema: { tags, summary: "Attach a call's recording (multipart; mp3, wav, ogg, m4a, amr or webm by content; size limit MAX_AUDIO_MB)", params: idParams, consumes: ['multipart/form-data'], response: { 200: activityOut } },
  }, async (req) => {
    const upload = await readUpload(req, { maxBytes: req.server.config.maxAudioBytes, field: 'audio', label: 'فایل صوتی', beyondPlatformLimit: true });
    return attachAudio(ctxOf(req), req.params.id, upload);
  });

  app.delete('/api/activities/:id/audio', {
    config: { permission: 'activities.edit' },
    schema: { tags, summary: "Remove a call's recording", params: idParams, response: { 200: activityOut } },
  }, async (req) => removeAudio(ctxOf(req), req.params.id));
};
