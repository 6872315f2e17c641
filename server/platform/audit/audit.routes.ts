import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../http/request-ctx.js';
import { recordHistory } from './record-history.js';

const entry = z.object({
  id: z.number(),
  at: z.date(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  apiKeyId: z.string().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit-log', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['platform'],
      summary: 'Change history of one record (who, when, old and new values)',
      querystring: z.object({
        entity: z.string().min(1).max(60),
        entityId: z.string().min(1).max(100),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.coerce.number().int().positive().optional(),
      }),
      response: { 200: z.object({ items: z.array(entry), nextCursor: z.string().nullable() }) },
    },
  }, async (req) => recordHistory(ctxOf(req), req.query));
};
