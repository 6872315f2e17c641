import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { setFilesRoot } from '../platform/files/files.service.js';
import { provisionTenant } from '../modules/tenants/index.js';
import { seedGeo } from '../modules/geo/index.js';
import { createTestDatabase } from './test-database.js';

export const ADMIN_PASSWORD = 'Admin-pass-123';

export type TestApp = {
  app: FastifyInstance;
  tenantId: string;
  adminId: string;
  adminToken: string;
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
};

/** A real app on a fresh migrated database with one tenant and its admin logged in by bearer token. */
export async function createTestApp(opts: { slug?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  setFilesRoot(dataDir);
  const clock = { now: new Date(), advance(ms: number) { this.now = new Date(this.now.getTime() + ms); } };
  const config = { ...loadConfig({}), dataDir };
  await seedGeo(database.db);
  const app = await buildApp({ config, database, now: () => clock.now });
  const { tenantId, adminId } = await provisionTenant(database.db, {
    slug: opts.slug ?? 'acme',
    name: 'شرکت آزمون',
    admin: { username: 'admin', password: ADMIN_PASSWORD, firstName: 'مدیر', lastName: 'آزمون' },
  });
  const adminToken = (await login(app, 'admin', ADMIN_PASSWORD)).token;
  return { app, tenantId, adminId, adminToken, clock, close: async () => { await app.close(); await database.drop(); } };
}

export async function login(app: FastifyInstance, username: string, password: string, tenant?: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(tenant ? { tenant } : {}) } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  const body = res.json() as { token: string; csrfToken: string };
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  return { token: body.token, csrfToken: body.csrfToken, cookies };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Creates a role with exactly these grants and a staff member holding it; returns their token. */
export async function userWithGrants(t: TestApp, username: string, grants: { permission: string; scope: string }[], extra: Record<string, unknown> = {}) {
  const h = bearer(t.adminToken);
  const role = await t.app.inject({ method: 'POST', url: '/api/roles', headers: h, payload: { name: `نقش ${username}` } });
  const roleId = role.json().id as string;
  await t.app.inject({ method: 'PUT', url: `/api/roles/${roleId}/permissions`, headers: h, payload: { grants } });
  const res = await t.app.inject({
    method: 'POST', url: '/api/staff', headers: h,
    payload: { username, firstName: 'کاربر', lastName: username, password: 'Passw0rd-x', roleIds: [roleId], ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`staff create failed: ${res.body}`);
  const { token } = await login(t.app, username, 'Passw0rd-x');
  return { id: res.json().id as string, token, roleId };
}
