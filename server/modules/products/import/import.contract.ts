// Request/response schemas of the product import API (also its OpenAPI).
import { z } from 'zod';
import { DYNAMIC_FIELD, MATCH_FIELDS, STATIC_FIELD_KEYS } from './import-fields.js';

export const importFormat = z.enum(['csv', 'xlsx']);
export const importPolicy = z.enum(['skip', 'overwrite', 'merge']);
export const importStatus = z.enum(['validated', 'queued', 'running', 'done', 'failed', 'undone']);

export const previewOut = z.object({
  fileId: z.string(),
  filename: z.string(),
  format: importFormat,
  /** null for XLSX (the workbook carries its own encoding). */
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  totalRows: z.number(),
  suggestedMapping: z.record(z.string(), z.string()),
  /** The fixed fields, then one per active price list (`price:<id>`) and per active warehouse (`stock:<id>`). */
  fields: z.array(z.object({ key: z.string(), label: z.string() })),
});

const fieldKey = z.union([z.enum(STATIC_FIELD_KEYS), z.string().regex(DYNAMIC_FIELD, 'فیلد نگاشت معتبر نیست'), z.literal('')]);

export const createImportBody = z.object({
  fileId: z.uuid(),
  /** Column index (as a string) → field key; '' leaves the column out. */
  mapping: z.record(z.string().regex(/^\d{1,3}$/, 'شماره ستون معتبر نیست'), fieldKey),
  policy: importPolicy,
  /** Which fields find an existing product: the code (default) and/or the barcode. */
  matchFields: z.array(z.enum(MATCH_FIELDS)).max(MATCH_FIELDS.length).default(['code']),
});
export type CreateImportBody = z.infer<typeof createImportBody>;

export const rejectedRowOut = z.object({ rowNumber: z.number(), reasons: z.array(z.string()), values: z.array(z.string()) });

export const validationOut = z.object({
  id: z.string(),
  status: importStatus,
  totalRows: z.number(),
  valid: z.number(),
  /** The first 500; all of them are in the rejected-rows XLSX. */
  rejected: z.array(rejectedRowOut),
  rejectedCount: z.number(),
  wouldCreate: z.number(),
  wouldUpdate: z.number(),
  wouldSkip: z.number(),
  /** Price cells that would be written and opening-stock lines that would be received. */
  prices: z.number(),
  stockLines: z.number(),
});

export const importOut = z.object({
  id: z.string(),
  status: importStatus,
  filename: z.string(),
  format: importFormat,
  policy: importPolicy,
  matchFields: z.array(z.string()),
  totalRows: z.number(),
  processedRows: z.number(),
  created: z.number(),
  overwritten: z.number(),
  merged: z.number(),
  skipped: z.number(),
  rejected: z.number(),
  pricesWritten: z.number(),
  stockLines: z.number(),
  stockDocumentIds: z.array(z.string()),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type ImportOut = z.infer<typeof importOut>;

export const undoOut = importOut.extend({ removed: z.number(), restored: z.number(), missing: z.number(), pricesRestored: z.number(), receiptsReversed: z.number() });
