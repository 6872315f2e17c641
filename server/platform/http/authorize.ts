import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Permission } from '../../../common/permissions.js';
import type { Ctx, Principal } from '../context.js';
import { scopeOf } from '../context.js';
import { AppError } from './app-error.js';

export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares what it needs; a route without it is refused to everyone. */
    permission?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    ctx: Ctx;
  }
  interface FastifyInstance {
    authenticate: (req: FastifyRequest) => Promise<Principal | null>;
    registeredRoutes: { method: string; url: string; permission: RouteAccess | undefined }[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PUBLIC_PREFIXES = ['/api/docs'];

export async function checkAccess(app: FastifyInstance, req: FastifyRequest, access: RouteAccess | undefined) {
  if (access === 'public') return;
  const principal = await app.authenticate(req);
  if (!principal) throw new AppError('unauthenticated');
  req.principal = principal;
  if (principal.viaCookie && UNSAFE.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (!principal.csrfToken || sent !== principal.csrfToken) throw new AppError('csrf');
  }
  if (access === 'authenticated') return;
  if (!access || !scopeOf(principal, access)) throw new AppError('forbidden');
}

/** Adds the access check in front of every route and keeps the list for the route-walk test. */
export function installAuthorization(app: FastifyInstance) {
  app.decorate('registeredRoutes', [] as FastifyInstance['registeredRoutes']);
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    let access = route.config?.permission as RouteAccess | undefined;
    if (!access && (PUBLIC_PREFIXES.some((p) => url.startsWith(p)) || !url.startsWith('/api'))) access = 'public';
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (m !== 'HEAD') app.registeredRoutes.push({ method: m, url, permission: access });
    // onRequest: before the body is read or validated, so an unauthorized caller learns nothing about the input.
    const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [async (req: FastifyRequest) => checkAccess(app, req, access), ...existing] as typeof route.onRequest;
  });
}
