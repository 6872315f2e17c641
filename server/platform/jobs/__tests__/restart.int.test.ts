import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { inSystem } from '../../db/transactions.js';
import { enqueueJob, jobs, registerJobHandler, startScheduler } from '../index.js';
import { restartableDatabase } from './job-test-db.js';

let store: Awaited<ReturnType<typeof restartableDatabase>>;
beforeAll(async () => { store = await restartableDatabase(); });
afterAll(async () => { await store?.dispose(); });

it('jobs survive a restart: queued ones and one a crashed worker left running', async () => {
  const t0 = new Date('2030-03-01T08:00:00Z');
  let t = t0;
  const ran: string[] = [];
  const off = registerJobHandler<{ name: string }>('reminder', async (job) => { ran.push(job.payload.name); });

  // "Process 1": enqueues two reminders, claims one and dies before finishing it.
  const [, crashed] = await inSystem(store.database.db, async (tx) => [
    await enqueueJob(tx, { kind: 'reminder', payload: { name: 'queued' }, runAt: new Date(t0.getTime() + 10 * 60_000) }),
    await enqueueJob(tx, { kind: 'reminder', payload: { name: 'crashed' }, runAt: t0 }),
  ]);
  await store.database.db.execute(sql`update jobs set status = 'running', attempts = 1, locked_by = 'process-1',
    locked_until = ${new Date(t0.getTime() + 5 * 60_000).toISOString()}::timestamptz where id = ${crashed!.id}`);

  // "Process 2" starts on the same data after the restart.
  const database = await store.restart();
  const s = await startScheduler({ database, workerId: 'process-2', now: () => t, autoRun: false, onError: () => undefined });
  try {
    expect(await s.runDueOnce()).toBe(0); // the dead worker's lease has not run out yet
    t = new Date(t0.getTime() + 10 * 60_000);
    expect(await s.runDueOnce()).toBe(2);
  } finally {
    await s.stop();
    off();
  }
  expect(ran.sort()).toEqual(['crashed', 'queued']);
  const rows = await database.db.select().from(jobs).where(eq(jobs.kind, 'reminder'));
  expect(rows.map((r) => [r.status, r.lockedBy])).toEqual([['done', null], ['done', null]]);
});
