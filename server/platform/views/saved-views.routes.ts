import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { zPersianText } from '../../../common/validators/zod.js';
import { inTenant } from '../db/transactions.js';
import { ctxOf } from '../http/request-ctx.js';
import { AppError, notFound } from '../http/app-error.js';
import { savedViews } from './saved-views.table.js';

const tags = ['saved views'];
const view = z.object({ id: z.string(), name: z.string(), config: z.record(z.string(), z.unknown()) });

/** A person's own saved list views; nobody else sees or changes them. */
export const savedViewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/saved-views', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'My saved views of a list', querystring: z.object({ list: z.string().min(1).max(40) }), response: { 200: z.object({ items: z.array(view) }) } },
  }, async (req) => {
    const ctx = ctxOf(req);
    const items = await inTenant(ctx.db, ctx, (tx) =>
      tx.select({ id: savedViews.id, name: savedViews.name, config: savedViews.config }).from(savedViews)
        .where(and(eq(savedViews.tenantId, ctx.tenantId), eq(savedViews.userId, ctx.userId ?? ''), eq(savedViews.list, req.query.list)))
        .orderBy(asc(savedViews.name)));
    return { items };
  });
  app.post('/api/saved-views', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Save a view (filters, sort, columns)', body: z.object({ list: z.string().min(1).max(40), name: zPersianText({ label: 'نام نما', max: 60 }), config: z.record(z.string(), z.unknown()) }), response: { 201: view } },
  }, async (req, reply) => {
    const ctx = ctxOf(req);
    if (!ctx.userId) throw new AppError('forbidden');
    const [row] = await inTenant(ctx.db, ctx, (tx) => tx.insert(savedViews).values({ tenantId: ctx.tenantId, userId: ctx.userId!, list: req.body.list, name: req.body.name, config: req.body.config }).returning());
    return reply.status(201).send({ id: row!.id, name: row!.name, config: row!.config });
  });
  app.delete('/api/saved-views/:id', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Delete one of my saved views', params: z.object({ id: z.uuid() }) },
  }, async (req, reply) => {
    const ctx = ctxOf(req);
    const [row] = await inTenant(ctx.db, ctx, (tx) => tx.delete(savedViews).where(and(eq(savedViews.tenantId, ctx.tenantId), eq(savedViews.userId, ctx.userId ?? ''), eq(savedViews.id, req.params.id))).returning());
    if (!row) throw notFound('نما');
    return reply.status(204).send();
  });
};
