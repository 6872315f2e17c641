import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { bootstrap } from '../bootstrap.js';
import { buildApp } from '../../app.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';

describe('embedded database on disk (always PGlite)', () => {
  it('keeps data across a restart and refuses a second server on the same data dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-restart-'));
    const config = { ...loadConfig({}), dataDir, adminPassword: 'Admin-pass-1' };
    const first = await bootstrap(config, () => {});
    await expect(bootstrap(config, () => {})).rejects.toBeInstanceOf(DataDirLockedError);
    const app = await buildApp({ config, database: first.database });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Admin-pass-1' } });
    const token = login.json().token;
    const created = await app.inject({ method: 'POST', url: '/api/job-positions', headers: { authorization: `Bearer ${token}` }, payload: { name: 'کارپرداز' } });
    expect(created.statusCode).toBe(201);
    await app.close();
    await first.database.close();

    const second = await bootstrap(config, () => {});
    const app2 = await buildApp({ config, database: second.database });
    const list = await app2.inject({ url: '/api/job-positions', headers: { authorization: `Bearer ${token}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { name: string }) => p.name)).toContain('کارپرداز');
    await app2.close();
    await second.database.close();
  }, 60_000);
});
