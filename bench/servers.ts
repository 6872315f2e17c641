/**
 * The two reference servers: a bare `node:http` server doing the session lookup straight through the
 * driver ("raw database"), and a bare hello-world server (the ceiling of Node + the load generator).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import { findSession } from '../server/modules/auth/principal.repository.js';
import type { Executor } from '../server/platform/db/types.js';
import { sha256 } from '../server/modules/auth/tokens.js';

export type Running = { url: string; close(): Promise<void> };

export type Lookup = (sessionId: string) => Promise<unknown[]>;

/**
 * The exact SQL text `findSession` sends (session by primary key, joined to users and tenants, with the
 * user's grants), taken from the app itself so the reference can never drift from what the app runs.
 */
export async function sessionLookupSql(): Promise<string> {
  let captured: SQL | null = null;
  const spy = { execute: async (q: SQL) => ((captured = q), { rows: [] }) } as unknown as Executor;
  await findSession(spy, 'x');
  if (!captured) throw new Error('findSession sent no query');
  const { sql, params } = new PgDialect().sqlToQuery(captured);
  if (params.length !== 1) throw new Error(`expected one parameter in the session lookup, got ${params.length}`);
  return sql;
}

export function pgliteLookup(client: PGlite, text: string): Lookup {
  return async (id) => (await client.query(text, [id])).rows;
}

export function pgLookup(pool: pg.Pool, text: string): Lookup {
  return async (id) => (await pool.query(text, [id])).rows;
}

/**
 * Not what the app does: the same SELECT as a named prepared statement, parsed and planned once per
 * connection instead of on every request. Shows the headroom of that change.
 */
export function pgPreparedLookup(pool: pg.Pool, text: string): Lookup {
  return async (id) => (await pool.query({ name: 'bench_find_session', text, values: [id] })).rows;
}

/** PGlite's query() has no named statements, so: SQL PREPARE once, then EXECUTE with the id inlined. */
export async function pglitePreparedLookup(client: PGlite, text: string): Promise<Lookup> {
  await client.exec(`prepare bench_find_session(text) as ${text}`);
  return async (id) => {
    // Safe to inline: it is the hex sha256 this server just computed, checked anyway.
    if (!/^[0-9a-f]{64}$/.test(id)) throw new Error('not a session id');
    return (await client.query(`execute bench_find_session('${id}')`)).rows;
  };
}

const listen = (server: http.Server): Promise<Running> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });

/** Bearer token → sha256 → one SELECT → JSON. No framework, no validation, no serializer. */
export function startRawServer(lookup: Lookup): Promise<Running> {
  const server = http.createServer((req, res) => {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      res.writeHead(401).end();
      return;
    }
    lookup(sha256(header.slice(7).trim())).then(
      (rows) => {
        if (!rows[0]) {
          res.writeHead(401).end();
          return;
        }
        const body = JSON.stringify(rows[0]);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
      () => res.writeHead(500).end(),
    );
  });
  server.keepAliveTimeout = 72_000; // as Fastify's default, so idle loops never see a closed socket
  return listen(server);
}

export function startHelloServer(): Promise<Running> {
  const body = JSON.stringify({ hello: 'world' });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 72_000;
  return listen(server);
}
