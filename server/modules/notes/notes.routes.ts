import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noteCreate, noteExportQuery, noteListQuery, noteOut, notePage, notePatch } from '../../../common/contracts/notes.contract.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { sendExport } from '../../platform/export/export.service.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { canReadNoteHistory } from './note-audit.js';
import { NOTE_EXPORT_COLUMNS, noteExportPages } from './notes.export.js';
import * as svc from './notes.service.js';

const tags = ['notes'];
const idParams = z.object({ id: z.uuid() });

export const notesRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('note', 'notes.view', canReadNoteHistory);

  app.get('/api/notes', {
    config: { permission: 'notes.view' },
    schema: { tags, summary: "Notes I may see: public notes on records I see, and my own private ones; by record, author, text; newest first, keyset paging", querystring: noteListQuery, response: { 200: notePage } },
  }, async (req) => svc.listNotes(ctxOf(req), req.query));

  app.get('/api/notes/export', {
    config: { permission: 'notes.export' },
    schema: { tags, summary: 'Export the filtered notes (same filters, privacy and record visibility as the list) as XLSX or CSV', querystring: noteExportQuery },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const ctx = ctxOf(req);
    // The history records the filters but not the searched words: they may quote one's own private notes.
    const { q, ...logged } = filters;
    const audit = { ctx, resource: 'notes', filters: { ...logged, textSearch: q ? true : undefined } };
    return sendExport(reply, { format, filename: 'یادداشت‌ها', columns: NOTE_EXPORT_COLUMNS, pages: noteExportPages(ctx, filters), audit });
  });

  app.get('/api/notes/:id', {
    config: { permission: 'notes.view' },
    schema: { tags, summary: "One note; someone else's private note is 404 (its existence is not disclosed)", params: idParams, response: { 200: noteOut } },
  }, async (req) => svc.getNote(ctxOf(req), req.params.id));

  app.post('/api/notes', {
    config: { permission: 'notes.create' },
    schema: { tags, summary: 'Write a note on a customer (customerId) or another record (linkType, linkId); private notes are seen by their author only', body: noteCreate, response: { 201: noteOut } },
  }, async (req, reply) => reply.status(201).send(await svc.createNote(ctxOf(req), req.body)));

  app.patch('/api/notes/:id', {
    config: { permission: 'notes.create' },
    schema: { tags, summary: 'Edit my note (text, private/public); only the author may. Send version to detect concurrent edits', params: idParams, body: notePatch, response: { 200: noteOut } },
  }, async (req) => svc.updateNote(ctxOf(req), req.params.id, req.body));

  app.delete('/api/notes/:id', {
    config: { permission: 'notes.create' },
    schema: { tags, summary: 'Delete my note; only the author may', params: idParams },
  }, async (req, reply) => { await svc.deleteNote(ctxOf(req), req.params.id); return reply.status(204).send(); });
};
