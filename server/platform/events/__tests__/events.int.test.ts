import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openSecondConnection, testEngine } from '../../../test-support/test-database.js';
import { provisionTenant } from '../../../modules/tenants/index.js';
import { seedUser } from '../../../modules/notifications/__tests__/seed-user.js';
import type { Database } from '../../db/open-database.js';
import { sseConnectionCount } from '../index.js';
import { openSse, waitForValue } from './sse-client.js';
import { postJson, startServer } from './test-server.js';

type User = { id: string; token: string };
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: Awaited<ReturnType<typeof startServer>>;
let admin: User, sara: User, outsider: User;
let tenantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const t1 = await provisionTenant(database.db, { slug: 'acme', name: 'آکمه', admin: { username: 'admin', password: 'Admin-pass-123', firstName: 'م', lastName: 'آ' } });
  const t2 = await provisionTenant(database.db, { slug: 'other', name: 'دیگر', admin: { username: 'admin', password: 'Admin-pass-123', firstName: 'م', lastName: 'د' } });
  tenantId = t1.tenantId;
  admin = await seedUser(database.db, tenantId, 'ali');
  sara = await seedUser(database.db, tenantId, 'sara');
  outsider = await seedUser(database.db, t2.tenantId, 'ali');
  a = await startServer(database, { notifyRoute: true });
});
afterAll(async () => {
  await a?.app.close();
  await database?.drop();
});

const notifyVia = (baseUrl: string, as: User, to: User, title: string, failAfter = false) =>
  postJson(baseUrl, '/api/test/notify', as.token, { userId: to.id, title, failAfter });

describe(`live events on ${testEngine()} within one server`, () => {
  it('streams a committed notification to its user only, never a rolled-back one', async () => {
    const mine = openSse(a.baseUrl, admin.token);
    const saras = openSse(a.baseUrl, sara.token);
    const outsiders = openSse(a.baseUrl, outsider.token);
    try {
      const { status, headers } = await mine.ready;
      expect(status).toBe(200);
      expect(headers['content-type']).toMatch(/^text\/event-stream/);
      expect(headers['cache-control']).toBe('no-cache');
      expect(headers['x-accel-buffering']).toBe('no');
      await Promise.all([saras.ready, outsiders.ready]);
      expect(sseConnectionCount(database, { userId: admin.id })).toBe(1);
      expect(sseConnectionCount(database, { tenantId })).toBe(2);

      const failed = await notifyVia(a.baseUrl, sara, admin, 'rolled back', true);
      expect(failed.status).toBe(409);
      const ok = await notifyVia(a.baseUrl, sara, admin, 'پیش‌فاکتور تایید شد');
      expect(ok.status).toBe(200);

      const got = await mine.waitFor((m) => m.event === 'notification');
      expect(got.data).toMatchObject({ id: ok.json.id, title: 'پیش‌فاکتور تایید شد', kind: 'info', link: '/x' });
      // Events arrive in commit order, so by now a leaked rolled-back one would have shown up.
      expect(mine.messages.filter((m) => m.event === 'notification')).toHaveLength(1);

      await notifyVia(a.baseUrl, admin, sara, 'for sara');
      await saras.waitFor((m) => (m.data as { title?: string }).title === 'for sara');
      expect(saras.messages.map((m) => (m.data as { title: string }).title)).toEqual(['for sara']);
      expect(mine.messages.some((m) => (m.data as { title?: string }).title === 'for sara')).toBe(false);
      expect(outsiders.messages).toEqual([]);

      const read = await postJson(a.baseUrl, `/api/notifications/${ok.json.id}/read`, admin.token, {});
      expect(read.status).toBe(200);
      const readEvent = await mine.waitFor((m) => m.event === 'notifications.read');
      expect(readEvent.data).toEqual({ id: ok.json.id, unreadCount: 0 });
    } finally {
      for (const c of [mine, saras, outsiders]) c.close();
    }
    await waitForValue(() => sseConnectionCount(database, { tenantId }), 0);
  });

  it('answers 401 problem+json without a login', async () => {
    const anon = openSse(a.baseUrl);
    const { status, headers } = await anon.ready;
    expect(status).toBe(401);
    expect(headers['content-type']).toMatch(/application\/problem\+json/);
    anon.close();
  });

  it('closing the server ends the open streams instead of hanging', async () => {
    const c = await startServer(database);
    const client = openSse(c.baseUrl, admin.token);
    await client.ready;
    const closed = c.app.close().then(() => 'closed');
    expect(await Promise.race([closed, new Promise((r) => setTimeout(() => r('hung'), 5000))])).toBe('closed');
    await client.waitForEnd();
    await waitForValue(() => sseConnectionCount(database, { userId: admin.id }), 0);
  });
});
