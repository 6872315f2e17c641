// The live progress of an import (its validation pass or its job), for the person who started it: every
// import sends the same shape under its own event type, and the wizard polls or listens for it.
import type { CrmEvent } from '../events/index.js';

type ImportRecord = { id: string; tenantId: string; createdBy: string | null; totalRows: number };

export const importProgressEvent = (type: string, imp: ImportRecord, processedRows: number, status?: string): CrmEvent => ({
  tenantId: imp.tenantId, userId: imp.createdBy, type, data: { id: imp.id, processedRows, totalRows: imp.totalRows, ...(status ? { status } : {}) },
});
