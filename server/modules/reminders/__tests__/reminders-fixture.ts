import { eq } from 'drizzle-orm';
import { bearer, createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { eventHubFor, type CrmEvent } from '../../../platform/events/index.js';
import { startScheduler } from '../../../platform/jobs/index.js';
import { notifications } from '../../notifications/notifications.table.js';
import { reminders } from '../reminders.table.js';

export type Fixture = Awaited<ReturnType<typeof remindersFixture>>;
type Json = Record<string, unknown>;

/** A company whose clock the test controls, a scheduler that runs only when asked, and API helpers. */
export async function remindersFixture() {
  const t: TestApp = await createTestApp();
  // 10:30 in Tehran on Monday 20 Esfand 1403.
  t.clock.now = new Date('2025-03-10T07:00:00Z');
  const h = bearer(t.adminToken);
  const api = (method: string, url: string, payload?: unknown, headers: Record<string, string> = h) =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (method: string, url: string, payload?: unknown, headers?: Record<string, string>) => {
    const res = await api(method, url, payload, headers);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  const scheduler = await startScheduler({ database: t.app.database, workerId: 'test', now: () => t.clock.now, autoRun: false, batchSize: 50, onError: () => undefined });
  /** Runs every due job once, as the background loop would on its next pass. */
  const tick = async () => { while ((await scheduler.runDueOnce()) > 0) { /* drain */ } };
  const user = (name: string, grants: { permission: string; scope: string }[] = [], extra: Json = {}) => userWithGrants(t, name, grants, extra);
  const row = async (id: string) => (await t.app.db.select().from(reminders).where(eq(reminders.id, id)))[0]!;
  const notificationsOf = (userId: string) => t.app.db.select().from(notifications).where(eq(notifications.userId, userId));
  /** Live events one user's browser would receive. */
  const listen = (userId: string) => {
    const events: CrmEvent[] = [];
    const stop = eventHubFor(t.app.database).subscribe({ tenantId: t.tenantId, userId, send: (e) => events.push(e) });
    return { events, stop };
  };
  const minutes = (n: number) => t.clock.advance(n * 60_000);
  return { t, h, api, ok, tick, user, row, notificationsOf, listen, minutes, close: async () => { await scheduler.stop(); await t.close(); } };
}
