import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { stockDocumentsRoutes } from './stock-documents.routes.js';
import { stockRoutes } from './stock.routes.js';

export const inventoryRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('warehouse', 'warehouses.view');
  registerAuditedEntity('stockDocument', 'stockDocuments.view');
  registerAuditedEntity('stockReservation', 'reservations.view');
  await app.register(stockDocumentsRoutes);
  await app.register(stockRoutes);
};
