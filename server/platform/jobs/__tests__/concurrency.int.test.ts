import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, openSecondConnection, testEngine } from '../../../test-support/test-database.js';
import type { Database } from '../../db/open-database.js';
import { inSystem } from '../../db/transactions.js';
import { enqueueJob, jobs, registerJobHandler, startScheduler } from '../index.js';

const JOBS = 200;
let main: Awaited<ReturnType<typeof createTestDatabase>>;
let second: Database;

// On PostgreSQL two pools, as two server processes have; PGlite has one connection, so both share it.
beforeAll(async () => {
  main = await createTestDatabase();
  second = testEngine() === 'postgres' ? await openSecondConnection(main) : main;
});
afterAll(async () => {
  if (second !== main) await second?.close();
  await main?.drop();
});

it(`two schedulers run ${JOBS} jobs, each exactly once`, async () => {
  const runs = new Map<number, string[]>();
  const off = registerJobHandler<{ n: number }>('count', async (job, { workerId }) => {
    runs.set(job.payload.n, [...(runs.get(job.payload.n) ?? []), workerId]);
    await new Promise((r) => setTimeout(r, Math.random() * 5));
  });
  const opts = { pollMs: 50, batchSize: 10, onError: (err: unknown) => { throw err; } };
  const a = await startScheduler({ ...opts, database: main, workerId: 'A' });
  const b = await startScheduler({ ...opts, database: second, workerId: 'B' });
  try {
    await inSystem(main.db, async (tx) => {
      for (let n = 0; n < JOBS; n++) await enqueueJob(tx, { kind: 'count', payload: { n } });
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const done = await main.db.$count(jobs, eq(jobs.status, 'done'));
      if (done === JOBS) break;
      if (Date.now() > deadline) throw new Error(`only ${done} of ${JOBS} done`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    off();
  }
  expect(runs.size).toBe(JOBS);
  expect([...runs.values()].filter((w) => w.length !== 1)).toEqual([]);
  const byWorker = (w: string) => [...runs.values()].filter((x) => x[0] === w).length;
  expect(byWorker('A') + byWorker('B')).toBe(JOBS);
  expect(byWorker('A')).toBeGreaterThan(0);
  expect(byWorker('B')).toBeGreaterThan(0);
  expect(await main.db.$count(jobs, eq(jobs.status, 'running'))).toBe(0);
});
