import { sql } from 'drizzle-orm';
import type { Db, Tx } from './types.js';

export type TenantScope = { tenantId: string; userId?: string | null };

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock
const MAX_ATTEMPTS = 5;

const pgCode = (err: unknown): string | undefined => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
};

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = pgCode(err);
      if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

/**
 * Runs `fn` in one transaction as the non-superuser `app_user` with the tenant set, so row-level
 * security applies even to a query that forgets its tenant filter. Retries on deadlock/serialization.
 */
export function inTenant<T>(db: Db, scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withRetry(() =>
    db.transaction(async (tx) => {
      // One round trip: set_config('role', …, true) is what SET LOCAL ROLE does (same GUC, same check of
      // membership, reset at the end of the transaction).
      await tx.execute(
        sql`select set_config('app.tenant_id', ${scope.tenantId}, true), set_config('app.user_id', ${scope.userId ?? ''}, true), set_config('role', 'app_user', true)`,
      );
      return fn(tx);
    }),
  );
}

/**
 * Platform work that is not inside one tenant (login lookup, sessions, jobs, creating tenants).
 * Runs as the connecting role; never use it for business data on behalf of a user.
 */
export function inSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withRetry(() => db.transaction(fn));
}

export { pgCode };
