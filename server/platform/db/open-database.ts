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

async function openPglite(dataDir: string | undefined, lock: boolean): Promise<Database> {
  const unlock = dataDir && lock ? lockDataDir(dataDir) : () => {};
  try {
    const client = new PGlite({ ...(dataDir ? { dataDir: join(dataDir, 'pgdata') } : {}), extensions: { pg_trgm } });
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
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners = new Map<string, Set<Listener>>();
  let listenClient: pg.Client | null = null;

  const ensureListenClient = async () => {
    if (listenClient) return listenClient;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on('notification', (msg) => {
      for (const cb of listeners.get(msg.channel) ?? []) cb(msg.payload ?? '');
    });
    listenClient = client;
    return client;
  };

  return {
    kind: 'postgres',
    db,
    url,
    listen: async (channel, onMessage) => {
      const client = await ensureListenClient();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      }
      set.add(onMessage);
      return async () => {
        set.delete(onMessage);
      };
    },
    close: async () => {
      await listenClient?.end();
      await pool.end();
    },
  };
}
