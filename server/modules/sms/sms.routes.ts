import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  smsExportQuery, smsListOut, smsListQuery, smsMessageOut, smsSendBody, smsSettingsBody, smsSettingsOut, smsTestBody,
} from '../../../common/contracts/sms.contract.js';
import { registerFieldLabels } from '../../../common/field-labels.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { createSecretBox, loadSecretKey } from '../../platform/crypto/secret-box.js';
import { sendExport } from '../../platform/export/export.service.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { SMS_EXPORT_COLUMNS, smsExportPages } from './sms.export.js';
import { setSmsLogger, setSmsSecretBox } from './sms-runtime.js';
import * as sms from './sms.service.js';
import { getSmsSettings } from './sms-settings.service.js';

const tags = ['sms'];
const idParams = z.object({ id: z.uuid() });

export const smsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The scheduler's jobs run in this process and need the key and a logger; set them with the app.
  setSmsSecretBox(createSecretBox(loadSecretKey(app.config)));
  setSmsLogger(app.log.child({ module: 'sms' }));
  registerAuditedEntity('smsMessage', 'sms.view');
  registerAuditedEntity('smsSettings', 'settings.view');
  // Names of these fields in generic validation messages (last path segment).
  registerFieldLabels({ gateway: 'درگاه پیامک', timeoutSeconds: 'مهلت پاسخ درگاه', bodyFormat: 'قالب بدنه', method: 'روش درخواست', clearApiKey: 'حذف کلید', clearSecret: 'حذف رمز' });

  app.get('/api/sms/messages', { config: { permission: 'sms.view' }, schema: { tags, summary: 'The SMS outbox, newest first (status, part of the number, reference, Jalali period; keyset paging)', querystring: smsListQuery, response: { 200: smsListOut } } },
    async (req) => sms.listSms(ctxOf(req), req.query));
  app.get('/api/sms/messages/export', { config: { permission: 'sms.export' }, schema: { tags, summary: 'Export the outbox (same filters and sms.view scope as the list; q = part of the number) as XLSX or CSV', querystring: smsExportQuery } },
    async (req, reply) => {
      const { format, q, ...rest } = req.query;
      const filters = { ...rest, to: rest.to || q || undefined };
      const ctx = ctxOf(req);
      return sendExport(reply, { format, filename: 'پیامک‌ها', columns: SMS_EXPORT_COLUMNS, pages: smsExportPages(ctx, filters), audit: { ctx, resource: 'smsMessages', filters } });
    });
  app.get('/api/sms/messages/:id', { config: { permission: 'sms.view' }, schema: { tags, summary: 'One SMS with its status, attempts and last error', params: idParams, response: { 200: smsMessageOut } } },
    async (req) => sms.getSms(ctxOf(req), req.params.id));
  app.post('/api/sms/messages', { config: { permission: 'sms.send' }, schema: { tags, summary: 'Queue one SMS (stored first, then sent by the scheduler with retries)', body: smsSendBody, response: { 201: smsMessageOut } } },
    async (req, reply) => reply.status(201).send(await sms.sendSms(ctxOf(req), req.body)));
  app.post('/api/sms/messages/:id/retry', { config: { permission: 'sms.send' }, schema: { tags, summary: 'Queue a failed SMS again', params: idParams, response: { 200: smsMessageOut } } },
    async (req) => sms.retrySms(ctxOf(req), req.params.id));

  app.get('/api/sms/settings', { config: { permission: 'settings.view' }, schema: { tags, summary: 'SMS gateway settings; secrets are never returned, only whether one is set and its last 4 characters', response: { 200: smsSettingsOut } } },
    async (req) => getSmsSettings(ctxOf(req)));
  app.put('/api/sms/settings', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Save the SMS gateway settings (an empty secret keeps the stored one)', body: smsSettingsBody, response: { 200: smsSettingsOut } } },
    async (req) => sms.updateSmsSettings(ctxOf(req), req.body));
  app.post('/api/sms/settings/test', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Send a test SMS now through the saved gateway and report what it answered', body: smsTestBody, response: { 200: smsMessageOut } } },
    async (req) => sms.sendTestSms(ctxOf(req), req.body));
};
