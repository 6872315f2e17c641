import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  priceItemExportQuery, priceItemOut, priceItemsBody, priceListCreate, priceListExportQuery, priceListOut, priceListPatch, priceListQuery,
} from '../../../common/contracts/price-lists.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { sendExport } from '../../platform/export/export.service.js';
import * as svc from './price-lists.service.js';
import { PRICE_ITEM_EXPORT_COLUMNS, PRICE_LIST_EXPORT_COLUMNS, priceItemExport, priceListExportPages } from './price-lists.export.js';

const tags = ['price lists'];
const idParams = z.object({ id: z.uuid() });

export const priceListsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('priceList', 'priceLists.view');
  registerAuditedEntity('priceListItem', 'priceLists.view');

  app.get('/api/price-lists', { config: { permission: 'priceLists.view' }, schema: { tags, summary: 'Price lists', querystring: priceListQuery, response: { 200: z.object({ items: z.array(priceListOut) }) } } },
    async (req) => ({ items: await svc.listPriceLists(ctxOf(req), req.query) }));
  app.get('/api/price-lists/export', { config: { permission: 'priceLists.export' }, schema: { tags, summary: 'Export the filtered price lists as XLSX or CSV', querystring: priceListExportQuery } },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const ctx = ctxOf(req);
      return sendExport(reply, { format, filename: 'لیست‌های قیمت', columns: PRICE_LIST_EXPORT_COLUMNS, pages: priceListExportPages(ctx, filters), audit: { ctx, resource: 'priceLists', filters } });
    });
  app.get('/api/price-lists/:id', { config: { permission: 'priceLists.view' }, schema: { tags, summary: 'One price list', params: idParams, response: { 200: priceListOut } } },
    async (req) => svc.getPriceList(ctxOf(req), req.params.id));
  app.post('/api/price-lists', { config: { permission: 'priceLists.create' }, schema: { tags, summary: 'Create a price list (overlapping validity with an active list of the same channel and role is refused)', body: priceListCreate, response: { 201: priceListOut } } },
    async (req, reply) => reply.status(201).send(await svc.createPriceList(ctxOf(req), req.body)));
  app.patch('/api/price-lists/:id', { config: { permission: 'priceLists.edit' }, schema: { tags, summary: 'Change a price list (send version)', params: idParams, body: priceListPatch, response: { 200: priceListOut } } },
    async (req) => svc.updatePriceList(ctxOf(req), req.params.id, req.body));
  app.delete('/api/price-lists/:id', { config: { permission: 'priceLists.delete' }, schema: { tags, summary: 'Delete a price list with its items', params: idParams } },
    async (req, reply) => { await svc.deletePriceList(ctxOf(req), req.params.id); return reply.status(204).send(); });
  app.get('/api/price-lists/:id/items', { config: { permission: 'priceLists.view' }, schema: { tags, summary: "The list's prices", params: idParams, response: { 200: z.object({ items: z.array(priceItemOut) }) } } },
    async (req) => ({ items: await svc.listPriceItems(ctxOf(req), req.params.id) }));
  app.get('/api/price-lists/:id/items/export', { config: { permission: 'priceLists.export' }, schema: { tags, summary: "Export the list's prices as XLSX or CSV (price in Rial as a number)", params: idParams, querystring: priceItemExportQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { list, pages } = await priceItemExport(ctx, req.params.id);
      return sendExport(reply, { format: req.query.format, filename: `قیمت‌های ${list.name}`, columns: PRICE_ITEM_EXPORT_COLUMNS, pages, audit: { ctx, resource: 'priceListItems', filters: { priceListId: list.id } } });
    });
  app.put('/api/price-lists/:id/items', { config: { permission: 'priceLists.edit' }, schema: { tags, summary: 'Bulk upsert prices (per product or variant); `replace` drops the others, `removeIds` drops some', params: idParams, body: priceItemsBody, response: { 200: z.object({ items: z.array(priceItemOut) }) } } },
    async (req) => ({ items: await svc.upsertPriceItems(ctxOf(req), req.params.id, req.body) }));
};
