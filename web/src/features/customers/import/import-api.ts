import { api } from '../../../app/api-client.js';

export type ImportPolicy = 'skip' | 'overwrite' | 'merge';
export type MatchField = 'nationalId' | 'legalId' | 'economicCode' | 'mobile' | 'email' | 'code';
export const MATCH_FIELDS: MatchField[] = ['nationalId', 'legalId', 'economicCode', 'mobile', 'email', 'code'];
export type ImportStatusName = 'validated' | 'queued' | 'running' | 'done' | 'failed' | 'undone';
/** A customer import is 'validating' while its validation pass runs in the background (products' imports have no such state). */
export type CustomerImportStatus = 'validating' | ImportStatusName;

export type ImportPreview = {
  fileId: string;
  filename: string;
  format: 'csv' | 'xlsx' | 'vcf';
  encoding: string | null;
  headers: string[];
  sampleRows: string[][];
  totalRows: number;
  /** Column index → field key (null: no suggestion). */
  suggestedMapping: Record<string, string | null>;
  fields: { key: string; label: string | { fa: string; en: string } }[];
};

export type RejectedRow = { rowNumber: number; reasons: string[]; values: string[] };

export type ValidationReport = {
  id: string;
  status: 'validated';
  totalRows: number;
  valid: number;
  /** The first rows only (the server sends up to 500); all of them are in the rejected-rows file. */
  rejected: RejectedRow[];
  rejectedCount?: number;
  wouldCreate: number;
  wouldUpdate: number;
  wouldSkip: number;
};

export type ImportState = {
  id?: string;
  filename?: string;
  createdAt?: string;
  status: CustomerImportStatus;
  totalRows: number;
  processedRows: number;
  created: number;
  overwritten: number;
  merged: number;
  skipped: number;
  rejected: number;
  error: string | null;
};

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

export const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx', '.vcf'];
export const ACCEPT_ATTRIBUTE = '.csv,.xlsx,.vcf,text/csv,text/vcard,text/x-vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
