import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  recipientOptions, reminderCreate, reminderExportQuery, reminderListQuery, reminderOut, reminderPage, reminderPatch,
} from '../../../common/contracts/reminders.contract.js';
import { sendExport } from '../../platform/export/export.service.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { REMINDER_EXPORT_COLUMNS, reminderExportPages } from './reminders.export.js';
import * as svc from './reminders.service.js';

const tags = ['reminders'];
const idParams = z.object({ id: z.uuid() });

/**
 * Reminders belong to people: every route needs only a login; for whom a reminder may be set
 * (`reminders.assign` and its scope) and who may change it (its creator, until it is due) the service decides.
 */
export const remindersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reminders', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'My reminders (received and set by me): upcoming soonest first, or the archive newest first, searchable by text', querystring: reminderListQuery, response: { 200: reminderPage } },
  }, async (req) => svc.listReminders(ctxOf(req), req.query));

  // Exporting my own reminders needs no more than seeing them: the list is personal, whatever the role.
  app.get('/api/reminders/export', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Export my reminders as the list shows them (view, box, status, q, customerId) as XLSX or CSV', querystring: reminderExportQuery },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const ctx = ctxOf(req);
    return sendExport(reply, { format, filename: 'یادآورها', columns: REMINDER_EXPORT_COLUMNS, pages: reminderExportPages(ctx, filters), audit: { ctx, resource: 'reminders', filters } });
  });

  app.get('/api/reminders/recipients', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Who I may set reminders for: myself, and the active colleagues within reminders.assign', response: { 200: recipientOptions } },
  }, async (req) => svc.listRecipientOptions(ctxOf(req)));

  app.get('/api/reminders/:id', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'One reminder addressed to me or set by me', params: idParams, response: { 200: reminderOut } },
  }, async (req) => svc.getReminder(ctxOf(req), req.params.id));

  app.post('/api/reminders', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Set a reminder at an exact Jalali date and time for me or a colleague, optionally by SMS and about a record', body: reminderCreate, response: { 201: reminderOut } },
  }, async (req, reply) => reply.status(201).send(await svc.createReminder(ctxOf(req), req.body)));

  app.patch('/api/reminders/:id', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Change a reminder I set, until it is due (409 after). Send version to detect concurrent edits', params: idParams, body: reminderPatch, response: { 200: reminderOut } },
  }, async (req) => svc.updateReminder(ctxOf(req), req.params.id, req.body));

  app.delete('/api/reminders/:id', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Delete a reminder I set, until it is due (409 after); it stays in the archive as deleted', params: idParams },
  }, async (req, reply) => { await svc.deleteReminder(ctxOf(req), req.params.id); return reply.status(204).send(); });
};
