import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/open-database.js';
import { inTenant } from '../../db/transactions.js';
import { AppError } from '../../http/app-error.js';
import { ctxOf } from '../../http/request-ctx.js';
import { notify } from '../../../modules/notifications/index.js';

/**
 * A real server on a random port, as one process of a deployment. With `notifyRoute`, it gets a test
 * endpoint that notifies someone in a request transaction (optionally failing after, to test rollback).
 */
export async function startServer(database: Database, opts: { notifyRoute?: boolean } = {}) {
  const config = { ...loadConfig({}), dataDir: mkdtempSync(join(tmpdir(), 'crm-events-')) };
  const app = await buildApp({ config, database });
  if (opts.notifyRoute) addNotifyRoute(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}

function addNotifyRoute(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().post('/api/test/notify', {
    config: { permission: 'authenticated' },
    schema: { body: z.object({ userId: z.uuid(), title: z.string(), failAfter: z.boolean().default(false) }) },
  }, async (req) => {
    const ctx = ctxOf(req);
    return inTenant(ctx.db, ctx, async (tx) => {
      const item = await notify(tx, ctx, { userId: req.body.userId, title: req.body.title, link: '/x' });
      if (req.body.failAfter) throw new AppError('conflict');
      return { id: item.id };
    });
  });
}

export const postJson = async (baseUrl: string, path: string, token: string, body: unknown) => {
  const res = await fetch(baseUrl + path, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};
