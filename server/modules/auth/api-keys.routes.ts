import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SCOPES } from '../../../common/permissions.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';

const tags = ['api keys'];
const keyOut = z.object({ id: z.string(), name: z.string(), prefix: z.string(), permissions: z.record(z.string(), z.enum(SCOPES)), createdAt: z.date(), revokedAt: z.date().nullable() });

export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/api-keys', { config: { permission: 'apiKeys.view' }, schema: { tags, summary: 'API keys (secrets are never shown again)', response: { 200: z.object({ items: z.array(keyOut) }) } } },
    async (req) => ({ items: await listApiKeys(ctxOf(req)) }));
  app.post('/api/api-keys', {
    config: { permission: 'apiKeys.create' },
    schema: { tags, summary: 'Create an API key; the secret is returned once', body: z.object({ name: z.string().trim().min(1).max(80), permissions: z.record(z.string(), z.enum(SCOPES)) }),
      response: { 201: keyOut.extend({ secret: z.string() }) } },
  }, async (req, reply) => reply.status(201).send(await createApiKey(ctxOf(req), req.body)));
  app.delete('/api/api-keys/:id', { config: { permission: 'apiKeys.delete' }, schema: { tags, summary: 'Revoke an API key', params: z.object({ id: z.uuid() }) } },
    async (req, reply) => { await revokeApiKey(ctxOf(req), req.params.id); return reply.status(204).send(); });
};
