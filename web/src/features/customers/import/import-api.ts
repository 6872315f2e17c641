import { api } from '../../../app/api-client.js';
import type { ImportEndpoints, ImportPolicy, ImportPreview, ImportProgress, ImportReport, RejectedRow } from '../../../components/import/import-kit.js';

export type MatchField = 'nationalId' | 'legalId' | 'economicCode' | 'mobile' | 'email' | 'code';
export const MATCH_FIELDS: MatchField[] = ['nationalId', 'legalId', 'economicCode', 'mobile', 'email', 'code'];
export type { ImportPolicy, ImportPreview, RejectedRow };

export type ValidationReport = ImportReport & { id: string; status: 'validated' };

export type ImportState = ImportProgress;

export type ImportRequest = {
  fileId: string;
  mapping: Record<string, string>;
  policy: ImportPolicy;
  matchFields: MatchField[];
  defaultKind?: 'natural' | 'legal';
  ownerId?: string;
};

const base = '/api/customers/imports';
const enc = encodeURIComponent;

export const importKeys = {
  history: ['customer-imports'] as const,
  one: (id: string) => ['customer-imports', id] as const,
};

export const importApi = {
  preview: (file: File) => api.upload<ImportPreview>(`${base}/preview`, file),
  /** Queues the validation pass; the import is 'validating' (poll `status`) until its report is ready. */
  validate: (body: ImportRequest) => api.post<ImportState & { id: string }>(base, body),
  validation: (id: string) => api.get<ValidationReport>(`${base}/${enc(id)}/validation`),
  start: (id: string) => api.post<ImportState | undefined>(`${base}/${enc(id)}/start`),
  status: (id: string, signal?: AbortSignal) => api.get<ImportState>(`${base}/${enc(id)}`, signal ? { signal } : {}),
  undo: (id: string) => api.post<ImportState | undefined>(`${base}/${enc(id)}/undo`),
  rejectedUrl: (id: string) => `${base}/${enc(id)}/rejected`,
  /** Past imports, newest first (accepts `{items}` or a bare array). */
  history: async (signal?: AbortSignal): Promise<ImportState[]> => {
    const r = await api.get<{ items: ImportState[] } | ImportState[]>(base, signal ? { signal } : {});
    return Array.isArray(r) ? r : (r?.items ?? []);
  },
};

export const customerImportEndpoints: ImportEndpoints<ImportState> = {
  keys: importKeys,
  preview: importApi.preview,
  status: importApi.status,
  undo: importApi.undo,
  rejectedUrl: importApi.rejectedUrl,
  history: importApi.history,
  accept: {
    extensions: ['.csv', '.xlsx', '.vcf'],
    attribute: '.csv,.xlsx,.vcf,text/csv,text/vcard,text/x-vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  listKey: ['table', 'customers'],
  permission: 'customers.import',
  path: '/customers/import',
};
