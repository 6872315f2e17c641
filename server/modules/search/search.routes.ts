import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../platform/context.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { globalSearch, registerSearchProvider } from './search-registry.js';
import { listStaff } from '../staff/index.js';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  registerSearchProvider(async (ctx, q, limit) => {
    if (!scopeOf(ctx.principal, 'staff.view')) return [];
    const page = await listStaff(ctx, { q, sort: 'lastName', limit });
    return page.items.map((s) => ({ type: 'staff', id: s.id, title: s.fullName, subtitle: [s.jobPositionName, s.mobile].filter(Boolean).join(' · ') || null, link: `/staff/${s.id}` }));
  });

  app.get('/api/search', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['search'], summary: 'Search every module the user may see',
      querystring: z.object({ q: z.string().min(1).max(100) }),
      response: { 200: z.object({ items: z.array(z.object({ type: z.string(), id: z.string(), title: z.string(), subtitle: z.string().nullable(), link: z.string() })) }) },
    },
  }, async (req) => ({ items: await globalSearch(ctxOf(req), req.query.q) }));
};
