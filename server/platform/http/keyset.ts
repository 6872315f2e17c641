import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from './app-error.js';

/** An opaque cursor: the sort value and id of the last row of the page. */
export const encodeCursor = (value: unknown, id: string) =>
  Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString('base64url');

export function decodeCursor(cursor: string): [string | number | null, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string') return v as [string | number | null, string];
  } catch {
    /* fall through */
  }
  throw new AppError('validation', { errors: [{ path: 'cursor', message: 'نشانگر صفحه معتبر نیست' }] });
}

/** Rows after the cursor in (sort, id) order — one index range scan however deep the page. */
export function afterCursor(sortExpr: SQL | AnyPgColumn, idCol: AnyPgColumn, desc: boolean, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [value, id] = decodeCursor(cursor);
  return desc ? sql`(${sortExpr}, ${idCol}) < (${value}, ${id})` : sql`(${sortExpr}, ${idCol}) > (${value}, ${id})`;
}
