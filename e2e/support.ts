import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../server/platform/config.js';
import { bootstrap } from '../server/platform/bootstrap.js';
import { buildApp } from '../server/app.js';
import type { Database } from '../server/platform/db/open-database.js';
import { startScheduler } from '../server/platform/jobs/index.js';

export const ADMIN = { username: 'admin', password: 'Admin-e2e-123' };
export const SHOTS = join(process.cwd(), 'e2e', 'screenshots');

export type Running = { baseUrl: string; app: FastifyInstance; database: Database; browser: Browser; stop(): Promise<void> };

/** The real server (embedded database, demo company, built web app) and headless Debian Chromium. */
export async function startStack(): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const config = { ...loadConfig({}), dataDir, adminUser: ADMIN.username, adminPassword: ADMIN.password };
  const { database } = await bootstrap(config, () => {});
  const app = await buildApp({ config, database, serveWebApp: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const scheduler = await startScheduler({ database, workerId: 'e2e', pollMs: 300 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`, app, database, browser,
    stop: async () => { await browser.close(); await app.close(); await scheduler.stop(); await database.close(); },
  };
}
