/**
 * Bulk seed for `bench/inventory.ts`: products, warehouses and a stock ledger for one tenant, written with
 * `INSERT … SELECT … FROM generate_series` as the connecting superuser (bypasses the app, audit and RLS;
 * `session_replication_role = replica` skips the foreign-key and append-only triggers during the load).
 *
 * Shape: P products, each with its default variant, in one unit; W warehouses; M movements in documents of
 * 100 lines. A tenth of the movements go to HOT_VARIANTS variants in every warehouse so those stock cards are
 * thousands of rows long (the 1,000-row card page); the rest are spread uniformly. Movements are mostly
 * receipts with some issues; `balance_after` is the running sum per (variant, warehouse) in `seq` order, and
 * stock_balances is the ledger's sum, exactly what the app maintains.
 */
import type pg from 'pg';

export const HOT_VARIANTS = 10;
export type InventorySeed = { products: number; warehouses: number; movements: number; ms: number };

export async function seedInventory(
  client: pg.Client,
  opts: { tenantId: string; userId: string; products: number; warehouses: number; movements: number; log?: (m: string) => void },
): Promise<InventorySeed> {
  const log = opts.log ?? (() => {});
  const { tenantId: t, products: P, warehouses: W, movements: M } = opts;
  const t0 = performance.now();
  const step = async (what: string, q: string, params: unknown[] = []) => {
    const s = performance.now();
    await client.query(q, params);
    log(`${what} ${((performance.now() - s) / 1000).toFixed(1)} s`);
  };
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set session_replication_role = replica`);

  await step('unit', `insert into product_units (id, tenant_id, name, decimals) values (gen_random_uuid(), $1, 'عدد (بنچ)', 0)`, [t]);
  await step(`products ${P}`, `
    insert into products (tenant_id, code, name, kind, unit_id, search_text, created_at, updated_at)
    select $1, 'B' || lpad(i::text, 7, '0'), 'کالای آزمایشی ' || i, 'goods',
           (select id from product_units where tenant_id = $1 and name = 'عدد (بنچ)'),
           'b' || lpad(i::text, 7, '0') || ' کالای ازمایشی ' || i, now(), now()
      from generate_series(1, $2::int) i`, [t, P]);
  await step('variants', `
    insert into product_variants (tenant_id, product_id, code, is_default)
    select tenant_id, id, code, true from products where tenant_id = $1 and code like 'B%'`, [t]);
  await step(`warehouses ${W}`, `
    insert into warehouses (tenant_id, code, name)
    select $1, 'BW' || i, 'انبار آزمایشی ' || i from generate_series(1, $2::int) i`, [t, W]);

  // Numbered lookups so generate_series can pick a variant / warehouse by index.
  await client.query(`create temp table bv as select row_number() over (order by code) as n, id as variant_id, product_id
                        from product_variants where tenant_id = $1 and code like 'B%'`, [t]);
  await client.query(`create temp table bw as select row_number() over (order by code) as n, id from warehouses where tenant_id = $1 and code like 'BW%'`, [t]);
  await client.query(`create index on bv (n); create index on bw (n); analyze bv; analyze bw`);

  const docs = Math.ceil(M / 100);
  await step(`documents ${docs}`, `
    insert into stock_documents (id, tenant_id, kind, fiscal_year, number, doc_date, status, warehouse_id, created_by, confirmed_by, confirmed_at)
    select gen_random_uuid(), $1, 'receipt', 1404, 900000 + d, date '2025-03-21' + (d % 365), 'confirmed',
           (select id from bw where n = 1 + d % $3), $4, $4, now()
      from generate_series(1, $2::int) d`, [t, docs, W, opts.userId]);
  await client.query(`create temp table bd as select row_number() over (order by number) as n, id, doc_date from stock_documents
                        where tenant_id = $1 and number > 900000`, [t]);
  await client.query(`create index on bd (n); analyze bd`);

  // Movements go to a temp table first, then into the ledger in one pass that computes balance_after as the
  // running sum per (variant, warehouse) in seq order, with the ledger's secondary indexes rebuilt afterwards.
  await client.query(`create temp table mv (seq bigint, warehouse_id uuid, product_id uuid, variant_id uuid, quantity numeric, document_id uuid, doc_date date)`);
  const chunk = 1_000_000;
  for (let from = 1; from <= M; from += chunk) {
    const to = Math.min(M, from + chunk - 1);
    await step(`movements ${to.toLocaleString('en-US')} / ${M.toLocaleString('en-US')}`, `
      insert into mv
      select i, w.id, v.product_id, v.variant_id,
             case when i % 4 = 0 then -(1 + i % 5) else 1 + i % 40 end, d.id, d.doc_date
        from generate_series($1::bigint, $2::bigint) i
        join bv v on v.n = case when i % 10 = 0 then 1 + (i / 10) % ${HOT_VARIANTS} else 1 + (i * 7919) % $3 end
        join bw w on w.n = 1 + (i / 3) % $4
        join bd d on d.n = 1 + (i - 1) / 100`, [from, to, P, W]);
  }
  const { rows: idx } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = 'stock_movements'
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const i of idx) await client.query(`drop index ${i.indexname}`);
  await client.query(`set work_mem = '256MB'`);
  await step('ledger with running balances', `
    insert into stock_movements (seq, tenant_id, warehouse_id, product_id, variant_id, quantity, balance_after, document_id, kind, doc_date, created_at)
    overriding system value
    select seq, $1, warehouse_id, product_id, variant_id, quantity,
           sum(quantity) over (partition by variant_id, warehouse_id order by seq), document_id, 'receipt', doc_date, now()
      from mv order by seq`, [t]);
  for (const i of idx) await step(`index ${i.indexname}`, i.indexdef);
  await client.query(`select setval(pg_get_serial_sequence('stock_movements', 'seq'), (select max(seq) from stock_movements))`);
  await step('balances', `
    insert into stock_balances (tenant_id, warehouse_id, variant_id, product_id, on_hand)
    select $1, warehouse_id, variant_id, min(product_id::text)::uuid, sum(quantity)
      from stock_movements where tenant_id = $1 group by warehouse_id, variant_id`, [t]);
  await client.query(`set session_replication_role = origin`);
  await step('vacuum analyze', `vacuum analyze stock_movements, stock_balances, products, product_variants, stock_documents`);
  return { products: P, warehouses: W, movements: M, ms: performance.now() - t0 };
}
