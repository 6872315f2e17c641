import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../http/app-error.js';
import { z } from 'zod';
import { ctxOf } from '../http/request-ctx.js';
import { toPersianDigits } from '../../../common/text.js';
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

type UploadLimits = {
  /** A tighter limit than the platform's `maxUploadBytes` (an image field on a form, say). */
  maxBytes?: number;
  /** The field errors point at, and what the Persian message calls the file. */
  field?: string;
  label?: string;
  /** `maxBytes` may exceed the platform's limit (call recordings are bigger than form images). */
  beyondPlatformLimit?: boolean;
};

/** Reads the single file part of a multipart request into memory (size limited by the multipart plugin, or `maxBytes`). */
export async function readUpload(req: FastifyRequest, limits: UploadLimits = {}): Promise<{ buffer: Buffer; filename: string }> {
  const field = limits.field ?? 'file';
  const maxBytes = limits.maxBytes && (limits.beyondPlatformLimit ? limits.maxBytes : Math.min(limits.maxBytes, req.server.config.maxUploadBytes));
  if (!req.isMultipart()) {
    throw new AppError('unsupported_media_type', { detail: 'فایل باید به صورت multipart/form-data فرستاده شود.', errors: [{ path: field, message: 'فایل الزامی است' }] });
  }
  const part = await req.file(maxBytes ? { limits: { fileSize: maxBytes } } : undefined);
  if (!part) {
    throw new AppError('validation', { detail: 'فایلی فرستاده نشده است.', errors: [{ path: field, message: 'فایل الزامی است' }] });
  }
  try {
    return { buffer: await part.toBuffer(), filename: part.filename };
  } catch (err) {
    if (!maxBytes || (err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    const message = `حجم ${limits.label ?? 'فایل'} نباید بیش از ${toPersianDigits(+(maxBytes / 1024 / 1024).toFixed(1))} مگابایت باشد`;
    throw new AppError('payload_too_large', { detail: `${message}.`, errors: [{ path: field, message }] });
  }
}
