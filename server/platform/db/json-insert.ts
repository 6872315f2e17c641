// Many rows in ONE statement with ONE parameter: the rows go as a JSON array and PostgreSQL unpacks them
// with json_populate_recordset. For bulk work (imports) this is several times cheaper than drizzle's
// multi-row VALUES, whose SQL building with thousands of parameters dominated the import's CPU, and it
// has no 65,535-parameter limit. Runs in the caller's transaction, so RLS and triggers apply as usual.
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './types.js';

const jsonValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v);

/**
 * Inserts `rows` (drizzle property names as keys) into `table`. The column list is the union of the
 * rows' keys; a key missing from one row is NULL there, NOT the column's default — so give every row
 * the columns that have defaults (ids, arrays, timestamps) or leave them out of all rows.
 */
export async function insertJsonRows<T extends PgTable>(tx: Tx, table: T, rows: Partial<T['$inferInsert']>[], chunk = 5000): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if ((r as Record<string, unknown>)[k] !== undefined) keys.add(k);
  const used = [...keys].map((k) => {
    const c = columns[k];
    if (!c) throw new Error(`insertJsonRows: ${getTableName(table)} has no column ${k}`);
    return [k, c.name] as const;
  });
  const list = sql.raw(used.map(([, name]) => `"${name}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(
      rows.slice(i, i + chunk).map((r) => {
        const o: Record<string, unknown> = {};
        for (const [k, col] of used) {
          const v = (r as Record<string, unknown>)[k];
          if (v !== undefined && v !== null) o[col] = jsonValue(v);
        }
        return o;
      }),
    );
    await tx.execute(sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${json}::json)`);
  }
}
