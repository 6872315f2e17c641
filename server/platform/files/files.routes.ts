import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../http/app-error.js';
import { z } from 'zod';
import { ctxOf } from '../http/request-ctx.js';
import { readFileFor } from './files.service.js';

export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/files/:id', {
    config: { permission: 'authenticated' },
    schema: { tags: ['platform'], summary: 'Download a file the user may see', params: z.object({ id: z.uuid() }) },
  }, async (req, reply) => {
    const { row, bytes } = await readFileFor(ctxOf(req), req.params.id);
    return reply
      .type(row.mime)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.originalName)}`)
      .send(bytes);
  });
};

/** Reads the single `file` part of a multipart request into memory (size limited by the multipart plugin). */
export async function readUpload(req: FastifyRequest): Promise<{ buffer: Buffer; filename: string }> {
  const part = await req.file();
  if (!part) {
    throw new AppError('validation', { detail: 'فایلی فرستاده نشده است.', errors: [{ path: 'file', message: 'فایل الزامی است' }] });
  }
  const buffer = await part.toBuffer();
  return { buffer, filename: part.filename };
}
