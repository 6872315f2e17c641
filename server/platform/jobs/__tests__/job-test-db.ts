import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, openSecondConnection, testEngine } from '../../../test-support/test-database.js';
import type { Database } from '../../db/open-database.js';

/**
 * A database that a test can "restart" like a server process: PGlite on a temp data dir closed and
 * reopened, or on PostgreSQL a fresh pool (connection) to the same test database.
 */
export async function restartableDatabase() {
  if (testEngine() === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-jobs-'));
    let current = await createTestDatabase({ dataDir });
    return {
      get database(): Database { return current; },
      restart: async () => { await current.drop(); current = await createTestDatabase({ dataDir }); return current as Database; },
      dispose: async () => { await current.drop(); rmSync(dataDir, { recursive: true, force: true }); },
    };
  }
  const main = await createTestDatabase();
  let current = await openSecondConnection(main);
  return {
    get database(): Database { return current; },
    restart: async () => { await current.close(); current = await openSecondConnection(main); return current; },
    dispose: async () => { await current.close(); await main.drop(); },
  };
}
