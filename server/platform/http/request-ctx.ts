import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import type { Db } from '../db/types.js';
import { AppError } from './app-error.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    now: () => Date;
  }
}

/** The service context of an authenticated request. */
export function ctxOf(req: FastifyRequest): Ctx {
  const principal = req.principal;
  if (!principal) throw new AppError('unauthenticated');
  return {
    db: req.server.db,
    principal,
    tenantId: principal.tenantId,
    userId: principal.userId,
    requestId: String(req.id),
    now: req.server.now,
  };
}
