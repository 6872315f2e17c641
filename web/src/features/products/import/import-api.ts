import { api } from '../../../app/api-client.js';
import type { ImportEndpoints, ImportPolicy, ImportPreview, ImportProgress, ImportReport } from '../../../components/import/import-kit.js';

export type { ImportPolicy, ImportPreview };
export type MatchField = 'code' | 'barcode';
export const MATCH_FIELDS: MatchField[] = ['code', 'barcode'];

export type ValidationReport = ImportReport & { id: string; rejectedCount: number; prices: number; stockLines: number };

export type ImportState = ImportProgress & {
  id: string;
  filename: string;
  createdAt: string;
  status: Exclude<ImportProgress['status'], 'validating'>;
  pricesWritten: number;
  stockLines: number;
  stockDocumentIds: string[];
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

export const productImportEndpoints: ImportEndpoints<ImportState> = {
  keys: productImportKeys,
  preview: productImportApi.preview,
  status: productImportApi.status,
  undo: productImportApi.undo,
  rejectedUrl: productImportApi.rejectedUrl,
  history: productImportApi.history,
  accept: { extensions: ['.csv', '.xlsx'], attribute: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  listKey: ['table', 'products'],
  permission: 'products.import',
  path: '/products/import',
};
