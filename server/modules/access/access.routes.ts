import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { catalogOut, grantsBody, permissionChangeOut, principalBody, principalOut, principalPatch } from './access.contract.js';
import * as access from './access.service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['access'];

/** Roles and user groups share one shape: a name, members and grants. */
function principalRoutes(app: Parameters<FastifyPluginAsyncZod>[0], type: access.PrincipalType, base: string) {
  app.get(base, { config: { permission: 'authenticated' }, schema: { tags, summary: `List ${type}s`, response: { 200: z.object({ items: z.array(principalOut) }) } } },
    async (req) => ({ items: await access.listPrincipals(ctxOf(req), type) }));
  app.get(`${base}/:id`, { config: { permission: 'roles.view' }, schema: { tags, summary: `One ${type} with its members`, params: idParams, response: { 200: principalOut } } },
    async (req) => access.getPrincipalDetail(ctxOf(req), type, req.params.id));
  app.post(base, { config: { permission: 'roles.create' }, schema: { tags, summary: `Create a ${type}`, body: principalBody, response: { 201: principalOut } } },
    async (req, reply) => reply.status(201).send(await access.createPrincipal(ctxOf(req), type, req.body)));
  app.patch(`${base}/:id`, { config: { permission: 'roles.edit' }, schema: { tags, summary: `Change a ${type}`, params: idParams, body: principalPatch, response: { 200: principalOut } } },
    async (req) => access.updatePrincipal(ctxOf(req), type, req.params.id, req.body));
  app.delete(`${base}/:id`, { config: { permission: 'roles.delete' }, schema: { tags, summary: `Delete a ${type}`, params: idParams } },
    async (req, reply) => { await access.deletePrincipal(ctxOf(req), type, req.params.id); return reply.status(204).send(); });
  app.get(`${base}/:id/permissions`, { config: { permission: 'roles.view' }, schema: { tags, summary: `Grants of a ${type}`, params: idParams, response: { 200: grantsBody } } },
    async (req) => ({ grants: await access.getGrants(ctxOf(req), type, req.params.id) }));
  app.put(`${base}/:id/permissions`, { config: { permission: 'roles.edit' }, schema: { tags, summary: `Replace the grants of a ${type}`, params: idParams, body: grantsBody, response: { 200: grantsBody } } },
    async (req) => ({ grants: await access.setGrants(ctxOf(req), type, req.params.id, req.body.grants) }));
}

export const accessRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('role', 'roles.view');
  registerAuditedEntity('userGroup', 'roles.view');

  app.get('/api/permissions/catalog', { config: { permission: 'authenticated' }, schema: { tags, summary: 'Modules, operations and record scopes', response: { 200: catalogOut } } },
    async () => access.permissionCatalog());
  principalRoutes(app, 'role', '/api/roles');
  principalRoutes(app, 'group', '/api/user-groups');
  app.get('/api/permission-changes', {
    config: { permission: 'roles.view' },
    schema: {
      tags, summary: 'History of permission changes (who, when, before, after)',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.coerce.number().int().positive().optional() }),
      response: { 200: z.object({ items: z.array(permissionChangeOut), nextCursor: z.string().nullable() }) },
    },
  }, async (req) => access.listPermissionChanges(ctxOf(req), req.query));
};
