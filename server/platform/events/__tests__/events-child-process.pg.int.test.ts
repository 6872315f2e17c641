import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test-support/test-database.js';
import { provisionTenant } from '../../../modules/tenants/index.js';
import { createSession } from '../../../modules/auth/auth.service.js';
import { seedUser } from '../../../modules/notifications/__tests__/seed-user.js';
import { sseConnectionCount } from '../index.js';
import { openSse } from './sse-client.js';
import { postJson, startServer } from './test-server.js';

// Collected only when TEST_DATABASE_URL names a PostgreSQL server (see vitest.config.ts). Unlike
// events-two-servers, the second server here is a real OS process (server-process.ts under tsx): nothing
// is shared with the test process but the database, as between two instances behind a load balancer.

const SCRIPT = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

type Spawned = { child: ChildProcess; baseUrl: string; pid: number; stop(): Promise<void> };

/** Starts server-process.ts and resolves once it prints its port; rejects (with its stderr) if it exits or takes too long. */
function spawnServerProcess(databaseUrl: string, timeoutMs = 30_000): Promise<Spawned> {
  const child = fork(SCRIPT, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  return new Promise<Spawned>((resolve, reject) => {
    let stdout = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`second server process ${why}\n${stderr.slice(-2000)}`)));
    };
    const timer = setTimeout(() => fail(`did not report its port within ${timeoutMs} ms`), timeoutMs);
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const line = stdout.split('\n').find((l) => l.startsWith('{"port":'));
      if (!line || settled) return;
      settled = true;
      clearTimeout(timer);
      const { port, pid } = JSON.parse(line) as { port: number; pid: number };
      resolve({ child, baseUrl: `http://127.0.0.1:${port}`, pid, stop });
    });
  });
}

type User = { id: string; token: string };
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: Awaited<ReturnType<typeof startServer>> | undefined;
let b: Spawned | undefined;
let adminToken: string, sara: User, ali: User;

beforeAll(async () => {
  database = await createTestDatabase();
  const t = await provisionTenant(database.db, { slug: 'acme', name: 'آکمه', admin: { username: 'admin', password: 'Admin-pass-123', firstName: 'م', lastName: 'آ' } });
  adminToken = (await createSession(database.db, t.adminId, t.tenantId, 1, new Date())).token;
  sara = await seedUser(database.db, t.tenantId, 'sara');
  ali = await seedUser(database.db, t.tenantId, 'ali');
  a = await startServer(database);
  b = await spawnServerProcess(database.url!);
});
afterAll(async () => {
  // Each step on its own, so a failure in one still stops the child and drops the database.
  await b?.stop().catch(() => {});
  await a?.app.close().catch(() => {});
  await database?.drop();
});

describe('live events across two OS processes (PostgreSQL)', () => {
  it('an announcement sent through this process pops up on SSE streams held by a second server process', async () => {
    expect(b!.pid).not.toBe(process.pid);
    expect(b!.child.pid).toBe(b!.pid);
    const onB = [openSse(b!.baseUrl, sara.token), openSse(b!.baseUrl, ali.token)];
    try {
      for (const s of onB) expect((await s.ready).status).toBe(200);
      // The streams live in the child: this process's hub has none of them.
      expect(sseConnectionCount(database, { userId: sara.id })).toBe(0);

      const sent = await postJson(a!.baseUrl, '/api/announcements', adminToken, {
        title: 'جلسه ماهانه', body: 'جلسه ماهانه پنجشنبه برگزار می‌شود.', audience: 'all',
      });
      expect(sent.status).toBe(201);
      expect(sent.json).toMatchObject({ recipientCount: 2 });
      for (const s of onB) {
        // Fails after 10 s instead of hanging if the event never crosses over.
        const got = await s.waitFor((m) => m.event === 'notification', 10_000);
        expect(got.data).toMatchObject({ kind: 'announcement', title: 'اطلاعیه: جلسه ماهانه', link: `/announcements?open=${sent.json.id}` });
        expect(s.messages.filter((m) => m.event === 'notification')).toHaveLength(1);
      }
    } finally {
      for (const s of onB) s.close();
    }
  });
});
