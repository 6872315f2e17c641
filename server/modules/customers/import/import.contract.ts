// Request/response schemas of the customer import API (also its OpenAPI). Kept next to the routes for
// now; the web app can import them once they move to common/contracts.
import { z } from 'zod';
import { IMPORT_FIELD_KEYS, MATCH_FIELDS } from './import-fields.js';

export const importFormat = z.enum(['csv', 'xlsx', 'vcf']);
export const importPolicy = z.enum(['skip', 'overwrite', 'merge']);
export const importStatus = z.enum(['validating', 'validated', 'queued', 'running', 'done', 'failed', 'undone']);

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
  fields: z.array(z.object({ key: z.string(), label: z.string() })),
});

export const createImportBody = z.object({
  fileId: z.uuid(),
  /** Column index (as a string) → field key; '' leaves the column out. */
  mapping: z.record(z.string().regex(/^\d{1,3}$/, 'شماره ستون معتبر نیست'), z.union([z.enum(IMPORT_FIELD_KEYS), z.literal('')])),
  policy: importPolicy,
  matchFields: z.array(z.enum(MATCH_FIELDS)).max(MATCH_FIELDS.length),
  defaultKind: z.enum(['natural', 'legal']).optional(),
  ownerId: z.uuid().nullable().optional(),
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
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type ImportOut = z.infer<typeof importOut>;

export const undoOut = importOut.extend({ removed: z.number(), restored: z.number(), missing: z.number() });
