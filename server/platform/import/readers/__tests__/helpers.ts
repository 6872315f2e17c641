// Small helpers shared by the reader tests.
import { expect } from 'vitest';
import { ImportFileError, type ImportFileErrorCode } from '../errors.js';
import type { ImportRow } from '../types.js';

export async function collect<T = ImportRow>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A row as { header: value } for readable assertions. */
export function record(headers: readonly string[], row: ImportRow | undefined): Record<string, string> {
  expect(row).toBeDefined();
  return Object.fromEntries(headers.map((h, i) => [h, row?.values[i] ?? '']));
}

/** Runs `fn` (sync or async) and returns the ImportFileError it must throw. */
export async function importError(fn: () => unknown, code: ImportFileErrorCode): Promise<ImportFileError> {
  let caught: unknown;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ImportFileError);
  const err = caught as ImportFileError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(/[\u0600-\u06FF]/); // the user reads it: Persian
  return err;
}
