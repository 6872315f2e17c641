import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zPersianText } from '../../../common/validators/zod.js';
import { ctxOf } from '../http/request-ctx.js';
import { deleteView, listSavedViews, saveView } from './saved-views.service.js';

const tags = ['saved views'];
const view = z.object({ id: z.string(), name: z.string(), config: z.record(z.string(), z.unknown()) });

export const savedViewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/saved-views', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'My saved views of a list', querystring: z.object({ list: z.string().min(1).max(40) }), response: { 200: z.object({ items: z.array(view) }) } },
  }, async (req) => ({ items: await listSavedViews(ctxOf(req), req.query.list) }));
  app.post('/api/saved-views', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Save a view (filters, sort, columns)', body: z.object({ list: z.string().min(1).max(40), name: zPersianText({ label: 'نام نما', max: 60 }), config: z.record(z.string(), z.unknown()) }), response: { 201: view } },
  }, async (req, reply) => reply.status(201).send(await saveView(ctxOf(req), req.body)));
  app.delete('/api/saved-views/:id', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Delete one of my saved views', params: z.object({ id: z.uuid() }) },
  }, async (req, reply) => { await deleteView(ctxOf(req), req.params.id); return reply.status(204).send(); });
};
