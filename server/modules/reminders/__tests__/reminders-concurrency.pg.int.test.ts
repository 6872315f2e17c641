// Two server processes (two connection pools) sweep the same busy minute at once: FOR UPDATE SKIP LOCKED
// splits the reminders between them and each is delivered exactly once. Only with TEST_DATABASE_URL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { openSecondConnection } from '../../../test-support/test-database.js';
import type { Database } from '../../../platform/db/open-database.js';
import { notifications } from '../../notifications/notifications.table.js';
import { deliverDueReminders } from '../index.js';
import { reminders } from '../reminders.table.js';

let t: TestApp;
let second: Database;
beforeAll(async () => { t = await createTestApp(); second = await openSecondConnection(t.app.database); });
afterAll(async () => { await second?.close(); await t?.close(); });

it('3,000 reminders due together, swept by two workers at once: every one notified exactly once', async () => {
  const now = new Date();
  const due = new Date(now.getTime() - 1000);
  const rows = Array.from({ length: 3000 }, (_, i) => ({ tenantId: t.tenantId, recipientId: t.adminId, createdBy: t.adminId, dueAt: due, text: `هم‌زمان ${i}`, createdAt: now, updatedAt: now }));
  for (let i = 0; i < rows.length; i += 1000) await t.app.db.insert(reminders).values(rows.slice(i, i + 1000));

  // A worker that meets the other's locked rows fails its run (to be retried); run until both are satisfied.
  const sweep = async (db: Database) => {
    for (let i = 0; i < 20; i++) {
      try { return await deliverDueReminders(db.db, t.tenantId, () => new Date()); } catch { await new Promise((r) => setTimeout(r, 50)); }
    }
    throw new Error('never finished');
  };
  await Promise.all([sweep(t.app.database), sweep(second)]);
  const [pending] = await t.app.db.select({ n: count() }).from(reminders).where(eq(reminders.status, 'pending'));
  expect(Number(pending!.n)).toBe(0);
  const [notified] = await t.app.db.select({ n: count() }).from(notifications).where(like(notifications.title, 'یادآور: هم‌زمان %'));
  expect(Number(notified!.n)).toBe(3000);
});
