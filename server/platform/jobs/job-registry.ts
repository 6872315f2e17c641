import type { Database } from '../db/open-database.js';
import type { Db } from '../db/types.js';

/** What a handler sees of its job row. */
export type Job<P = unknown> = {
  id: number;
  kind: string;
  tenantId: string | null;
  payload: P;
  runAt: Date;
  /** 1 on the first run; counts the run in progress. */
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
};

export type JobHelpers = {
  database: Database;
  db: Db;
  now: () => Date;
  workerId: string;
};

/**
 * A handler may run more than once for one job (a worker that dies mid-run, a lost lease), so it
 * must be idempotent. Throwing schedules a retry; returning marks the job done.
 */
export type JobHandler<P = unknown> = (job: Job<P>, helpers: JobHelpers) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler of one job kind; returns a function that removes it (tests). */
export function registerJobHandler<P = unknown>(kind: string, handler: JobHandler<P>): () => void {
  if (handlers.has(kind)) throw new Error(`A handler for job kind "${kind}" is already registered`);
  handlers.set(kind, handler as JobHandler);
  return () => {
    if (handlers.get(kind) === handler) handlers.delete(kind);
  };
}

export const handlerFor = (kind: string): JobHandler | undefined => handlers.get(kind);

/** Kinds this process can run; a scheduler claims only these, so an older server in a rolling deploy leaves newer kinds alone. */
export const registeredKinds = (): string[] => [...handlers.keys()];
