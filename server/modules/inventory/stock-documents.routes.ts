import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idempotencyHeaders, stockDocumentCreate, stockDocumentDetail, stockDocumentExportQuery, stockDocumentListQuery, stockDocumentOut, stockDocumentPatch,
} from '../../../common/contracts/inventory.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { sendExport } from '../../platform/export/export.service.js';
import type { IdempotentResult } from '../../platform/idempotency/idempotency.js';
import * as svc from './stock-documents.service.js';
import { STOCK_DOCUMENT_EXPORT_COLUMNS, stockDocumentExportPages } from './stock-documents.export.js';

const tags = ['stock documents'];
const idParams = z.object({ id: z.uuid() });

/** Sends a command's answer; a replay of an Idempotency-Key says so in a header. */
export const sendIdempotent = <T>(reply: FastifyReply, r: IdempotentResult<T>) =>
  reply.status(r.status).header('idempotent-replayed', r.replayed ? 'true' : 'false').send(r.body);

export const stockDocumentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/stock-documents', {
    config: { permission: 'stockDocuments.view' },
    schema: { tags, summary: 'List stock documents: kind, warehouse, status, Jalali date range; keyset paging (newest date first)', querystring: stockDocumentListQuery,
      response: { 200: z.object({ items: z.array(stockDocumentOut), nextCursor: z.string().nullable() }) } },
  }, async (req) => svc.listDocuments(ctxOf(req), req.query));

  app.get('/api/stock-documents/export', {
    config: { permission: 'stockDocuments.export' },
    schema: { tags, summary: 'Export the filtered stock documents (same filters as the list, newest date first) as XLSX or CSV', querystring: stockDocumentExportQuery },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const ctx = ctxOf(req);
    return sendExport(reply, { format, filename: 'اسناد انبار', columns: STOCK_DOCUMENT_EXPORT_COLUMNS, pages: stockDocumentExportPages(ctx, filters), audit: { ctx, resource: 'stockDocuments', filters } });
  });

  app.get('/api/stock-documents/:id', {
    config: { permission: 'stockDocuments.view' },
    schema: { tags, summary: 'One stock document with its lines', params: idParams, response: { 200: stockDocumentDetail } },
  }, async (req) => svc.getDocument(ctxOf(req), req.params.id));

  app.post('/api/stock-documents', {
    config: { permission: 'stockDocuments.create' },
    schema: { tags, summary: 'Create a draft document (receipt, issue, transfer, adjustment, exit permit); accepts Idempotency-Key',
      headers: idempotencyHeaders, body: stockDocumentCreate, response: { 201: stockDocumentDetail } },
  }, async (req, reply) => sendIdempotent(reply, await svc.createDocument(ctxOf(req), req.body, req.headers['idempotency-key'])));

  app.patch('/api/stock-documents/:id', {
    config: { permission: 'stockDocuments.edit' },
    schema: { tags, summary: 'Change a draft (lines, when sent, replace all lines); a confirmed document is refused', params: idParams, body: stockDocumentPatch, response: { 200: stockDocumentDetail } },
  }, async (req) => svc.updateDocument(ctxOf(req), req.params.id, req.body));

  app.delete('/api/stock-documents/:id', {
    config: { permission: 'stockDocuments.delete' },
    schema: { tags, summary: 'Delete a draft; a confirmed document is refused (reverse it instead)', params: idParams },
  }, async (req, reply) => { await svc.deleteDocument(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.post('/api/stock-documents/:id/confirm', {
    config: { permission: 'stockDocuments.approve' },
    schema: { tags, summary: 'Confirm a draft: writes the ledger movements and balances in one transaction; accepts Idempotency-Key',
      params: idParams, headers: idempotencyHeaders, response: { 200: stockDocumentDetail } },
  }, async (req, reply) => sendIdempotent(reply, await svc.confirmDocument(ctxOf(req), req.params.id, req.headers['idempotency-key'])));

  app.post('/api/stock-documents/:id/reverse', {
    config: { permission: 'stockDocuments.approve' },
    schema: { tags, summary: 'Create and confirm the reversing document of a confirmed document', params: idParams, response: { 201: stockDocumentDetail } },
  }, async (req, reply) => reply.status(201).send(await svc.reverseDocument(ctxOf(req), req.params.id)));
};
