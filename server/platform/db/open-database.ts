import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { join } from 'node:path';
import * as schema from './schema.js';
import type { DatabaseKind, Db } from './types.js';
import { lockDataDir } from './data-dir-lock.js';

export type Listener = (payload: string) => void;

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** PostgreSQL connection string (postgres kind only), for work that needs its own connection. */
  url?: string;
  /** Subscribes to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, onMessage: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type OpenOptions =
  | { kind: 'pglite'; dataDir?: string | undefined; lock?: boolean }
  | { kind: 'postgres'; url: string; poolSize?: number };

// pg returns int8 as string by default; bigint keeps Rial amounts exact.
pg.types.setTypeParser(20, (v) => BigInt(v));

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.kind === 'pglite' ? openPglite(opts.dataDir, opts.lock ?? true) : openPostgres(opts.url, opts.poolSize);
}

/**
 * PGlite's own start parameters plus smaller shared buffers: its default of 128 MB is reserved inside the
 * server's process (the WASM heap), and 32 MB measured the same speed (100,000 customers: search, list and
 * 360° p95 within noise; a 100,000-row import 28.4 s either way) for ~100 MiB less memory (docs/performance.md).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

async function openPglite(dataDir: string | undefined, lock: boolean): Promise<Database> {
  const unlock = dataDir && lock ? lockDataDir(dataDir) : () => {};
  try {
    const client = new PGlite({ ...(dataDir ? { dataDir: join(dataDir, 'pgdata') } : {}), extensions: { pg_trgm }, startParams: PGLITE_START_PARAMS });
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      listen: async (channel, onMessage) => {
        const off = await client.listen(channel, onMessage);
        return async () => off();
      },
      close: async () => {
        try {
          if (!client.closed) {
            await client.query('CHECKPOINT');
            await client.close();
          }
        } finally {
          unlock();
        }
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection killed by the server (restart, proxy timeout) must not crash the process;
  // the pool drops it and opens a new one on the next query.
  pool.on('error', (err) => console.warn(`database connection lost: ${err.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners = new Map<string, Set<Listener>>();
  let listenClient: Promise<pg.Client> | null = null;
  let closed = false;

  const quote = (channel: string) => `"${channel.replace(/"/g, '')}"`;

  /** One connection holds every LISTEN; when it drops it is reopened and re-subscribed. */
  const connectListener = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      for (const cb of listeners.get(msg.channel) ?? []) cb(msg.payload ?? '');
    });
    const reconnect = (err?: Error) => {
      if (closed) return;
      if (err) console.warn(`notification connection lost: ${err.message}; reconnecting`);
      listenClient = null;
      setTimeout(() => {
        if (!closed && listeners.size) listenClient = connectListener().catch(() => { listenClient = null; reconnect(); return client; });
      }, 1000).unref();
    };
    client.on('error', reconnect);
    client.on('end', () => reconnect());
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${quote(channel)}`);
    return client;
  };

  return {
    kind: 'postgres',
    db,
    url,
    listen: async (channel, onMessage) => {
      let set = listeners.get(channel);
      const isNew = !set;
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(onMessage);
      if (!listenClient) listenClient = connectListener();
      else if (isNew) await (await listenClient).query(`LISTEN ${quote(channel)}`);
      await listenClient;
      const subscribed = set;
      return async () => {
        subscribed.delete(onMessage);
      };
    },
    close: async () => {
      closed = true;
      if (listenClient) await (await listenClient.catch(() => null))?.end().catch(() => {});
      await pool.end();
    },
  };
}
