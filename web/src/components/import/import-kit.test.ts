import { describe, expect, it } from 'vitest';
import { canUndo, type ImportProgress } from './import-kit.js';

const progress = (over: Partial<ImportProgress>): ImportProgress => ({
  status: 'done', totalRows: 10, processedRows: 10, created: 0, overwritten: 0, merged: 0, skipped: 0, rejected: 0, error: null, ...over,
});

describe('canUndo', () => {
  it('offers undo for a finished import, even one that changed nothing', () => {
    expect(canUndo(progress({ status: 'done', created: 3 }))).toBe(true);
    expect(canUndo(progress({ status: 'done', skipped: 10 }))).toBe(true);
  });

  it('offers undo for an import that failed after writing rows, whichever way it wrote them', () => {
    expect(canUndo(progress({ status: 'failed', created: 2 }))).toBe(true);
    expect(canUndo(progress({ status: 'failed', overwritten: 1 }))).toBe(true);
    expect(canUndo(progress({ status: 'failed', merged: 1 }))).toBe(true);
  });

  it('not for a failure before anything was written (a failed validation pass), nor while running or once undone', () => {
    expect(canUndo(progress({ status: 'failed', skipped: 4, rejected: 6 }))).toBe(false);
    expect(canUndo(progress({ status: 'running', created: 5 }))).toBe(false);
    expect(canUndo(progress({ status: 'validated' }))).toBe(false);
    expect(canUndo(progress({ status: 'undone', created: 5 }))).toBe(false);
  });
});
