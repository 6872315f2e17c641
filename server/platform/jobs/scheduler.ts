import type { Database } from '../db/open-database.js';
import { retryDelayMs } from './backoff.js';
import { JOBS_WAKEUP_CHANNEL } from './enqueue.js';
import { handlerFor, registeredKinds, type Job, type JobHelpers } from './job-registry.js';
import { claimDueJobs, extendLease, markDone, markFailed, markRetry, type JobRow } from './jobs.repository.js';

export type SchedulerOptions = {
  database: Database;
  /** Shown in jobs.locked_by; make it unique per process (host + pid). */
  workerId: string;
  now?: () => Date;
  /** How often to look for due jobs when no wake-up arrives. */
  pollMs?: number;
  /** Jobs claimed and run together in one pass. */
  batchSize?: number;
  /** How long a claim lasts before another worker may take the job; renewed while the handler runs. */
  leaseMs?: number;
  /** false: no background loop and no LISTEN; only `runDueOnce()` runs jobs (tests). */
  autoRun?: boolean;
  onError?: (err: unknown, job?: Job) => void;
  random?: () => number;
};

export type Scheduler = {
  /** Stops claiming and waits for the handlers that are running. */
  stop(): Promise<void>;
  /** Claims and runs one batch of due jobs; resolves with how many were claimed. */
  runDueOnce(): Promise<number>;
};

const toJob = (r: JobRow): Job => ({
  id: r.id, kind: r.kind, tenantId: r.tenantId, payload: r.payload, runAt: r.runAt,
  attempts: r.attempts, maxAttempts: r.maxAttempts, createdAt: r.createdAt,
});

const messageOf = (err: unknown) => (err instanceof Error ? err.message || err.name : String(err));

export async function startScheduler(opts: SchedulerOptions): Promise<Scheduler> {
  const { database, workerId } = opts;
  const db = database.db;
  const now = opts.now ?? (() => new Date());
  const pollMs = opts.pollMs ?? 5000;
  const batchSize = opts.batchSize ?? 10;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const onError = opts.onError ?? ((err, job) => console.error(`[jobs] ${job ? `job ${job.id} (${job.kind})` : 'scheduler'}:`, err));
  const helpers: JobHelpers = { database, db, now, workerId };

  async function runOne(row: JobRow): Promise<void> {
    // The worker of the final attempt died: do not exceed max_attempts.
    if (row.attempts > row.maxAttempts) {
      return markFailed(db, row, 'The worker stopped during the last attempt (lease expired)', now());
    }
    const handler = handlerFor(row.kind);
    const renew = setInterval(() => {
      extendLease(db, row, new Date(now().getTime() + leaseMs)).catch((err) => onError(err, toJob(row)));
    }, Math.max(1000, leaseMs / 3));
    renew.unref();
    let failure: { err: unknown } | null = null;
    try {
      if (!handler) throw new Error(`No handler for job kind "${row.kind}"`);
      await handler(toJob(row), helpers);
    } catch (err) {
      failure = { err };
    } finally {
      clearInterval(renew);
    }
    // Outside the try: a database error while recording success must not count as a failed attempt.
    if (!failure) return markDone(db, row, now());
    onError(failure.err, toJob(row));
    const at = now();
    const message = messageOf(failure.err);
    if (row.attempts >= row.maxAttempts) await markFailed(db, row, message, at);
    else await markRetry(db, row, message, new Date(at.getTime() + retryDelayMs(row.attempts, opts.random)));
  }

  let stopped = false;
  async function pass(): Promise<number> {
    if (stopped) return 0;
    const rows = await claimDueJobs(db, { workerId, now: now(), leaseMs, limit: batchSize, kinds: registeredKinds() });
    // A failure to record an outcome leaves the job 'running' until its lease ends; then it is retried.
    await Promise.all(rows.map((r) => runOne(r).catch((err) => onError(err, toJob(r)))));
    return rows.length;
  }

  // One pass at a time per scheduler, whether started by the loop, a wake-up or a test.
  let tail: Promise<unknown> = Promise.resolve();
  const runDueOnce = (): Promise<number> => {
    const p = tail.then(pass);
    tail = p.catch(() => undefined);
    return p;
  };

  if (opts.autoRun === false) {
    return { runDueOnce, stop: async () => { stopped = true; await tail; } };
  }

  let woken = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => { clearTimeout(timer); wake = null; resolve(); };
      const timer = setTimeout(done, ms);
      wake = done;
    });
  const unlisten = await database.listen(JOBS_WAKEUP_CHANNEL, () => { woken = true; wake?.(); });

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let claimed = 0;
      try {
        claimed = await runDueOnce();
      } catch (err) {
        onError(err);
      }
      // A full batch means more may be due; a wake-up during the pass means new work arrived.
      if (stopped || claimed >= batchSize || woken) continue;
      await sleep(pollMs);
    }
  })();

  return {
    runDueOnce,
    stop: async () => {
      stopped = true;
      wake?.();
      await unlisten().catch(() => undefined);
      await loop;
      await tail;
    },
  };
}
