// A reminder set before the server restarts is delivered after it, at its time: the delivery job lives in
// the database, and the next process's scheduler runs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../platform/config.js';
import { startScheduler } from '../../../platform/jobs/index.js';
import { restartableDatabase } from '../../../platform/jobs/__tests__/job-test-db.js';
import { bearer, login } from '../../../test-support/test-app.js';
import { seedGeo } from '../../geo/index.js';
import { notifications } from '../../notifications/notifications.table.js';
import { provisionTenant } from '../../tenants/index.js';
import { reminders } from '../reminders.table.js';

const dataDir = mkdtempSync(join(tmpdir(), 'crm-reminders-restart-'));
let store: Awaited<ReturnType<typeof restartableDatabase>> | undefined;
let app: FastifyInstance | undefined;
afterAll(async () => { await app?.close(); await store?.dispose(); rmSync(dataDir, { recursive: true, force: true }); });

it('a reminder set before a restart is delivered after it, at its time and not before', async () => {
  let clock = new Date('2030-05-01T08:00:00Z');
  const config = { ...loadConfig({}), dataDir };
  store = await restartableDatabase();
  await seedGeo(store.database.db);
  app = await buildApp({ config, database: store.database, now: () => clock });
  const { adminId } = await provisionTenant(store.database.db, { slug: 'restart', name: 'شرکت راه‌اندازی', admin: { username: 'admin', password: 'Admin-pass-123', firstName: 'مدیر', lastName: 'آزمون' } });
  const { token } = await login(app, 'admin', 'Admin-pass-123');
  const res = await app.inject({ method: 'POST', url: '/api/reminders', headers: bearer(token), payload: { text: 'بعد از راه‌اندازی دوباره', dueAt: '2030-05-01T09:00:00Z' } });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;

  // Process 1 runs its scheduler before the time: nothing happens; then it stops.
  const before = await startScheduler({ database: store.database, workerId: 'process-1', now: () => clock, autoRun: false, onError: () => undefined });
  await before.runDueOnce();
  await before.stop();
  await app.close();

  // Process 2 starts on the same data directory / database; time passes the reminder's moment.
  const database = await store.restart();
  app = await buildApp({ config, database, now: () => clock });
  const after = await startScheduler({ database, workerId: 'process-2', now: () => clock, autoRun: false, onError: () => undefined });
  try {
    clock = new Date('2030-05-01T08:59:59Z');
    expect(await after.runDueOnce()).toBe(0);
    expect((await database.db.select().from(reminders).where(eq(reminders.id, id)))[0]!.status).toBe('pending');
    clock = new Date('2030-05-01T09:00:00Z');
    expect(await after.runDueOnce()).toBe(1);
  } finally {
    await after.stop();
  }
  const [row] = await database.db.select().from(reminders).where(eq(reminders.id, id));
  expect(row).toMatchObject({ status: 'delivered', deliveredAt: new Date('2030-05-01T09:00:00Z') });
  const popped = await database.db.select().from(notifications).where(eq(notifications.userId, adminId));
  expect(popped.map((n) => [n.kind, n.title])).toEqual([['reminder', 'یادآور: بعد از راه‌اندازی دوباره']]);
});
