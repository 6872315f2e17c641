/**
 * Creates another company (tenant) with its first admin.
 *   npm run tenant:create -- --slug acme --name "شرکت آکمه" --admin-user admin --admin-password 'S3cret-pass'
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the server first: one process per data dir).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/open-database.js';
import { runMigrations } from '../platform/db/migrate.js';
import { catchUpPermissions, provisionTenant, ProvisionError } from '../modules/tenants/index.js';

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    name: { type: 'string' },
    'admin-user': { type: 'string', default: 'admin' },
    'admin-password': { type: 'string' },
    'admin-first-name': { type: 'string', default: 'مدیر' },
    'admin-last-name': { type: 'string', default: 'سیستم' },
  },
});

if (!values.slug || !values.name || !values['admin-password']) {
  console.error('usage: npm run tenant:create -- --slug <code> --name <company name> --admin-password <password> [--admin-user admin]');
  process.exit(2);
}

const config = loadConfig();
const database = config.databaseUrl
  ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
  : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
try {
  await runMigrations(database);
  // The server would do this on its next start; doing it here keeps the companies in step with the migrations just applied.
  const caughtUp = await catchUpPermissions(database.db);
  if (caughtUp.length) console.log(`new permissions granted to the system and default roles of ${caughtUp.length} existing company(ies)`);
  const r = await provisionTenant(database.db, {
    slug: values.slug,
    name: values.name,
    admin: { username: values['admin-user']!, password: values['admin-password'], firstName: values['admin-first-name']!, lastName: values['admin-last-name']! },
  });
  console.log(`company "${values.name}" created: code ${values.slug}, tenant ${r.tenantId}, admin ${values['admin-user']}`);
} catch (err) {
  console.error(err instanceof ProvisionError ? `error: ${err.message}` : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
