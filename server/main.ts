// First, before anything loads exceljs (see the module's comment).
import './platform/export/exceljs-utf8-fix.js';
import { loadConfig } from './platform/config.js';
import { bootstrap } from './platform/bootstrap.js';
import { buildApp } from './app.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { startScheduler } from './platform/jobs/index.js';
import { hostname } from 'node:os';

const config = loadConfig();
const started = Date.now();

async function main() {
  let booted;
  try {
    booted = await bootstrap(config, (m) => console.log(m));
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { database, adminNotice } = booted;
  const app = await buildApp({ config, database, logger: { level: config.logLevel }, serveWebApp: true });

  const scheduler = await startScheduler({ database, workerId: `${hostname()}:${process.pid}`, onError: (err) => app.log.error({ err }, 'job failed') });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000);
    try {
      await app.close();
      await scheduler.stop();
      await database.close(); // checkpoints PGlite so the data dir is consistent
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`\n  Persian CRM is ready at http://localhost:${config.port}  (${database.kind}, ${Date.now() - started} ms)`);
  if (adminNotice) console.log(`  ${adminNotice}`);
  console.log(`  API docs: http://localhost:${config.port}/api/docs\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
