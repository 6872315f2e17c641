/**
 * A benchmark database per engine, opened, migrated and seeded the way `bootstrap` does it
 * (openDatabase → runMigrations → seedDemoCompany), plus 1,000 extra sessions so the session
 * lookup runs against a realistically sized index.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../server/platform/db/open-database.js';
import { runMigrations } from '../server/platform/db/migrate.js';
import { setFilesRoot } from '../server/platform/files/files.service.js';
import { seedDemoCompany } from '../server/modules/tenants/index.js';
import { sessions } from '../server/modules/auth/auth.table.js';
import { users } from '../server/modules/staff/staff.table.js';
import { newToken, sha256 } from '../server/modules/auth/tokens.js';

export type Engine = 'pglite' | 'postgres';

export const ADMIN = { username: 'admin', password: 'Bench-admin-12345' };
export const EXTRA_SESSIONS = 1000;

export type BenchDatabase = {
  engine: Engine;
  database: Database;
  dataDir: string;
  /** PostgreSQL only: the URL of the fresh benchmark database. */
  url: string | null;
  serverVersion: string;
  tenantId: string;
  adminId: string;
  /** Counts statements sent to the engine (every round trip, including BEGIN/COMMIT). */
  queries: () => number;
  pglite: PGlite | null;
  drop(): Promise<void>;
};

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

let pgQueries = 0;
let pgPatched = false;
/** Every pg round trip (pool.query, pooled clients, transactions) goes through Client#query. */
function countPgQueries() {
  if (pgPatched) return;
  pgPatched = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    pgQueries++;
    return original.apply(this, args);
  };
}

function countPgliteQueries(client: PGlite): () => number {
  let n = 0;
  type Runner = Record<'query' | 'exec', (...args: unknown[]) => unknown>;
  const wrap = (target: Runner) => {
    for (const method of ['query', 'exec'] as const) {
      const original = target[method].bind(target);
      target[method] = (...args: unknown[]) => {
        n++;
        return original(...args);
      };
    }
  };
  wrap(client as unknown as Runner);
  // Statements inside a transaction go through the transaction object, plus BEGIN and COMMIT/ROLLBACK.
  const c = client as unknown as { transaction: (fn: (tx: Runner) => Promise<unknown>) => Promise<unknown> };
  const transaction = c.transaction.bind(client);
  c.transaction = (fn) =>
    transaction((tx) => {
      n += 2;
      wrap(tx);
      return fn(tx);
    });
  return () => n;
}

export async function openBenchDatabase(engine: Engine, baseUrl: string, opts: { pgliteDataDir?: boolean } = {}): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  setFilesRoot(dataDir);
  let database: Database;
  let url: string | null = null;
  let dropDb: () => Promise<void> = async () => {};
  let pglite: PGlite | null = null;
  let queries: () => number;

  if (engine === 'postgres') {
    countPgQueries();
    const name = `crm_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    url = withDatabase(baseUrl, name);
    dropDb = async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
    try {
      // The app's default pool (openDatabase's poolSize defaults to 10, as in production).
      database = await openDatabase({ kind: 'postgres', url });
    } catch (err) {
      await dropDb();
      throw err;
    }
    queries = () => pgQueries;
  } else {
    // In memory, as the tests run it (or in the temp dir, as `npm start` runs it); `lock: false` because nothing else shares it.
    database = await openDatabase({ kind: 'pglite', lock: false, ...(opts.pgliteDataDir ? { dataDir } : {}) });
    pglite = (database.db as unknown as { $client: PGlite }).$client;
    queries = countPgliteQueries(pglite);
  }

  const drop = async () => {
    if (engine === 'postgres') {
      // `drop database … with (force)` may terminate a backend whose client is still closing: not a failure,
      // and not worth the app's "connection lost" warning.
      const pool = (database.db as unknown as { $client: pg.Pool }).$client;
      pool.removeAllListeners('error');
      pool.on('error', () => {});
    }
    await database.close();
    await dropDb();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await runMigrations(database);
    const { tenantId, adminId } = await seedDemoCompany(database.db, ADMIN);
    await addSessions(database, tenantId, EXTRA_SESSIONS);
    const version = (await database.db.execute(sql`select current_setting('server_version') as v`)) as unknown as { rows: { v: string }[] };
    return { engine, database, dataDir, url, serverVersion: version.rows[0]?.v ?? '?', tenantId, adminId, queries, pglite, drop };
  } catch (err) {
    await drop();
    throw err;
  }
}

/** Sessions spread over the demo company's staff, as if they were logged in from several devices. */
async function addSessions(database: Database, tenantId: string, count: number) {
  const staff = await database.db.select({ id: users.id }).from(users).where(eq(users.tenantId, tenantId));
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: sha256(newToken()),
    tenantId,
    userId: staff[i % staff.length]!.id,
    csrfToken: newToken(18),
    createdAt: new Date(now - (i % 30) * 86_400_000),
    expiresAt: new Date(now + 30 * 86_400_000),
    ip: `10.0.${(i >> 8) & 255}.${i & 255}`,
    userAgent: 'Mozilla/5.0 (bench)',
  }));
  for (let i = 0; i < rows.length; i += 250) await database.db.insert(sessions).values(rows.slice(i, i + 250));
  await database.db.execute(sql`analyze sessions`);
}
