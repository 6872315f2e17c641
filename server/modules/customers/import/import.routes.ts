// HTTP of the customer import; every route needs customers.import. Thin: schemas, permission, service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuditedEntity } from '../../../platform/audit/audit-registry.js';
import { readUpload } from '../../../platform/files/files.routes.js';
import { ctxOf } from '../../../platform/http/request-ctx.js';
import { createImportBody, importOut, previewOut, undoOut, validationOut } from './import.contract.js';
import * as svc from './import.service.js';
import { undoImport } from './import-undo.js';
import { sendRejectedRows } from './rejected-export.js';

const tags = ['customer import'];
const config = { permission: 'customers.import' as const };
const idParams = z.object({ id: z.uuid() });

export const customerImportRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('customerImport', 'customers.import');

  app.post('/api/customers/imports/preview', {
    config,
    schema: { tags, summary: 'Upload a CSV, XLSX or VCF file (multipart field `file`): first rows, headers and a suggested column mapping', response: { 200: previewOut } },
  }, async (req) => svc.previewImport(ctxOf(req), await readUpload(req)));

  app.post('/api/customers/imports', {
    config,
    schema: {
      tags,
      summary: "Validate an uploaded file with a mapping and duplicate policy, in the background: the import is 'validating' (poll it) until its report is ready; writes no customer",
      body: createImportBody, response: { 200: importOut },
    },
  }, async (req) => svc.validateImport(ctxOf(req), req.body));

  app.get('/api/customers/imports/:id/validation', {
    config,
    schema: { tags, summary: "The validation report of a 'validated' import: counts and the first 500 rejected rows with reasons", params: idParams, response: { 200: validationOut } },
  }, async (req) => svc.getValidation(ctxOf(req), req.params.id));

  app.get('/api/customers/imports', {
    config,
    schema: { tags, summary: "The company's imports, newest first (50)", response: { 200: z.object({ items: z.array(importOut) }) } },
  }, async (req) => svc.listImports(ctxOf(req)));

  app.get('/api/customers/imports/:id', {
    config,
    schema: { tags, summary: 'Progress and summary of one import', params: idParams, response: { 200: importOut } },
  }, async (req) => svc.getImport(ctxOf(req), req.params.id));

  app.post('/api/customers/imports/:id/start', {
    config,
    schema: { tags, summary: 'Run a validated import in the background (job customers.import)', params: idParams, response: { 200: importOut } },
  }, async (req) => svc.startImport(ctxOf(req), req.params.id));

  app.get('/api/customers/imports/:id/rejected', {
    config,
    schema: { tags, summary: 'The rejected rows with their reasons as a right-to-left XLSX', params: idParams },
  }, async (req, reply) => sendRejectedRows(ctxOf(req), req.params.id, reply));

  app.post('/api/customers/imports/:id/undo', {
    config,
    schema: { tags, summary: 'Undo a finished import: delete the customers it created, restore the ones it changed', params: idParams, response: { 200: undoOut } },
  }, async (req) => undoImport(ctxOf(req), req.params.id));
};
