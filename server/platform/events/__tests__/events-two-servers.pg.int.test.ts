import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openSecondConnection } from '../../../test-support/test-database.js';
import { provisionTenant } from '../../../modules/tenants/index.js';
import { seedUser } from '../../../modules/notifications/__tests__/seed-user.js';
import type { Database } from '../../db/open-database.js';
import { sseConnectionCount } from '../index.js';
import { openSse, waitForValue } from './sse-client.js';
import { postJson, startServer } from './test-server.js';

// Collected only when TEST_DATABASE_URL names a PostgreSQL server (see vitest.config.ts): two server
// processes need two connection pools to one database, which the embedded engine cannot have.
type User = { id: string; token: string };
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: Awaited<ReturnType<typeof startServer>>;
let admin: User, sara: User;

beforeAll(async () => {
  database = await createTestDatabase();
  const t1 = await provisionTenant(database.db, { slug: 'acme', name: 'آکمه', admin: { username: 'admin', password: 'Admin-pass-123', firstName: 'م', lastName: 'آ' } });
  admin = await seedUser(database.db, t1.tenantId, 'ali');
  sara = await seedUser(database.db, t1.tenantId, 'sara');
  a = await startServer(database, { notifyRoute: true });
});
afterAll(async () => {
  await a?.app.close();
  await database?.drop();
});

const notifyVia = (baseUrl: string, as: User, to: User, title: string) =>
  postJson(baseUrl, '/api/test/notify', as.token, { userId: to.id, title, failAfter: false });

describe('live events across two server processes (PostgreSQL)', () => {
  let second: Database;
  let b: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    second = await openSecondConnection(database);
    b = await startServer(second);
  });
  afterAll(async () => {
    await b?.app.close();
    await second?.close();
  });

  it('a notification created through server A reaches an SSE client of server B', async () => {
    const onB = openSse(b.baseUrl, admin.token);
    try {
      await onB.ready;
      expect(sseConnectionCount(second, { userId: admin.id })).toBe(1);
      expect(sseConnectionCount(database, { userId: admin.id })).toBe(0);
      const created = await notifyVia(a.baseUrl, sara, admin, 'از سرور الف');
      expect(created.status).toBe(200);
      const got = await onB.waitFor((m) => m.event === 'notification');
      expect(got.data).toMatchObject({ id: created.json.id, title: 'از سرور الف' });
    } finally {
      onB.close();
    }
    await waitForValue(() => sseConnectionCount(second, { userId: admin.id }), 0);
  });
});
