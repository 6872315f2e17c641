import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../platform/db/open-database.js';
import { runMigrations } from '../platform/db/migrate.js';

export const testEngine = (): 'pglite' | 'postgres' => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a fresh database on
 * the PostgreSQL server named by TEST_DATABASE_URL (dropped again by `drop`).
 */
export async function createTestDatabase(opts: { dataDir?: string } = {}): Promise<Database & { drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const database = await openDatabase({ kind: 'pglite', dataDir: opts.dataDir, lock: false });
    await runMigrations(database);
    return { ...database, drop: () => database.close() };
  }
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(base, name), poolSize: 20 });
  await runMigrations(database);
  return {
    ...database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A second connection pool to the same test database, as a second server process would have. */
export async function openSecondConnection(first: Database): Promise<Database> {
  if (first.kind !== 'postgres' || !first.url) throw new Error('a second process needs PostgreSQL');
  return openDatabase({ kind: 'postgres', url: first.url });
}
