import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { jobPositionBody, jobPositionOut, unitBody, unitOut, unitPatch } from './org.contract.js';
import * as org from './org.service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['organization'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('unit', 'units.view');
  registerAuditedEntity('jobPosition', 'settings.view');

  // The unit tree and job positions are reference data every staff form needs.
  app.get('/api/units', { config: { permission: 'authenticated' }, schema: { tags, summary: 'All units (flat, with parentId)', response: { 200: z.object({ items: z.array(unitOut) }) } } },
    async (req) => ({ items: await org.listUnits(ctxOf(req)) }));
  app.post('/api/units', { config: { permission: 'units.create' }, schema: { tags, summary: 'Create a unit', body: unitBody, response: { 201: unitOut } } },
    async (req, reply) => reply.status(201).send(await org.createUnit(ctxOf(req), req.body)));
  app.patch('/api/units/:id', { config: { permission: 'units.edit' }, schema: { tags, summary: 'Rename, move or change a unit', params: idParams, body: unitPatch } },
    async (req) => org.updateUnit(ctxOf(req), req.params.id, req.body));
  app.delete('/api/units/:id', { config: { permission: 'units.delete' }, schema: { tags, summary: 'Delete an empty unit', params: idParams } },
    async (req, reply) => { await org.deleteUnit(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.get('/api/job-positions', { config: { permission: 'authenticated' }, schema: { tags, summary: 'Job positions', response: { 200: z.object({ items: z.array(jobPositionOut) }) } } },
    async (req) => ({ items: await org.listJobPositions(ctxOf(req)) }));
  app.post('/api/job-positions', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Create a job position', body: jobPositionBody, response: { 201: jobPositionOut } } },
    async (req, reply) => reply.status(201).send(await org.saveJobPosition(ctxOf(req), null, req.body.name)));
  app.patch('/api/job-positions/:id', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Rename a job position', params: idParams, body: jobPositionBody, response: { 200: jobPositionOut } } },
    async (req) => org.saveJobPosition(ctxOf(req), req.params.id, req.body.name));
  app.delete('/api/job-positions/:id', { config: { permission: 'settings.edit' }, schema: { tags, summary: 'Delete an unused job position', params: idParams } },
    async (req, reply) => { await org.deleteJobPosition(ctxOf(req), req.params.id); return reply.status(204).send(); });
};
