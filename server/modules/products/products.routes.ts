import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  productCreate, productDetailOut, productExportQuery, productListQuery, productOut, productPatch, salesLimitsBody, salesLimitsOut, variantInput, variantOut, variantPatch,
} from '../../../common/contracts/products.contract.js';
import { priceOut, priceQuery } from '../../../common/contracts/price-lists.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { sendExport } from '../../platform/export/export.service.js';
import * as svc from './products.service.js';
import * as variants from './variants.service.js';
import { PRODUCT_EXPORT_COLUMNS, productExportPages } from './products.export.js';
import { getSalesLimits, setSalesLimits } from './sales-limits.service.js';
import { priceForRequest } from './price-resolution.js';
import { catalogRoutes } from './catalog.routes.js';
import { priceListsRoutes } from './price-lists.routes.js';
import { productImportRoutes } from './import/import.routes.js';
import { productImageRoutes } from './product-image.routes.js';

const tags = ['products'];
const idParams = z.object({ id: z.uuid() });
const variantParams = z.object({ id: z.uuid(), variantId: z.uuid() });
const pageOut = z.object({ items: z.array(productOut), nextCursor: z.string().nullable(), total: z.number().nullable() });

export const productsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('product', 'products.view');
  registerAuditedEntity('productVariant', 'products.view');
  registerAuditedEntity('salesCategoryLimits', 'staff.view');
  await app.register(catalogRoutes);
  await app.register(priceListsRoutes);
  await app.register(productImportRoutes);
  await app.register(productImageRoutes);

  app.get('/api/products', {
    config: { permission: 'products.view' },
    schema: { tags, summary: 'List products: Persian quick search, filters (category subtree, brand, kind, active, sellableOnly), sort, keyset paging', querystring: productListQuery, response: { 200: pageOut } },
  }, async (req) => svc.listProducts(ctxOf(req), req.query));

  app.get('/api/products/export', {
    config: { permission: 'products.export' },
    schema: { tags, summary: 'Export the filtered products as XLSX or CSV', querystring: productExportQuery },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const ctx = ctxOf(req);
    return sendExport(reply, { format, filename: 'کالاها', columns: PRODUCT_EXPORT_COLUMNS, pages: productExportPages(ctx, filters), audit: { ctx, resource: 'products', filters } });
  });

  app.get('/api/products/:id', { config: { permission: 'products.view' }, schema: { tags, summary: 'One product with its variants', params: idParams, response: { 200: productDetailOut } } },
    async (req) => svc.getProduct(ctxOf(req), req.params.id));
  app.post('/api/products', { config: { permission: 'products.create' }, schema: { tags, summary: 'Create a product (its default variant is created with it)', body: productCreate, response: { 201: productDetailOut } } },
    async (req, reply) => reply.status(201).send(await svc.createProduct(ctxOf(req), req.body)));
  app.patch('/api/products/:id', { config: { permission: 'products.edit' }, schema: { tags, summary: 'Change a product (send version to detect concurrent edits)', params: idParams, body: productPatch, response: { 200: productDetailOut } } },
    async (req) => svc.updateProduct(ctxOf(req), req.params.id, req.body));
  app.delete('/api/products/:id', { config: { permission: 'products.delete' }, schema: { tags, summary: 'Delete a product (soft: hidden, refused in new documents)', params: idParams } },
    async (req, reply) => { await svc.deleteProduct(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.get('/api/products/:id/variants', { config: { permission: 'products.view' }, schema: { tags, summary: "The product's variants (the default one first)", params: idParams, response: { 200: z.object({ items: z.array(variantOut) }) } } },
    async (req) => ({ items: (await svc.getProduct(ctxOf(req), req.params.id)).variants }));
  app.post('/api/products/:id/variants', { config: { permission: 'products.edit' }, schema: { tags, summary: 'Add a variant for a combination of attribute values', params: idParams, body: variantInput, response: { 201: variantOut } } },
    async (req, reply) => reply.status(201).send(await variants.addVariant(ctxOf(req), req.params.id, req.body)));
  app.patch('/api/products/:id/variants/:variantId', { config: { permission: 'products.edit' }, schema: { tags, summary: 'Change a variant', params: variantParams, body: variantPatch, response: { 200: variantOut } } },
    async (req) => variants.updateVariant(ctxOf(req), req.params.id, req.params.variantId, req.body));
  app.delete('/api/products/:id/variants/:variantId', { config: { permission: 'products.edit' }, schema: { tags, summary: 'Remove a variant nothing refers to', params: variantParams } },
    async (req, reply) => { await variants.deleteVariant(ctxOf(req), req.params.id, req.params.variantId); return reply.status(204).send(); });

  app.get('/api/products/:id/price', {
    config: { permission: 'products.view' },
    schema: { tags, summary: 'The price for a channel, date, variant and user (the rule of docs/products.md), with the winning list and why', params: idParams, querystring: priceQuery, response: { 200: priceOut } },
  }, async (req) => priceForRequest(ctxOf(req), req.params.id, req.query));

  const userParams = z.object({ userId: z.uuid() });
  app.get('/api/staff/:userId/product-categories', { config: { permission: 'staff.view' }, schema: { tags, summary: 'The product groups a sales user is limited to (none = no limit)', params: userParams, response: { 200: salesLimitsOut } } },
    async (req) => getSalesLimits(ctxOf(req), req.params.userId));
  app.put('/api/staff/:userId/product-categories', { config: { permission: 'staff.edit' }, schema: { tags, summary: 'Limit a sales user to these product groups (and their subgroups); [] lifts the limit', params: userParams, body: salesLimitsBody, response: { 200: salesLimitsOut } } },
    async (req) => setSalesLimits(ctxOf(req), req.params.userId, req.body.categoryIds));
};
