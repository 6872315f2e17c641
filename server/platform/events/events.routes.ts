import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerResponse } from 'node:http';
import { eventHubFor } from './event-hub.js';
import type { CrmEvent } from './publish.js';

export const HEARTBEAT_MS = 25_000;
const MAX_BUFFERED_BYTES = 1024 * 1024;

const frame = (event: CrmEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;

/**
 * GET /api/events: Server-Sent Events of the logged-in user (and their tenant). The stream is
 * written by hand (hijack) because Fastify would otherwise wait for a response that never ends.
 */
export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const hub = eventHubFor(app.database);
  await hub.start();
  const open = new Set<ServerResponse>();

  // Long-lived streams would keep app.close() waiting forever; end them first.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/api/events', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['platform'],
      summary: 'Live updates as Server-Sent Events (text/event-stream): `event: <type>`, `data: <json>`',
    },
  }, async (req, reply) => {
    const principal = req.principal!;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no', // nginx would otherwise buffer the stream
      connection: 'keep-alive',
      'x-request-id': String(req.id),
    });
    // A first line flushes the headers so the client knows it is connected; retry sets its reconnect delay.
    res.write('retry: 5000\n\n');
    req.raw.socket.setKeepAlive(true);
    req.raw.socket.setTimeout(0);

    const write = (chunk: string) => {
      if (res.writableEnded || res.destroyed) return;
      // A client that stops reading would make us buffer without end: drop it, it reconnects.
      if (res.writableLength > MAX_BUFFERED_BYTES) return void res.destroy();
      res.write(chunk);
    };
    open.add(res);
    const unsubscribe = hub.subscribe({ tenantId: principal.tenantId, userId: principal.userId, send: (event) => write(frame(event)) });
    // Proxies and browsers drop a silent connection; a comment line keeps it open.
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  });
};

/** Open SSE streams of this process on `database` (optionally of one user); for tests and health. */
export const sseConnectionCount = (database: Parameters<typeof eventHubFor>[0], filter?: { tenantId?: string; userId?: string }) =>
  eventHubFor(database).connectionCount(filter);
