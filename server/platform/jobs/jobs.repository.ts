import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types.js';
import { jobs } from './jobs.table.js';

export type JobRow = typeof jobs.$inferSelect;

const MAX_ERROR_CHARS = 4000;

/**
 * Takes up to `limit` due jobs for this worker in one statement. SKIP LOCKED lets several servers
 * claim at once without waiting on or taking each other's rows; a 'running' row whose lease ran out
 * belongs to a worker that died and is taken again. `now` is the scheduler's clock, never SQL now().
 */
export async function claimDueJobs(
  db: Db,
  opts: { workerId: string; now: Date; leaseMs: number; limit: number; kinds: string[] },
): Promise<JobRow[]> {
  if (opts.kinds.length === 0 || opts.limit <= 0) return [];
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, opts.kinds),
        or(and(eq(jobs.status, 'queued'), lte(jobs.runAt, opts.now)), and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, opts.now))),
      ),
    )
    .orderBy(jobs.runAt)
    .limit(opts.limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedBy: opts.workerId,
      lockedUntil: new Date(opts.now.getTime() + opts.leaseMs),
    })
    .where(inArray(jobs.id, due))
    .returning();
}

/** Only the claim that is still ours: a lost lease means another worker owns the row now. */
const stillOurs = (job: JobRow) =>
  and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, job.lockedBy ?? ''), eq(jobs.attempts, job.attempts));

export async function markDone(db: Db, job: JobRow, at: Date): Promise<void> {
  await db.update(jobs).set({ status: 'done', finishedAt: at, lockedBy: null, lockedUntil: null }).where(stillOurs(job));
}

export async function markRetry(db: Db, job: JobRow, error: string, runAt: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'queued', runAt, lastError: error.slice(0, MAX_ERROR_CHARS), lockedBy: null, lockedUntil: null })
    .where(stillOurs(job));
}

export async function markFailed(db: Db, job: JobRow, error: string, at: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'failed', finishedAt: at, lastError: error.slice(0, MAX_ERROR_CHARS), lockedBy: null, lockedUntil: null })
    .where(stillOurs(job));
}

/** Keeps a long handler's claim alive so no other worker takes the job meanwhile. */
export async function extendLease(db: Db, job: JobRow, until: Date): Promise<void> {
  await db.update(jobs).set({ lockedUntil: until }).where(stillOurs(job));
}
