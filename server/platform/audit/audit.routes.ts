import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../http/request-ctx.js';
import { scopeOf } from '../context.js';
import { AppError } from '../http/app-error.js';
import { listAudit } from './audit.service.js';
import { auditViewPermission, resolveActorNames } from './audit-registry.js';

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
  }, async (req) => {
    const ctx = ctxOf(req);
    const perm = auditViewPermission(req.query.entity);
    if (!scopeOf(ctx.principal, 'audit.view') && !(perm && scopeOf(ctx.principal, perm))) throw new AppError('forbidden');
    const page = await listAudit(ctx, req.query);
    const names = await resolveActorNames(ctx, [...new Set(page.items.map((i) => i.actorUserId).filter((x): x is string => !!x))]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((i) => ({
        id: i.id,
        at: i.at,
        actor: i.actorUserId ? { id: i.actorUserId, name: names.get(i.actorUserId) ?? '—' } : null,
        apiKeyId: i.actorApiKeyId,
        action: i.action as 'create' | 'update' | 'delete',
        changes: i.changes,
      })),
    };
  });
};
