// What every import wizard (customers, products…) shares: the server's preview and progress shapes, the
// endpoints a module hands to the shared steps, and the texts those steps show. A module keeps its own
// options step and its own extra numbers; the rest of the wizard is these steps.

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

/** 'validating' exists only where the validation pass runs in the background (customers). */
/** What to do with a row that matches an existing record. */
export type ImportPolicy = 'skip' | 'overwrite' | 'merge';

export type ImportStatusName = 'validating' | 'validated' | 'queued' | 'running' | 'done' | 'failed' | 'undone';

/** An import's progress and summary as `GET …/imports/{id}` returns it. */
export type ImportProgress = {
  id?: string;
  filename?: string;
  createdAt?: string;
  status: ImportStatusName;
  totalRows: number;
  processedRows: number;
  created: number;
  overwritten: number;
  merged: number;
  skipped: number;
  rejected: number;
  error: string | null;
};

/** What the validation pass found; nothing is written yet. */
export type ImportReport = {
  totalRows: number;
  valid: number;
  /** The first rows only (the server sends up to 500); all of them are in the rejected-rows file. */
  rejected: RejectedRow[];
  rejectedCount?: number;
  wouldCreate: number;
  wouldUpdate: number;
  wouldSkip: number;
};

/** A module's import endpoints and the facts the shared steps need about it. */
export type ImportEndpoints<S extends ImportProgress> = {
  keys: { history: readonly unknown[]; one: (id: string) => readonly unknown[] };
  preview: (file: File) => Promise<ImportPreview>;
  status: (id: string, signal?: AbortSignal) => Promise<S>;
  undo: (id: string) => Promise<unknown>;
  rejectedUrl: (id: string) => string;
  /** Past imports, newest first. */
  history: (signal?: AbortSignal) => Promise<S[]>;
  accept: { extensions: readonly string[]; attribute: string };
  /** The list an import changes (its table's query key), refreshed when an import ends or is undone. */
  listKey: readonly unknown[];
  permission: string;
  /** The wizard's address; `?id=` opens a past import's summary. */
  path: string;
};

export type ImportWizardTexts = {
  steps: readonly string[];
  dropHere: string;
  accepted: string;
  chooseFile: string;
  reading: string;
  wrongType: string;
  history: string;
  noHistory: string;
  open: string;
  fileName: string;
  importedAt: string;
  fileRows: (rows: string) => string;
  encoding: string;
  format: string;
  mapHint: string;
  ignore: string;
  columnField: (header: string) => string;
  duplicateMapping: (field: string) => string;
  nothingMapped: string;
  sampleRows: (n: string) => string;
  next: string;
  back: string;
  policy: string;
  policySkip: string;
  policySkipHelp: string;
  policyOverwrite: string;
  policyOverwriteHelp: string;
  policyMerge: string;
  policyMergeHelp: string;
  matchFields: string;
  matchHint: string;
  matchRequired: string;
  validate: string;
  validating: string;
  totalRows: string;
  valid: string;
  rejected: string;
  wouldCreate: string;
  wouldUpdate: string;
  wouldSkip: string;
  rowNumber: string;
  reasons: string;
  values: string;
  noRejected: string;
  moreRejected: (n: string) => string;
  backToMapping: string;
  start: string;
  running: string;
  progress: (done: string, total: string) => string;
  done: string;
  failed: string;
  undoneInfo: string;
  rowsRead: string;
  createdCount: string;
  overwritten: string;
  merged: string;
  skipped: string;
  rejectedCount: string;
  downloadRejected: string;
  undo: string;
  undoConfirm: string;
  undone: string;
  another: string;
  status: Record<string, string>;
};

/** An import can be undone once it has written something: when done, or when it failed part-way. */
export function canUndo(s: ImportProgress): boolean {
  return s.status === 'done' || (s.status === 'failed' && s.created + s.overwritten + s.merged > 0);
}
