// Many rows in ONE statement with ONE parameter: the rows go as a JSON array and PostgreSQL unpacks them
// with json_populate_recordset. For bulk work (imports) this is several times cheaper than drizzle's
// multi-row VALUES, whose SQL building with thousands of parameters dominated the import's CPU, and it
// has no 65,535-parameter limit. Runs in the caller's transaction, so RLS and triggers apply as usual.
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './types.js';

const jsonValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v);

export type JsonInsertOptions<T extends PgTable> = {
  /**
   * Values that are the same in every row (tenant, author, timestamps): sent once, not once per row, so
   * the JSON to build, send and parse is smaller. Their keys are ignored in `rows`.
   */
  same?: Partial<T['$inferInsert']>;
  /** Rows per statement. */
  chunk?: number;
};

/**
 * Inserts `rows` (drizzle property names as keys) into `table`. The column list is the union of the
 * rows' keys; a key missing from one row is NULL there, NOT the column's default — so give every row
 * the columns that have defaults (ids, arrays, timestamps) or leave them out of all rows.
 */
export async function insertJsonRows<T extends PgTable>(tx: Tx, table: T, rows: Partial<T['$inferInsert']>[], options: JsonInsertOptions<T> = {}): Promise<void> {
  if (!rows.length) return;
  const { same = {}, chunk = 5000 } = options;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const columnOf = (k: string) => {
    const c = columns[k];
    if (!c) throw new Error(`insertJsonRows: ${getTableName(table)} has no column ${k}`);
    return [k, c.name] as const;
  };
  const constant = Object.keys(same).filter((k) => (same as Record<string, unknown>)[k] !== undefined).map(columnOf);
  const fixed = new Set(constant.map(([k]) => k));
  const keys = new Set<string>();
  for (const r of rows) for (const k in r) if ((r as Record<string, unknown>)[k] !== undefined && !fixed.has(k)) keys.add(k);
  const used = [...keys].map(columnOf);
  const quoted = (prefix: string, list: (readonly [string, string])[]) => list.map(([, name]) => `${prefix}"${name}"`);
  const list = sql.raw([...quoted('', used), ...quoted('', constant)].join(', '));
  const picked = sql.raw([...quoted('r.', used), ...quoted('s.', constant)].join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  const sameJson = JSON.stringify(jsonObject(same as Record<string, unknown>, constant));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk).map((r) => jsonObject(r as Record<string, unknown>, used)));
    await tx.execute(sql`insert into ${name} (${list}) select ${picked} from json_populate_recordset(null::${name}, ${json}::json) r, json_populate_record(null::${name}, ${sameJson}::json) s`);
  }
}

/** The row as PostgreSQL's JSON input wants it: column names as keys, no nulls (absent is NULL). */
function jsonObject(r: Record<string, unknown>, columns: (readonly [string, string])[]) {
  const o: Record<string, unknown> = {};
  for (const [k, col] of columns) {
    const v = r[k];
    if (v !== undefined && v !== null) o[col] = jsonValue(v);
  }
  return o;
}
