import { api } from '../../../app/api-client.js';
import type { ImportPreview, ImportStatusName } from '../../customers/import/import-api.js';

export type { ImportPreview };
export type ImportPolicy = 'skip' | 'overwrite' | 'merge';
export type MatchField = 'code' | 'barcode';
export const MATCH_FIELDS: MatchField[] = ['code', 'barcode'];

export type RejectedRow = { rowNumber: number; reasons: string[]; values: string[] };
export type ValidationReport = {
  id: string;
  totalRows: number;
  valid: number;
  rejected: RejectedRow[];
  rejectedCount: number;
  wouldCreate: number;
  wouldUpdate: number;
  wouldSkip: number;
  prices: number;
  stockLines: number;
};

export type ImportState = {
  id: string;
  filename: string;
  createdAt: string;
  status: ImportStatusName;
  totalRows: number;
  processedRows: number;
  created: number;
  overwritten: number;
  merged: number;
  skipped: number;
  rejected: number;
  pricesWritten: number;
  stockLines: number;
  stockDocumentIds: string[];
  error: string | null;
};

export type ImportRequest = { fileId: string; mapping: Record<string, string>; policy: ImportPolicy; matchFields: MatchField[] };

const base = '/api/products/imports';
const enc = encodeURIComponent;

export const productImportKeys = {
  history: ['product-imports'] as const,
  one: (id: string) => ['product-imports', id] as const,
};

export const productImportApi = {
  preview: (file: File) => api.upload<ImportPreview>(`${base}/preview`, file),
  validate: (body: ImportRequest) => api.post<ValidationReport>(base, body),
  start: (id: string) => api.post<ImportState>(`${base}/${enc(id)}/start`),
  status: (id: string, signal?: AbortSignal) => api.get<ImportState>(`${base}/${enc(id)}`, signal ? { signal } : {}),
  undo: (id: string) => api.post<ImportState>(`${base}/${enc(id)}/undo`),
  rejectedUrl: (id: string) => `${base}/${enc(id)}/rejected`,
  history: (signal?: AbortSignal) => api.get<{ items: ImportState[] }>(base, signal ? { signal } : {}).then((r) => r.items),
};

export const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx'];
export const ACCEPT_ATTRIBUTE = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
