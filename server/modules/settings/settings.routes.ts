import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { readUpload } from '../../platform/files/files.routes.js';
import { registerFileOwner } from '../../platform/files/files.service.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { companyBody, companyOut } from './settings.contract.js';
import * as settings from './settings.service.js';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('company', 'settings.view');
  // The logo appears on every screen and document of the company.
  registerFileOwner('company', async (ctx, ownerId) => ownerId === ctx.tenantId);

  // Everyone sees the company name and currency display; changing them needs settings.edit.
  app.get('/api/settings/company', { config: { permission: 'authenticated' }, schema: { tags, summary: 'Company profile and preferences', response: { 200: companyOut } } },
    async (req) => settings.getCompany(ctxOf(req)));
  app.put('/api/settings/company', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Save the company profile', body: companyBody, response: { 200: companyOut } } },
    async (req) => settings.updateCompany(ctxOf(req), req.body));
  app.post('/api/settings/company/logo', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Upload the company logo (multipart field "file")', consumes: ['multipart/form-data'], response: { 200: companyOut } } },
    async (req) => settings.setCompanyLogo(ctxOf(req), await readUpload(req)));
};
