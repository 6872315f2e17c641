/**
 * A server in a process of its own, as a second instance of a deployment: the real app on 127.0.0.1:0 over
 * the PostgreSQL database named by DATABASE_URL. Run with `node --import tsx` (see spawnServerProcess).
 * Prints one line `{"port":…,"pid":…}` on stdout once it listens; ends on SIGTERM/SIGINT, or when the
 * parent's IPC channel closes (the parent crashed or was killed), so it never outlives its test.
 */
import '../../export/exceljs-utf8-fix.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/open-database.js';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('server-process: DATABASE_URL is required\n');
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), 'crm-events-child-'));
const database = await openDatabase({ kind: 'postgres', url });
const app = await buildApp({ config: { ...loadConfig({}), dataDir, logLevel: 'silent' }, database, logger: false });

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  setTimeout(() => process.exit(1), 5000).unref(); // a stuck close must not keep the process alive
  try {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  } finally {
    process.exit(0);
  }
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.on('disconnect', () => void shutdown());

await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ port, pid: process.pid })}\n`);
