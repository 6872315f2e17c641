import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  consistencyOut, idempotencyHeaders, reservationCreate, reservationExportQuery, reservationListQuery, reservationOut, stockCardExportQuery, stockCardOut,
  stockCardQuery, stockExportQuery, stockOut, stockQuery, warehouseCreate, warehouseExportQuery, warehouseOut, warehousePatch,
} from '../../../common/contracts/inventory.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { sendExport } from '../../platform/export/export.service.js';
import * as warehousesSvc from './warehouses.service.js';
import * as reservations from './reservations.service.js';
import { stockCard, stockCardExportPages, stockExportPages, stockOf } from './stock-reads.service.js';
import { STOCK_CARD_EXPORT_COLUMNS, STOCK_EXPORT_COLUMNS } from './stock.export.js';
import { WAREHOUSE_EXPORT_COLUMNS, warehouseExportPages } from './warehouses.export.js';
import { RESERVATION_EXPORT_COLUMNS, reservationExportPages } from './reservations.export.js';
import { stockConsistency } from './consistency.js';
import { sendIdempotent } from './stock-documents.routes.js';

const idParams = z.object({ id: z.uuid() });
export const stockRoutes: FastifyPluginAsyncZod = async (app) => {
  // Warehouses
  app.get('/api/warehouses', { config: { permission: 'warehouses.view' }, schema: { tags: ['warehouses'], summary: 'All warehouses by code', response: { 200: z.object({ items: z.array(warehouseOut) }) } } },
    async (req) => ({ items: await warehousesSvc.listWarehouses(ctxOf(req)) }));
  app.get('/api/warehouses/export', { config: { permission: 'warehouses.export' }, schema: { tags: ['warehouses'], summary: 'Export the warehouses as XLSX or CSV', querystring: warehouseExportQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return sendExport(reply, { format: req.query.format, filename: 'انبارها', columns: WAREHOUSE_EXPORT_COLUMNS, pages: warehouseExportPages(ctx), audit: { ctx, resource: 'warehouses' } });
    });
  app.get('/api/warehouses/:id', { config: { permission: 'warehouses.view' }, schema: { tags: ['warehouses'], summary: 'One warehouse', params: idParams, response: { 200: warehouseOut } } },
    async (req) => warehousesSvc.getWarehouse(ctxOf(req), req.params.id));
  app.post('/api/warehouses', { config: { permission: 'warehouses.create' }, schema: { tags: ['warehouses'], summary: 'Create a warehouse with its manager', body: warehouseCreate, response: { 201: warehouseOut } } },
    async (req, reply) => reply.status(201).send(await warehousesSvc.createWarehouse(ctxOf(req), req.body)));
  app.patch('/api/warehouses/:id', { config: { permission: 'warehouses.edit' }, schema: { tags: ['warehouses'], summary: 'Change a warehouse', params: idParams, body: warehousePatch, response: { 200: warehouseOut } } },
    async (req) => warehousesSvc.updateWarehouse(ctxOf(req), req.params.id, req.body));
  app.delete('/api/warehouses/:id', { config: { permission: 'warehouses.delete' }, schema: { tags: ['warehouses'], summary: 'Delete an unused warehouse', params: idParams } },
    async (req, reply) => { await warehousesSvc.deleteWarehouse(ctxOf(req), req.params.id); return reply.status(204).send(); });

  // Reservations
  app.get('/api/reservations', { config: { permission: 'reservations.view' }, schema: { tags: ['reservations'], summary: 'Reservations, newest first', querystring: reservationListQuery,
    response: { 200: z.object({ items: z.array(reservationOut), nextCursor: z.string().nullable() }) } } },
  async (req) => reservations.listReservations(ctxOf(req), req.query));
  app.get('/api/reservations/export', { config: { permission: 'reservations.export' }, schema: { tags: ['reservations'], summary: 'Export the reservations (same filters as the list; q = the screen\'s reference search) as XLSX or CSV', querystring: reservationExportQuery } },
    async (req, reply) => {
      const { format, q, ...rest } = req.query;
      const filters = { ...rest, reference: rest.reference ?? q };
      const ctx = ctxOf(req);
      return sendExport(reply, { format, filename: 'رزروهای موجودی', columns: RESERVATION_EXPORT_COLUMNS, pages: reservationExportPages(ctx, filters), audit: { ctx, resource: 'reservations', filters } });
    });
  app.post('/api/reservations', { config: { permission: 'reservations.create' }, schema: { tags: ['reservations'], summary: 'Reserve stock until a deadline (refused if sellable stock would go below zero); accepts Idempotency-Key',
    headers: idempotencyHeaders, body: reservationCreate, response: { 201: reservationOut } } },
  async (req, reply) => sendIdempotent(reply, await reservations.createReservation(ctxOf(req), req.body, req.headers['idempotency-key'])));
  app.delete('/api/reservations/:id', { config: { permission: 'reservations.delete' }, schema: { tags: ['reservations'], summary: 'Release a reservation', params: idParams, response: { 200: reservationOut } } },
    async (req) => reservations.releaseReservationById(ctxOf(req), req.params.id));

  // Stock reads
  app.get('/api/stock', { config: { permission: 'stock.view' }, schema: { tags: ['stock'], summary: 'On hand, reserved, sellable and second-unit on hand per variant and warehouse, with totals', querystring: stockQuery, response: { 200: stockOut } } },
    async (req) => stockOf(ctxOf(req), req.query));
  app.get('/api/stock/export', { config: { permission: 'stock.export' }, schema: { tags: ['stock'], summary: 'Export the stock table (same filters: productId, variantId or warehouseId) as XLSX or CSV', querystring: stockExportQuery } },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const ctx = ctxOf(req);
      return sendExport(reply, { format, filename: 'موجودی کالا', columns: STOCK_EXPORT_COLUMNS, pages: stockExportPages(ctx, filters), audit: { ctx, resource: 'stock', filters } });
    });
  app.get('/api/stock/card', { config: { permission: 'stock.view' }, schema: { tags: ['stock'], summary: 'Stock card (کاردکس): movements with running balance, keyset on seq', querystring: stockCardQuery, response: { 200: stockCardOut } } },
    async (req) => stockCard(ctxOf(req), req.query));
  app.get('/api/stock/card/export', { config: { permission: 'stock.export' }, schema: { tags: ['stock'], summary: 'Export the stock card as XLSX or CSV', querystring: stockCardExportQuery } },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const ctx = ctxOf(req);
      return sendExport(reply, { format, filename: 'کاردکس', columns: STOCK_CARD_EXPORT_COLUMNS, pages: stockCardExportPages(ctx, filters), audit: { ctx, resource: 'stockCard', filters } });
    });
  app.get('/api/stock/consistency', { config: { permission: 'authenticated' }, schema: { tags: ['stock'], summary: 'Recompute balances from the ledger and reservations and list differences (stock.view with scope all, or settings.view)', response: { 200: consistencyOut } } },
    async (req) => stockConsistency(ctxOf(req)));
};
