import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test-support/test-database.js';
import { inSystem, inTenant } from '../../db/transactions.js';
import { enqueueJob, jobs, registerJobHandler, startScheduler, type Job, type Scheduler } from '../index.js';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
let t = new Date('2030-01-01T00:00:00Z');
const now = () => t;
const advance = (ms: number) => { t = new Date(t.getTime() + ms); };
const cleanups: (() => unknown)[] = [];
const quiet = () => undefined;

beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.drop(); });
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

const jobRow = async (id: number) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
const scheduler = async (extra: Partial<Parameters<typeof startScheduler>[0]> = {}): Promise<Scheduler> => {
  const s = await startScheduler({ database, workerId: 'w1', now, pollMs: 60_000, autoRun: false, onError: quiet, ...extra });
  cleanups.push(() => s.stop());
  return s;
};
const handle = (kind: string, fn: (job: Job) => Promise<void>) => cleanups.push(registerJobHandler(kind, fn));

describe('scheduler', () => {
  it('runs a job at its time and not before', async () => {
    const ran: Date[] = [];
    handle('at-time', async () => { ran.push(now()); });
    const s = await scheduler();
    const job = await inSystem(database.db, (tx) => enqueueJob(tx, { kind: 'at-time', runAt: new Date(t.getTime() + 60_000) }));
    expect(await s.runDueOnce()).toBe(0);
    advance(59_999);
    expect(await s.runDueOnce()).toBe(0);
    expect(ran).toHaveLength(0);
    advance(1);
    expect(await s.runDueOnce()).toBe(1);
    expect(ran).toEqual([t]);
    const row = await jobRow(job!.id);
    expect(row).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, finishedAt: t });
    expect(await s.runDueOnce()).toBe(0);
  });

  it('exists only if the enqueuing transaction commits, and a dedupe key enqueues once', async () => {
    await expect(
      inSystem(database.db, async (tx) => { await enqueueJob(tx, { kind: 'outbox', dedupeKey: 'rolled-back' }); throw new Error('business rule failed'); }),
    ).rejects.toThrow('business rule failed');
    const first = await inSystem(database.db, (tx) => enqueueJob(tx, { kind: 'outbox', dedupeKey: 'k1', payload: { n: 1 } }));
    const second = await inSystem(database.db, (tx) => enqueueJob(tx, { kind: 'outbox', dedupeKey: 'k1', payload: { n: 2 } }));
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const rows = await database.db.select().from(jobs).where(eq(jobs.kind, 'outbox'));
    expect(rows.map((r) => [r.dedupeKey, r.payload])).toEqual([['k1', { n: 1 }]]);
  });

  it('takes the tenant of an inTenant transaction (as app_user) when none is given', async () => {
    const tenantId = '7d2c1d8e-1f0a-4b7e-9a35-2d4c7b1e6f00';
    const job = await inTenant(database.db, { tenantId }, (tx) => enqueueJob(tx, { kind: 'tenant-job' }));
    expect((await jobRow(job!.id)).tenantId).toBe(tenantId);
  });

  it('retries a failing job with growing delays, then succeeds', async () => {
    let calls = 0;
    const seen: number[] = [];
    handle('flaky', async (job) => { calls++; seen.push(job.attempts); if (calls <= 2) throw new Error(`try ${calls} failed`); });
    const s = await scheduler();
    const job = await inSystem(database.db, (tx) => enqueueJob(tx, { kind: 'flaky', runAt: t }));

    expect(await s.runDueOnce()).toBe(1);
    let row = await jobRow(job!.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, lastError: 'try 1 failed', lockedBy: null });
    const d1 = row.runAt.getTime() - t.getTime();
    expect(d1).toBeGreaterThanOrEqual(1000);
    expect(d1).toBeLessThanOrEqual(2000);

    advance(d1 - 1);
    expect(await s.runDueOnce()).toBe(0);
    advance(1);
    expect(await s.runDueOnce()).toBe(1);
    row = await jobRow(job!.id);
    const d2 = row.runAt.getTime() - t.getTime();
    expect(d2).toBeGreaterThanOrEqual(2000);
    expect(d2).toBeLessThanOrEqual(4000);

    advance(d2);
    expect(await s.runDueOnce()).toBe(1);
    expect(await jobRow(job!.id)).toMatchObject({ status: 'done', attempts: 3 });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('marks a job failed with its last error after max attempts', async () => {
    let calls = 0;
    handle('doomed', async () => { calls++; throw new Error(`SMS gateway down (${calls})`); });
    const s = await scheduler();
    const job = await inSystem(database.db, (tx) => enqueueJob(tx, { kind: 'doomed', runAt: t, maxAttempts: 3 }));
    for (let i = 0; i < 5; i++) {
      await s.runDueOnce();
      advance(3_600_000);
    }
    expect(calls).toBe(3);
    expect(await jobRow(job!.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'SMS gateway down (3)' });
  });

  it('takes again a running job whose worker died (lease expired), and fails it after its last attempt', async () => {
    const ran: number[] = [];
    handle('orphan', async (job) => { ran.push(job.id); });
    const s = await scheduler({ workerId: 'w2' });
    const [a, b] = await inSystem(database.db, async (tx) => [
      await enqueueJob(tx, { kind: 'orphan', runAt: t }),
      await enqueueJob(tx, { kind: 'orphan', runAt: t, maxAttempts: 2 }),
    ]);
    // As a crashed worker leaves them: claimed, lease running out in one minute.
    await database.db.execute(sql`update jobs set status = 'running', locked_by = 'dead', locked_until = ${new Date(t.getTime() + 60_000).toISOString()}::timestamptz,
      attempts = case when id = ${b!.id} then 2 else 1 end where id in (${a!.id}, ${b!.id})`);
    expect(await s.runDueOnce()).toBe(0);
    advance(60_001);
    expect(await s.runDueOnce()).toBe(2);
    expect(ran).toEqual([a!.id]);
    expect(await jobRow(a!.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await jobRow(b!.id)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('starts at once on a NOTIFY wake-up instead of waiting for the next poll', async () => {
    let resolveRan!: (at: number) => void;
    const ran = new Promise<number>((r) => { resolveRan = r; });
    handle('wake', async () => { resolveRan(Date.now()); });
    await scheduler({ autoRun: true, now: () => new Date(), pollMs: 60_000 });
    await new Promise((r) => setTimeout(r, 100)); // the first (empty) pass is done and the loop sleeps
    const start = Date.now();
    await inSystem(database.db, (tx) => enqueueJob(tx, { kind: 'wake' }));
    const at = await Promise.race([ran, new Promise<number>((_, rej) => setTimeout(() => rej(new Error('not woken')), 5000))]);
    expect(at - start).toBeLessThan(2000);
  });

  it('stop() waits for the handlers that are running', async () => {
    let finished = false;
    handle('slow', async () => { await new Promise((r) => setTimeout(r, 300)); finished = true; });
    const s = await startScheduler({ database, workerId: 'w3', now, autoRun: false, onError: quiet });
    const job = await inSystem(database.db, (tx) => enqueueJob(tx, { kind: 'slow', runAt: t }));
    const pass = s.runDueOnce();
    await new Promise((r) => setTimeout(r, 50));
    await s.stop();
    expect(finished).toBe(true);
    expect(await pass).toBe(1);
    expect((await jobRow(job!.id)).status).toBe('done');
    expect(await s.runDueOnce()).toBe(0);
  });

  it('leaves jobs of kinds this process has no handler for', async () => {
    const s = await scheduler();
    const job = await inSystem(database.db, (tx) => enqueueJob(tx, { kind: 'from-a-newer-server', runAt: t }));
    expect(await s.runDueOnce()).toBe(0);
    expect((await jobRow(job!.id)).status).toBe('queued');
  });
});
