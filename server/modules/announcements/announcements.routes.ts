import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  announcementCreate, announcementExportQuery, announcementListQuery, announcementOut, announcementPage, announcementPatch, audienceOptions, readStatusOut,
} from '../../../common/contracts/announcements.contract.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { sendExport } from '../../platform/export/export.service.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { ANNOUNCEMENT_EXPORT_COLUMNS, sentExportPages } from './announcements.export.js';
import * as svc from './announcements.service.js';

const tags = ['announcements'];
const idParams = z.object({ id: z.uuid() });

/** Managers send and edit (`announcements.create`); everyone reads what was sent to them; the sender sees who read it. */
export const announcementsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('announcement', 'announcements.create');

  app.get('/api/announcements', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'My inbox of announcements, newest first, with my read time and the unread count', querystring: announcementListQuery, response: { 200: announcementPage } },
  }, async (req) => svc.listInbox(ctxOf(req), req.query));

  app.get('/api/announcements/sent', {
    config: { permission: 'announcements.create' },
    schema: { tags, summary: 'Announcements I sent (an admin: all of the company), with how many have read each', querystring: announcementListQuery, response: { 200: announcementPage } },
  }, async (req) => svc.listSent(ctxOf(req), req.query));

  app.get('/api/announcements/sent/export', {
    config: { permission: 'announcements.create' },
    schema: { tags, summary: 'Export the sent list (same search and visibility) with read counts as XLSX or CSV', querystring: announcementExportQuery },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const ctx = ctxOf(req);
    return sendExport(reply, { format, filename: 'اطلاعیه‌های ارسال‌شده', columns: ANNOUNCEMENT_EXPORT_COLUMNS, pages: sentExportPages(ctx, filters), audit: { ctx, resource: 'announcements', filters } });
  });

  app.get('/api/announcements/audiences', {
    config: { permission: 'announcements.create' },
    schema: { tags, summary: 'The roles and units I may address', response: { 200: audienceOptions } },
  }, async (req) => svc.listAudienceOptions(ctxOf(req)));

  app.get('/api/announcements/:id', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'One announcement sent to me or by me', params: idParams, response: { 200: announcementOut } },
  }, async (req) => svc.getAnnouncement(ctxOf(req), req.params.id));

  app.post('/api/announcements', {
    config: { permission: 'announcements.create' },
    schema: { tags, summary: 'Send an announcement to all staff, a role or a unit (within my scope); each recipient gets a live pop-up', body: announcementCreate, response: { 201: announcementOut } },
  }, async (req, reply) => reply.status(201).send(await svc.sendAnnouncement(ctxOf(req), req.body)));

  app.patch('/api/announcements/:id', {
    config: { permission: 'announcements.create' },
    schema: { tags, summary: 'Edit an announcement I sent (an admin: any): title, text, audience. New text sets read receipts back to unread; send version to detect concurrent edits (409)',
      params: idParams, body: announcementPatch, response: { 200: announcementOut } },
  }, async (req) => svc.updateAnnouncement(ctxOf(req), req.params.id, req.body));

  app.post('/api/announcements/:id/read', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Mark an announcement sent to me as read (the first time counts)', params: idParams, response: { 200: z.object({ readAt: z.string(), unreadCount: z.number() }) } },
  }, async (req) => svc.readAnnouncement(ctxOf(req), req.params.id));

  app.get('/api/announcements/:id/reads', {
    config: { permission: 'announcements.create' },
    schema: { tags, summary: 'Read status person by person (the sender or an admin only)', params: idParams, response: { 200: readStatusOut } },
  }, async (req) => svc.readStatus(ctxOf(req), req.params.id));
};
