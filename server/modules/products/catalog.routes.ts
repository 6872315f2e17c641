import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attributeInput, attributeOut, attributePatch, categoryInput, categoryOut, categoryPatch, taxClassInput, taxClassOut, taxClassPatch, unitInput, unitOut, unitPatch,
} from '../../../common/contracts/products.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import * as lists from './catalog-settings.service.js';
import * as categories from './categories.service.js';
import * as taxes from './tax-classes.service.js';

const tags = ['products'];
const idParams = z.object({ id: z.uuid() });
const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

/** Settings-managed catalog lists: units, the category tree, tax classes with dated rates, attributes. */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const e of ['productUnit', 'productCategory', 'taxClass', 'productAttribute'] as const) registerAuditedEntity(e, 'products.view');

  app.get('/api/product-units', { config: { permission: 'products.view' }, schema: { tags, summary: 'Units of measure', response: { 200: items(unitOut) } } },
    async (req) => ({ items: await lists.listUnits(ctxOf(req)) }));
  app.post('/api/product-units', { config: { permission: 'products.create' }, schema: { tags, summary: 'Add a unit', body: unitInput, response: { 201: unitOut } } },
    async (req, reply) => reply.status(201).send(await lists.saveUnit(ctxOf(req), null, req.body)));
  app.patch('/api/product-units/:id', { config: { permission: 'products.edit' }, schema: { tags, summary: 'Rename, change decimals or deactivate a unit', params: idParams, body: unitPatch, response: { 200: unitOut } } },
    async (req) => lists.saveUnit(ctxOf(req), req.params.id, req.body));
  app.delete('/api/product-units/:id', { config: { permission: 'products.delete' }, schema: { tags, summary: 'Delete an unused unit', params: idParams } },
    async (req, reply) => { await lists.deleteUnit(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.get('/api/product-categories', { config: { permission: 'products.view' }, schema: { tags, summary: 'The category tree as a flat list (parentId, path, depth)', response: { 200: items(categoryOut) } } },
    async (req) => ({ items: await categories.listCategories(ctxOf(req)) }));
  app.post('/api/product-categories', { config: { permission: 'products.create' }, schema: { tags, summary: 'Add a category', body: categoryInput, response: { 201: categoryOut } } },
    async (req, reply) => reply.status(201).send(await categories.createCategory(ctxOf(req), req.body)));
  app.patch('/api/product-categories/:id', { config: { permission: 'products.edit' }, schema: { tags, summary: 'Rename, move (parentId), reorder or deactivate a category', params: idParams, body: categoryPatch, response: { 200: categoryOut } } },
    async (req) => categories.updateCategory(ctxOf(req), req.params.id, req.body));
  app.delete('/api/product-categories/:id', { config: { permission: 'products.delete' }, schema: { tags, summary: 'Delete an empty, unused category', params: idParams } },
    async (req, reply) => { await categories.deleteCategory(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.get('/api/tax-classes', { config: { permission: 'products.view' }, schema: { tags, summary: 'Tax classes with their rates by date', response: { 200: items(taxClassOut) } } },
    async (req) => ({ items: await taxes.listTaxClasses(ctxOf(req)) }));
  app.post('/api/tax-classes', { config: { permission: 'products.create' }, schema: { tags, summary: 'Add a tax class', body: taxClassInput, response: { 201: taxClassOut } } },
    async (req, reply) => reply.status(201).send(await taxes.saveTaxClass(ctxOf(req), null, req.body)));
  app.patch('/api/tax-classes/:id', { config: { permission: 'products.edit' }, schema: { tags, summary: 'Change a tax class; `rates` replaces all its rates', params: idParams, body: taxClassPatch, response: { 200: taxClassOut } } },
    async (req) => taxes.saveTaxClass(ctxOf(req), req.params.id, req.body));
  app.delete('/api/tax-classes/:id', { config: { permission: 'products.delete' }, schema: { tags, summary: 'Delete an unused tax class', params: idParams } },
    async (req, reply) => { await taxes.deleteTaxClass(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.get('/api/product-attributes', { config: { permission: 'products.view' }, schema: { tags, summary: 'Attributes (color, size…) with their values', response: { 200: items(attributeOut) } } },
    async (req) => ({ items: await lists.listAttributes(ctxOf(req)) }));
  app.post('/api/product-attributes', { config: { permission: 'products.create' }, schema: { tags, summary: 'Add an attribute', body: attributeInput, response: { 201: attributeOut } } },
    async (req, reply) => reply.status(201).send(await lists.saveAttribute(ctxOf(req), null, req.body)));
  app.patch('/api/product-attributes/:id', { config: { permission: 'products.edit' }, schema: { tags, summary: 'Rename an attribute or change its values', params: idParams, body: attributePatch, response: { 200: attributeOut } } },
    async (req) => lists.saveAttribute(ctxOf(req), req.params.id, req.body));
  app.delete('/api/product-attributes/:id', { config: { permission: 'products.delete' }, schema: { tags, summary: 'Delete an unused attribute', params: idParams } },
    async (req, reply) => { await lists.deleteAttribute(ctxOf(req), req.params.id); return reply.status(204).send(); });
};
