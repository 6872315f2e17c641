import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { randomUUID } from 'node:crypto';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installPersianZodErrors } from '../common/zod-persian.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/open-database.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { installAuthorization } from './platform/http/authorize.js';
import { platformRoutes } from './platform/platform.routes.js';
import { registerModules } from './modules/index.js';
import { serveWeb } from './platform/http/serve-web.js';

installPersianZodErrors();

export type AppOptions = {
  config: Config;
  database: Database;
  now?: () => Date;
  logger?: boolean | object;
  serveWebApp?: boolean;
};

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID()),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.database.db);
  app.decorate('database', opts.database);
  app.decorate('config', opts.config);
  app.decorate('now', opts.now ?? (() => new Date()));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  installErrorHandler(app);
  installAuthorization(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: opts.config.maxUploadBytes, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Persian CRM API', version: '0.1.0', description: 'REST API of the Persian-first CRM. Errors are RFC 9457 problem+json.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'crm_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(platformRoutes);
  await registerModules(app, opts.config);
  if (opts.serveWebApp) await serveWeb(app);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
}
