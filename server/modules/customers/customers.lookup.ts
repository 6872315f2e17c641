// Customers by many identifier values at once (imports look up a whole batch), one index probe per value.
// Written as a lateral subquery per value, not `national_id = any($values)`: with `any` the planner
// picks the plan from the table's statistics, and during a large import those are stale (PostgreSQL's
// autovacuum has not caught up yet; PGlite never refreshes them). Measured: it then scanned every customer
// of the company through another index for each batch, which made a 100,000-row import quadratic. One
// equality probe of the (tenant, field) index per value is cheap whatever the statistics say.
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/types.js';
import { customers } from './customers.table.js';

export type IdentifierField = 'nationalId' | 'legalId' | 'economicCode' | 'code' | 'mobile' | 'email';
type Row = typeof customers.$inferSelect;

/**
 * `offset 0` keeps the planner from flattening the lateral subquery into a plain join, which it would
 * then order by the same stale statistics (measured: a scan of the company's customers against every
 * value, minutes per batch). Kept a subquery, it runs once per value with both columns as index keys.
 * drizzle drops a numeric offset of 0, hence the SQL literal.
 */
const FENCE = sql`0` as unknown as number;

/** The indexed expression of each field; email is indexed (and stored) lower-cased. */
const indexed = (field: IdentifierField): SQL => (field === 'email' ? sql`lower(${customers.email})` : sql`${customers[field]}`);

/**
 * Every customer of the tenant whose `field` is one of `values` (a customer matching several values comes
 * once per value), with `inScope`: whether the caller's record scope includes it.
 */
export async function customersWithValues(tx: Tx, tenantId: string, field: IdentifierField, values: string[], inScope: SQL<boolean>): Promise<(Row & { inScope: boolean })[]> {
  if (!values.length) return [];
  const found = tx
    .select({ ...getTableColumns(customers), inScope: inScope.as('in_scope') })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), sql`${indexed(field)} = wanted.v`))
    .offset(FENCE)
    .as('found');
  // The lateral subquery's columns, read back under their own names (drizzle decodes them as the table's).
  const byName = found as unknown as Record<string, unknown>;
  const fields = Object.fromEntries([...Object.keys(getTableColumns(customers)), 'inScope'].map((k) => [k, byName[k]]));
  const rows = await tx
    .select(fields as unknown as { id: typeof found.id })
    .from(sql`unnest(${sql.param(values)}::text[]) as wanted(v)`)
    .crossJoinLateral(found);
  return rows as unknown as (Row & { inScope: boolean })[];
}

/** Whether any customer of the tenant has one of `values` in `field` (same probes, ids only). */
export async function anyCustomerWithValues(tx: Tx, tenantId: string, field: IdentifierField, values: string[]): Promise<boolean> {
  if (!values.length) return false;
  const found = tx.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, tenantId), sql`${indexed(field)} = wanted.v`)).offset(FENCE).as('found');
  const rows = await tx.select({ id: found.id }).from(sql`unnest(${sql.param(values)}::text[]) as wanted(v)`).crossJoinLateral(found).limit(1);
  return rows.length > 0;
}
