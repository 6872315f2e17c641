// HTTP of the product import; every route needs products.import. Thin: schemas, permission, service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuditedEntity } from '../../../platform/audit/audit-registry.js';
import { readUpload } from '../../../platform/files/files.routes.js';
import { ctxOf } from '../../../platform/http/request-ctx.js';
import './import.job.js';
import { createImportBody, importOut, previewOut, undoOut, validationOut } from './import.contract.js';
import * as svc from './import.service.js';
import { undoImport } from './import-undo.js';
import { sendRejectedRows } from './rejected-export.js';

const tags = ['product import'];
const config = { permission: 'products.import' as const };
const idParams = z.object({ id: z.uuid() });

export const productImportRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('productImport', 'products.import');

  app.post('/api/products/imports/preview', {
    config,
    schema: { tags, summary: 'Upload a CSV or XLSX of products (multipart field `file`): first rows, headers, the mappable fields (with one per active price list and warehouse) and a suggested mapping', response: { 200: previewOut } },
  }, async (req) => svc.previewImport(ctxOf(req), await readUpload(req)));

  app.post('/api/products/imports', {
    config,
    schema: { tags, summary: 'Validate an uploaded file with a mapping and duplicate policy; writes no product', body: createImportBody, response: { 200: validationOut } },
  }, async (req) => svc.validateImport(ctxOf(req), req.body));

  app.get('/api/products/imports', {
    config,
    schema: { tags, summary: "The company's product imports, newest first (50)", response: { 200: z.object({ items: z.array(importOut) }) } },
  }, async (req) => svc.listImports(ctxOf(req)));

  app.get('/api/products/imports/:id', {
    config,
    schema: { tags, summary: 'Progress and summary of one product import', params: idParams, response: { 200: importOut } },
  }, async (req) => svc.getImport(ctxOf(req), req.params.id));

  app.post('/api/products/imports/:id/start', {
    config,
    schema: { tags, summary: 'Run a validated import in the background (job products.import); opening stock is received at the end', params: idParams, response: { 200: importOut } },
  }, async (req) => svc.startImport(ctxOf(req), req.params.id));

  app.get('/api/products/imports/:id/rejected', {
    config,
    schema: { tags, summary: 'The rejected rows with their reasons as a right-to-left XLSX', params: idParams },
  }, async (req, reply) => sendRejectedRows(ctxOf(req), req.params.id, reply));

  app.post('/api/products/imports/:id/undo', {
    config,
    schema: { tags, summary: 'Undo a finished import: reverse its opening-stock receipts, restore prices and changed products, delete (soft) the ones it created', params: idParams, response: { 200: undoOut } },
  }, async (req) => undoImport(ctxOf(req), req.params.id));
};
