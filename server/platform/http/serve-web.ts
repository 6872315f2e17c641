import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const webDistDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Serves the built single-page app; unknown non-API paths get index.html (client-side routing). */
export async function serveWeb(app: FastifyInstance) {
  if (!existsSync(webDistDir)) {
    app.log.warn('web/dist is missing: run `npm run build:web` to serve the web app');
    return;
  }
  await app.register(fastifyStatic, { root: webDistDir, prefix: '/', wildcard: false, index: 'index.html' });
  app.decorate('spaFallback', true);
}

declare module 'fastify' {
  interface FastifyInstance {
    spaFallback?: boolean;
  }
}
