import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { isPermission, SCOPES } from '../../../common/permissions.js';
import { inTenant } from '../../platform/db/transactions.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { apiKeys } from './auth.table.js';
import { newApiKeySecret, sha256 } from './tokens.js';

const tags = ['api keys'];
const keyOut = z.object({ id: z.string(), name: z.string(), prefix: z.string(), permissions: z.record(z.string(), z.enum(SCOPES)), createdAt: z.date(), revokedAt: z.date().nullable() });

export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/api-keys', { config: { permission: 'apiKeys.view' }, schema: { tags, summary: 'API keys (secrets are never shown again)', response: { 200: z.object({ items: z.array(keyOut) }) } } },
    async (req) => {
      const ctx = ctxOf(req);
      const rows = await inTenant(ctx.db, ctx, (tx) => tx.select().from(apiKeys).where(eq(apiKeys.tenantId, ctx.tenantId)).orderBy(desc(apiKeys.createdAt)));
      return { items: rows.map(({ keyHash: _h, tenantId: _t, createdBy: _c, ...k }) => k as z.infer<typeof keyOut>) };
    });

  app.post('/api/api-keys', {
    config: { permission: 'apiKeys.create' },
    schema: { tags, summary: 'Create an API key; the secret is returned once', body: z.object({ name: z.string().trim().min(1).max(80), permissions: z.record(z.string(), z.enum(SCOPES)) }),
      response: { 201: keyOut.extend({ secret: z.string() }) } },
  }, async (req, reply) => {
    const ctx = ctxOf(req);
    for (const p of Object.keys(req.body.permissions)) if (!isPermission(p)) throw fieldError('permissions', `دسترسی «${p}» در فهرست دسترسی‌ها نیست`);
    const secret = newApiKeySecret();
    const row = await inTenant(ctx.db, ctx, async (tx) => {
      const [k] = await tx.insert(apiKeys).values({ tenantId: ctx.tenantId, name: req.body.name, prefix: secret.slice(0, 10), keyHash: sha256(secret), permissions: req.body.permissions, createdBy: ctx.userId }).returning();
      await recordAudit(tx, ctx, { entity: 'apiKey', entityId: k!.id, action: 'create', after: k! });
      return k!;
    });
    return reply.status(201).send({ id: row.id, name: row.name, prefix: row.prefix, permissions: row.permissions as Record<string, 'all'>, createdAt: row.createdAt, revokedAt: null, secret });
  });

  app.delete('/api/api-keys/:id', { config: { permission: 'apiKeys.delete' }, schema: { tags, summary: 'Revoke an API key', params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await inTenant(ctx.db, ctx, async (tx) => {
        const [before] = await tx.select().from(apiKeys).where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, req.params.id), isNull(apiKeys.revokedAt)));
        if (!before) throw notFound('کلید');
        const [after] = await tx.update(apiKeys).set({ revokedAt: ctx.now() }).where(eq(apiKeys.id, before.id)).returning();
        await recordAudit(tx, ctx, { entity: 'apiKey', entityId: before.id, action: 'update', before, after: after! });
      });
      return reply.status(204).send();
    });
};
