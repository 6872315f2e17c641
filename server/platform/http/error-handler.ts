import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorCode, type FieldError, type Problem } from '../../../common/errors.js';
import { fieldLabel } from '../../../common/field-labels.js';
import { labelMessage } from '../../../common/zod-persian.js';
import { AppError } from './app-error.js';
import { pgCode } from '../db/transactions.js';

/** A logged-in user's chosen language wins; before login, the browser's first language. */
const wantsEnglish = (req: FastifyRequest) =>
  req.principal ? req.principal.locale === 'en' : /^en\b/i.test(String(req.headers['accept-language'] ?? ''));

export function problem(req: FastifyRequest, code: ErrorCode, opts: { detail?: string; errors?: FieldError[]; status?: number } = {}): Problem {
  const entry = ERRORS[code];
  const en = wantsEnglish(req);
  return {
    type: `https://persian-crm.dev/problems/${code.replace(/_/g, '-')}`,
    title: en ? entry.en : entry.fa,
    status: opts.status ?? entry.status,
    detail: opts.detail ?? (en ? entry.en : entry.fa),
    code,
    ...(opts.errors?.length ? { errors: opts.errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).type('application/problem+json; charset=utf-8').send(p);
}

const PART_FA: Record<string, string> = { body: 'بدنه درخواست', querystring: 'پارامترهای نشانی', params: 'نشانی', headers: 'سرآیندها' };

/** Maps every error to RFC 9457 problem+json; unknown errors become a generic 500 without internals. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendProblem(reply, problem(req, err.code, err.opts));

    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { path, message: labelMessage(v.message ?? '', fieldLabel(path)) };
      });
      const part = PART_FA[err.validationContext ?? 'body'] ?? 'درخواست';
      return sendProblem(reply, problem(req, 'validation', { errors, detail: `${part}: ${errors.map((e) => e.message).join('؛ ')}` }));
    }

    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && err.statusCode === 400)) {
      return sendProblem(reply, problem(req, 'malformed_json'));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return sendProblem(reply, problem(req, 'payload_too_large'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return sendProblem(reply, problem(req, 'unsupported_media_type'));
    }
    const db = pgCode(err);
    if (db === '23505') return sendProblem(reply, problem(req, 'duplicate'));
    if (db === '40001' || db === '40P01') return sendProblem(reply, problem(req, 'conflict'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(reply, problem(req, 'bad_request', { status: err.statusCode }));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problem(req, 'internal'));
  });

  app.setNotFoundHandler((req, reply) => {
    if (app.spaFallback && req.method === 'GET' && !req.url.startsWith('/api')) return reply.sendFile('index.html');
    return sendProblem(reply, problem(req, 'route_not_found'));
  });
}
