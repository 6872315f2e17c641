// Nothing is lost when the server restarts: a message queued while the gateway was down is still there
// after the process (and its database connection) goes away, and the next process sends it — with the
// key file in the data directory opening the stored API key again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { smsSettingsBody } from '../../../../common/contracts/sms.contract.js';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../platform/config.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { startScheduler } from '../../../platform/jobs/index.js';
import { restartableDatabase } from '../../../platform/jobs/__tests__/job-test-db.js';
import { seedGeo } from '../../geo/index.js';
import { provisionTenant } from '../../tenants/index.js';
import { queueSms } from '../index.js';
import { saveSmsSettings } from '../sms-settings.service.js';
import { smsMessages } from '../sms.table.js';
import { API_KEY } from './sms-fixture.js';
import { startFakeKavenegar } from './fake-kavenegar.js';
import { systemCtx } from './system-ctx.js';

const dataDir = mkdtempSync(join(tmpdir(), 'crm-sms-restart-'));
let store: Awaited<ReturnType<typeof restartableDatabase>> | undefined;
let app: FastifyInstance | undefined;
afterAll(async () => { await app?.close(); await store?.dispose(); rmSync(dataDir, { recursive: true, force: true }); });

it('a message queued before a restart is sent after it', async () => {
  const fake = await startFakeKavenegar({ apiKey: API_KEY });
  let clock = new Date('2030-05-01T08:00:00Z');
  const config = { ...loadConfig({}), dataDir };
  store = await restartableDatabase();
  await seedGeo(store.database.db);
  app = await buildApp({ config, database: store.database, now: () => clock });
  const { tenantId } = await provisionTenant(store.database.db, { slug: 'restart', name: 'شرکت راه‌اندازی', admin: { username: 'admin', password: 'Admin-pass-123', firstName: 'مدیر', lastName: 'آزمون' } });
  const ctx = systemCtx(store.database.db, tenantId, () => clock);
  const settings = smsSettingsBody.parse({ gateway: 'kavenegar', timeoutSeconds: 1, kavenegar: { apiKey: API_KEY, baseUrl: fake.baseUrl } });
  await inTenant(ctx.db, ctx, (tx) => saveSmsSettings(tx, ctx, settings));

  fake.fail({ kind: 'http500' });
  const queued = await inTenant(ctx.db, ctx, (tx) => queueSms(tx, ctx, { to: '09121234567', text: 'پیش از راه‌اندازی دوباره', reference: 'reminder:7' }));
  const before = await startScheduler({ database: store.database, workerId: 'process-1', now: () => clock, autoRun: false, onError: () => undefined });
  await before.runDueOnce();
  await before.stop();
  const [waiting] = await store.database.db.select().from(smsMessages).where(eq(smsMessages.id, queued.id));
  expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });

  // The process stops; a new one starts on the same data directory and database.
  await app.close();
  const database = await store.restart();
  app = await buildApp({ config, database, now: () => clock });
  fake.recover();
  clock = new Date(waiting!.nextAttemptAt!.getTime());
  const after = await startScheduler({ database, workerId: 'process-2', now: () => clock, autoRun: false, onError: () => undefined });
  try {
    await after.runDueOnce();
  } finally {
    await after.stop();
  }
  const [sent] = await database.db.select().from(smsMessages).where(eq(smsMessages.id, queued.id));
  expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null, reference: 'reminder:7' });
  expect(fake.sends().at(-1)!.apiKey).toBe(API_KEY);
  await fake.close();
});
