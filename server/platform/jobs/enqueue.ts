import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';
import { jobs } from './jobs.table.js';

export const JOBS_WAKEUP_CHANNEL = 'jobs_wakeup';

export type EnqueueInput = {
  kind: string;
  payload?: unknown;
  /** When to run; default: now by the database clock. */
  runAt?: Date;
  /** Default: the tenant of the surrounding `inTenant` transaction, if any. */
  tenantId?: string | null;
  /** Global, not per tenant: include the tenant id in the key when it matters. Kept after the job finishes. */
  dedupeKey?: string;
  maxAttempts?: number;
};

const txTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Adds a job inside the caller's transaction (outbox): it exists only if the business change commits.
 * Returns the job id, or null when a job with the same dedupe key already exists.
 */
export async function enqueueJob(tx: Executor, input: EnqueueInput): Promise<{ id: number } | null> {
  const rows = await tx
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload ?? {},
      tenantId: input.tenantId === undefined ? txTenant : input.tenantId,
      ...(input.runAt ? { runAt: input.runAt } : {}),
      dedupeKey: input.dedupeKey ?? null,
      ...(input.maxAttempts ? { maxAttempts: input.maxAttempts } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  // Delivered on commit only; PostgreSQL folds repeats within one transaction into one message. Only a job due
  // now needs the wake-up: one due later is found by the scheduler's polling, and a NOTIFY serialises commits.
  const dueNow = !input.runAt || input.runAt.getTime() <= Date.now();
  if (rows[0] && dueNow) await tx.execute(sql`select pg_notify(${JOBS_WAKEUP_CHANNEL}, '')`);
  return rows[0] ?? null;
}

/** Several jobs in one insert (grouped commands); only jobs due now wake the scheduler. Returns how many were new. */
export async function enqueueJobs(tx: Executor, inputs: EnqueueInput[]): Promise<number> {
  if (!inputs.length) return 0;
  const rows = await tx
    .insert(jobs)
    .values(inputs.map((input) => ({
      kind: input.kind,
      payload: input.payload ?? {},
      tenantId: input.tenantId === undefined ? txTenant : input.tenantId,
      ...(input.runAt ? { runAt: input.runAt } : {}),
      dedupeKey: input.dedupeKey ?? null,
      ...(input.maxAttempts ? { maxAttempts: input.maxAttempts } : {}),
    })))
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (rows.length && inputs.some((i) => !i.runAt || i.runAt.getTime() <= Date.now())) await tx.execute(sql`select pg_notify(${JOBS_WAKEUP_CHANNEL}, '')`);
  return rows.length;
}
