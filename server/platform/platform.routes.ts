import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { migrationVersion } from './db/migrate.js';
import { auditRoutes } from './audit/audit.routes.js';
import { filesRoutes } from './files/files.routes.js';
import { eventsRoutes } from './events/index.js';
import { savedViewsRoutes } from './views/saved-views.routes.js';

export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', {
    config: { permission: 'public' },
    schema: {
      tags: ['platform'],
      summary: 'Liveness, database kind and migration version',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), migration: z.string().nullable() }) },
    },
  }, async () => {
    await app.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: app.database.kind, migration: await migrationVersion(app.database) };
  });

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(auditRoutes);
  await app.register(filesRoutes);
  await app.register(eventsRoutes);
  await app.register(savedViewsRoutes);
};
