/**
 * Bulk seed for `bench/customers.ts`: N natural-person customers for one tenant with a few
 * `INSERT … SELECT … FROM generate_series` statements, run as the connecting role (bypasses the app,
 * its audit log and row-level security).
 *
 * To keep 1,000,000 rows fast, the customers table's secondary indexes are dropped before the insert and
 * recreated afterwards from their own `pg_indexes.indexdef` (so they are exactly the migrated ones).
 *
 * search_text / phone_digits mimic customers.repository.ts:
 *   customerSearchText = searchNormalize([displayName, firstName, lastName, code, nationalId].join(' '))
 *     (no email, tags, legal IDs here). searchNormalize on these values only folds آ/أ/إ/ٱ → ا,
 *     ۀ/ة/ە → ه, ZWNJ → space and lowercases; the SQL `translate` + `lower` below does the same.
 *   customerPhoneDigits = mobile digits without the leading 0 (no landline here).
 */
/** What the seed needs of a connection: node-postgres's Client and PGlite both answer `query(text, values)` with `{ rows }`. */
export type SqlRunner = { query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }> };

export const FIRST_NAMES = [
  'علی', 'محمد', 'حسین', 'رضا', 'مهدی', 'امیر', 'آرش', 'سعید', 'حمید', 'مجید',
  'مصطفی', 'جواد', 'کاظم', 'بهرام', 'پژمان', 'سینا', 'نیما', 'کامران', 'فرهاد', 'داریوش',
  'فاطمه', 'زهرا', 'مریم', 'سارا', 'نرگس', 'لیلا', 'الهام', 'آزاده', 'شیرین', 'مینا',
  'پریسا', 'نازنین', 'سمیرا', 'هانیه', 'فرشته', 'مهسا', 'ریحانه', 'آیدا', 'ژاله', 'کیمیا',
];

export const LAST_NAMES = [
  'محمدی', 'حسینی', 'احمدی', 'رضایی', 'موسوی', 'کریمی', 'جعفری', 'رحیمی', 'هاشمی', 'صادقی',
  'قاسمی', 'حیدری', 'نوری', 'عباسی', 'کاظمی', 'مرادی', 'اکبری', 'ابراهیمی', 'سلطانی', 'شریفی',
  'طاهری', 'فرهادی', 'بهرامی', 'یوسفی', 'زارعی', 'امینی', 'نجفی', 'قربانی', 'ملکی', 'میرزایی',
  'اسدی', 'باقری', 'تهرانی', 'شیرازی', 'اصفهانی', 'تبریزی', 'کرمانی', 'یزدی', 'رشتی', 'خراسانی',
  'نیک‌نام', 'پاک‌نیا', 'آقایی', 'آزادی', 'افشار', 'بختیاری', 'پارسا', 'جهانگیری', 'خسروی', 'دلاوری',
  'رستمی', 'سپهری', 'شجاعی', 'صفوی', 'عطایی', 'فتحی', 'گودرزی', 'لطفی', 'منصوری', 'وحیدی',
];

/** First customer code; codes are CODE_BASE + i, i = 1..N. */
export const CODE_BASE = 1_000_000;

export type SeedResult = { rows: number; insertMs: number; indexMs: number; analyzeMs: number; totalMs: number };

export async function seedCustomers(
  client: SqlRunner,
  opts: { tenantId: string; ownerIds: string[]; count: number; chunk?: number; log?: (m: string) => void },
): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const chunk = opts.chunk ?? 250_000;
  const t0 = performance.now();
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set max_parallel_maintenance_workers = 1`);
  const { rows: idx } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = 'customers'
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const i of idx) await client.query(`drop index ${i.indexname}`);

  const insert = `
    insert into customers (tenant_id, code, kind, first_name, last_name, display_name, national_id, mobile,
                           owner_id, province_id, city_id, search_text, phone_digits, created_at, updated_at)
    select $1::uuid, code, 'natural', fn, ln, fn || ' ' || ln, nid, mob, owner, prov, prov * 1000 + 1 + floor(random() * 5)::int,
           lower(translate(fn || ' ' || ln || ' ' || fn || ' ' || ln || ' ' || code || ' ' || nid, 'آأإٱۀةە' || chr(8204), 'اااا' || 'ههه' || ' ')),
           substr(mob, 2), at, at
      from (select (${CODE_BASE} + i)::text as code,
                   ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int] as fn,
                   ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int] as ln,
                   -- i * odd-non-multiple-of-5 mod 10^10 is a bijection: unique, random-looking national IDs
                   lpad(((i::bigint * 2654435761 + 1234567891) % 10000000000)::text, 10, '0') as nid,
                   '09' || lpad(floor(random() * 1000000000)::bigint::text, 9, '0') as mob,
                   ($4::uuid[])[1 + (i % array_length($4::uuid[], 1))] as owner,
                   1 + floor(random() * 31)::int as prov,
                   now() - random() * interval '730 days' as at
              from generate_series($5::int, $6::int) as i
            offset 0) s`;
  for (let from = 1; from <= opts.count; from += chunk) {
    const to = Math.min(opts.count, from + chunk - 1);
    await client.query(insert, [opts.tenantId, FIRST_NAMES, LAST_NAMES, opts.ownerIds, from, to]);
    log(`customers ${to.toLocaleString('en-US')} / ${opts.count.toLocaleString('en-US')} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const t1 = performance.now();
  for (const i of idx) {
    const s = performance.now();
    await client.query(i.indexdef);
    log(`index ${i.indexname} ${((performance.now() - s) / 1000).toFixed(1)} s`);
  }
  const t2 = performance.now();
  await client.query('analyze customers');
  const t3 = performance.now();
  return { rows: opts.count, insertMs: t1 - t0, indexMs: t2 - t1, analyzeMs: t3 - t2, totalMs: t3 - t0 };
}
