import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { AppError } from '../../platform/http/app-error.js';
import { authenticateToken, changePassword, createSession, login, logout, setLocale, type AuthenticatedUser, type NewSession } from './auth.service.js';
import { changePasswordBody, loginBody, loginResponse, meResponse, preferencesBody } from './auth.contract.js';
import type { Principal } from '../../platform/context.js';

export const SESSION_COOKIE = 'crm_session';
export const CSRF_COOKIE = 'crm_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    authUser: AuthenticatedUser | null;
  }
}

type AuthOptions = { sessionDays: number; secureCookies: boolean };

function tokenOf(req: FastifyRequest): { token: string; viaCookie: boolean } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), viaCookie: false };
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : null;
}

const meOf = (principal: Principal, user: AuthenticatedUser | null) => ({
  user: user ? { ...user, currencyDisplay: undefined } : null,
  settings: { currencyDisplay: user?.currencyDisplay ?? ('rial' as const) },
  apiKeyId: principal.apiKeyId,
  permissions: principal.permissions as Record<string, 'own' | 'unit' | 'subunits' | 'all'>,
  isAdmin: principal.isAdmin,
});

/** Called on the root instance: every route's access check resolves the caller through this. */
export function installAuthentication(app: FastifyInstance) {
  app.decorateRequest('authUser', null);
  app.decorate('authenticate', async (req: FastifyRequest) => {
    if (req.principal) return req.principal;
    const t = tokenOf(req);
    if (!t) return null;
    const found = await authenticateToken(app.db, t.token, t.viaCookie, app.now());
    if (!found) return null;
    req.authUser = found.user;
    return found.principal;
  });
}

export const authRoutes: FastifyPluginAsyncZod<AuthOptions> = async (app, opts) => {

  const setCookies = (reply: FastifyReply, s: NewSession) => {
    const base = { path: '/', sameSite: 'lax' as const, secure: opts.secureCookies, expires: s.expiresAt };
    reply.setCookie(SESSION_COOKIE, s.token, { ...base, httpOnly: true });
    reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...base, httpOnly: false });
  };

  app.post('/api/auth/login', {
    config: { permission: 'public' },
    schema: { tags: ['auth'], summary: 'Log in with username or mobile', body: loginBody, response: { 200: loginResponse } },
  }, async (req, reply) => {
    const session = await login(app.db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] }, { sessionDays: opts.sessionDays, now: app.now() });
    const found = await authenticateToken(app.db, session.token, false, app.now());
    if (!found) throw new AppError('invalid_credentials');
    setCookies(reply, session);
    return { ...meOf(found.principal, found.user), token: session.token, csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } },
  }, async (req, reply) => {
    await logout(app.db, req.principal!.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/api/auth/change-password', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Change own password; ends the other sessions', body: changePasswordBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await changePassword(ctxOf(req), req.body);
    return reply.status(204).send(null);
  });

  app.get('/api/me', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The current user and their permissions', response: { 200: meResponse } },
  }, async (req) => meOf(req.principal!, req.authUser));

  app.patch('/api/me/preferences', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Save own preferences (language)', body: preferencesBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await setLocale(ctxOf(req), req.body.locale);
    return reply.status(204).send(null);
  });
};

export { createSession };
