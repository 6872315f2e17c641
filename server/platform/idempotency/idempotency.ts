import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/types.js';
import { AppError } from '../http/app-error.js';
import { idempotencyKeys } from './idempotency.table.js';

export type IdempotentResult<T> = { status: number; body: T; replayed: boolean };

/** JSON with sorted keys, so the same body in another key order hashes the same. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export const requestHash = (request: unknown) => createHash('sha256').update(stableJson(request)).digest('hex');

/**
 * Runs a command at most once per `Idempotency-Key`, inside the caller's transaction:
 * - the key row is inserted first; a concurrent request with the same key waits on it and then replays;
 * - same key + same request → the stored status and body (JSON, as first sent);
 * - same key + another request → 409;
 * - if the command fails, the transaction rolls the key back too, so the client may retry with it.
 * Without a key the command simply runs.
 */
export async function idempotent<T>(
  tx: Tx,
  opts: { tenantId: string; scope: string; key: string | undefined; request: unknown; status: number },
  run: () => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (!opts.key) return { status: opts.status, body: await run(), replayed: false };
  const hash = requestHash(opts.request);
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ tenantId: opts.tenantId, scope: opts.scope, key: opts.key, requestHash: hash, status: 0 })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!inserted.length) {
    const [row] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tenantId, opts.tenantId), eq(idempotencyKeys.scope, opts.scope), eq(idempotencyKeys.key, opts.key)));
    if (!row || row.requestHash !== hash) {
      throw new AppError('conflict', {
        detail: 'این کلید تکرار (Idempotency-Key) پیش‌تر برای درخواست دیگری به کار رفته است؛ برای درخواست تازه کلید تازه بفرستید.',
        errors: [{ path: 'idempotency-key', message: 'کلید تکرار با درخواست دیگری استفاده شده است' }],
      });
    }
    return { status: row.status, body: row.response as T, replayed: true };
  }
  const body = await run();
  // Stored as the client saw it (JSON), so a replay is byte-for-byte the same answer.
  const json = JSON.parse(stableJson(body)) as T;
  await tx
    .update(idempotencyKeys)
    .set({ status: opts.status, response: sql`${JSON.stringify(json)}::jsonb` })
    .where(and(eq(idempotencyKeys.tenantId, opts.tenantId), eq(idempotencyKeys.scope, opts.scope), eq(idempotencyKeys.key, opts.key)));
  return { status: opts.status, body: json, replayed: false };
}
