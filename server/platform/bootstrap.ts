import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/open-database.js';
import { runMigrations } from './db/migrate.js';
import { setFilesRoot } from './files/files.service.js';
import { seedGeo } from '../modules/geo/index.js';
import { catchUpPermissions, seedDemoCompany, tenantCount } from '../modules/tenants/index.js';

export type Booted = { database: Database; adminNotice: string | null };

/** Opens the database (embedded unless DATABASE_URL is set), migrates, and seeds a demo company on first start. */
export async function bootstrap(config: Config, log: (msg: string) => void): Promise<Booted> {
  mkdirSync(config.dataDir, { recursive: true });
  setFilesRoot(config.dataDir);
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    await runMigrations(database);
    await seedGeo(database.db);
    const caughtUp = await catchUpPermissions(database.db);
    if (caughtUp.length) log(`new permissions granted to the system and default roles of ${caughtUp.length} company(ies): ${[...new Set(caughtUp.flatMap((c) => c.added))].join(', ')}`);
    const passwordFile = join(config.dataDir, 'initial-admin-password.txt');
    if ((await tenantCount(database.db)) === 0) {
      const password = config.adminPassword ?? `Crm-${randomBytes(6).toString('base64url')}9`;
      await seedDemoCompany(database.db, { username: config.adminUser, password });
      log('demo company created (شرکت بازرگانی نمونه پارس)');
      if (!config.adminPassword) writeFileSync(passwordFile, `${config.adminUser}\n${password}\n`, { mode: 0o600 });
    }
    let adminNotice: string | null = null;
    if (existsSync(passwordFile)) {
      const [user, password] = readFileSync(passwordFile, 'utf8').split('\n');
      adminNotice = `admin login: ${user} / ${password}  (generated on first start; change it after logging in, then delete ${passwordFile})`;
    } else if (config.adminPassword) {
      adminNotice = `admin login: ${config.adminUser} / (CRM_ADMIN_PASSWORD)`;
    }
    return { database, adminNotice };
  } catch (err) {
    await database.close();
    throw err;
  }
}
