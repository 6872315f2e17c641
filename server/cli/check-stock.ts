/**
 * Recomputes every company's stock from the ledger and the reservations and compares it with the cached
 * balances.  npm run check:stock   (exit code 1 when something differs)
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the server first: one process per data dir).
 */
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/open-database.js';
import { runMigrations } from '../platform/db/migrate.js';
import { checkAllTenants } from '../modules/inventory/index.js';

const config = loadConfig();
const database = config.databaseUrl
  ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
  : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
let failed = false;
try {
  await runMigrations(database);
  for (const { slug, result } of await checkAllTenants(database.db)) {
    console.log(`${slug}: ${result.checked} balances checked, ${result.differences.length} differences`);
    for (const d of result.differences) {
      failed = true;
      console.log(`  warehouse ${d.warehouseId} variant ${d.variantId}: on hand ${d.cachedOnHand} (ledger ${d.ledgerOnHand}, last balance_after ${d.lastBalanceAfter ?? '-'}), second unit ${d.cachedOnHand2} (ledger ${d.ledgerOnHand2}), reserved ${d.cachedReserved} (active reservations ${d.activeReserved})`);
    }
  }
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
