import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPersianText } from '../../../common/validators/zod.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import * as lookups from './lookups.service.js';

const tags = ['settings'];
const value = z.object({ id: z.string(), name: z.string(), sortOrder: z.number(), active: z.boolean() });
const body = z.object({ name: zPersianText({ label: 'عنوان', max: 80 }), sortOrder: z.coerce.number().int().min(0).max(10000).optional(), active: z.boolean().optional() });
const listParams = z.object({ list: z.string().min(1).max(40) });
const itemParams = listParams.extend({ id: z.uuid() });

export const lookupsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('lookup', 'settings.view');
  app.get('/api/lookups', { config: { permission: 'authenticated' }, schema: { tags, summary: 'The configurable lists (customer sources, organization types, …)', response: { 200: z.object({ items: z.array(z.object({ key: z.string(), label: z.object({ fa: z.string(), en: z.string() }) })) }) } } },
    async () => ({ items: lookups.lookupLists() }));
  app.get('/api/lookups/:list', { config: { permission: 'authenticated' }, schema: { tags, summary: 'Values of one list', params: listParams, response: { 200: z.object({ items: z.array(value) }) } } },
    async (req) => ({ items: await lookups.listLookup(ctxOf(req), req.params.list) }));
  app.post('/api/lookups/:list', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Add a value', params: listParams, body, response: { 201: value } } },
    async (req, reply) => reply.status(201).send(await lookups.saveLookup(ctxOf(req), req.params.list, null, req.body)));
  app.patch('/api/lookups/:list/:id', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Rename, reorder or deactivate a value', params: itemParams, body: body.partial(), response: { 200: value } } },
    async (req) => lookups.saveLookup(ctxOf(req), req.params.list, req.params.id, req.body));
  app.delete('/api/lookups/:list/:id', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Delete an unused value', params: itemParams } },
    async (req, reply) => { await lookups.deleteLookup(ctxOf(req), req.params.list, req.params.id); return reply.status(204).send(); });
};
