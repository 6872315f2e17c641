/**
 * Bulk seed for `bench/activities.ts`: staff, customers and N activities for one tenant, written with
 * `INSERT … SELECT … FROM generate_series` as the connecting superuser (bypasses the app, audit and RLS),
 * with the activities table's secondary indexes dropped during the load and rebuilt from their own
 * `pg_indexes.indexdef` afterwards (so they are exactly the migrated ones).
 *
 * Shape (a telemarketing-heavy company): STAFF responsible users — the demo company's staff plus generated
 * ones — each with
 * N / STAFF activities spread over the last three years and the next 30 days (about 90 a day each at 10M).
 * Kinds are skewed as in real use: calls 50 %, tasks 15 %, SMS 12 %, meetings 10 %, emails 8 %, visits 5 %.
 * Past activities are done, 1 % still open (overdue) and 1 % canceled; future ones are open; every fifth is a
 * follow-up. 90 % are about a customer: 2 % of all rows go to HOT_CUSTOMERS customers (about 10,000 each at
 * 10M — the longest timelines), the rest uniformly over the others. One meeting in ten invites a colleague.
 */
import type pg from 'pg';

export const HOT_CUSTOMERS = 20;
export type ActivitySeed = { staff: number; customers: number; activities: number; invitees: number; ms: number };

export async function seedActivities(
  client: pg.Client,
  opts: { tenantId: string; staff: number; customers: number; activities: number; log?: (m: string) => void },
): Promise<ActivitySeed> {
  const log = opts.log ?? (() => {});
  const { tenantId: t, activities: N } = opts;
  const t0 = performance.now();
  const step = async (what: string, q: string, params: unknown[] = []) => {
    const s = performance.now();
    const r = await client.query(q, params);
    log(`${what} ${((performance.now() - s) / 1000).toFixed(1)} s`);
    return r;
  };
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`set max_parallel_maintenance_workers = 1`);

  const existing = (await client.query<{ n: number }>(`select count(*)::int as n from users where tenant_id = $1`, [t])).rows[0]!.n;
  const extra = Math.max(0, opts.staff - existing);
  await step(`staff ${extra}`, `
    insert into users (tenant_id, username, password_hash, first_name, last_name, mobile, search_text)
    select $1, 'bench.user' || lpad(i::text, 4, '0'), 'x', 'کارشناس', 'شماره ' || i, '0912' || lpad((5000000 + i)::text, 7, '0'),
           'bench.user' || lpad(i::text, 4, '0') || ' کارشناس شماره ' || i
      from generate_series(1, $2::int) i`, [t, extra]);
  await client.query(`create temp table bu as select row_number() over (order by username) as n, id from users where tenant_id = $1`, [t]);
  const staff = (await client.query<{ n: number }>(`select count(*)::int as n from bu`)).rows[0]!.n;

  const { seedCustomers } = await import('./customers-seed.js');
  const ownerIds = (await client.query<{ id: string }>(`select id from bu order by n`)).rows.map((r) => r.id);
  await seedCustomers(client, { tenantId: t, ownerIds, count: opts.customers, log });
  await client.query(`create temp table bc as select row_number() over (order by code) as n, id from customers where tenant_id = $1 and length(code) = 7 and code >= '1000001'`, [t]);
  const customers = (await client.query<{ n: number }>(`select count(*)::int as n from bc`)).rows[0]!.n;
  // Kinds by weight: a slot 0..99 picks the type.
  await client.query(`create temp table bk as
    select s as slot, t.id as type_id, t.kind from generate_series(0, 99) s
      join activity_types t on t.tenant_id = $1 and t.is_system and t.kind = case
        when s < 50 then 'call' when s < 65 then 'task' when s < 77 then 'sms' when s < 87 then 'meeting' when s < 95 then 'email' else 'visit' end`, [t]);
  await client.query(`create index on bu (n); create index on bc (n); create index on bk (slot); analyze bu; analyze bc; analyze bk`);

  const { rows: idx } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = 'activities'
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const i of idx) await client.query(`drop index ${i.indexname}`);
  await client.query(`set session_replication_role = replica`);
  const subjects = ['تماس پیگیری سفارش', 'جلسه معرفی محصول', 'ارسال پیش‌فاکتور', 'بازدید از فروشگاه', 'پیگیری پرداخت', 'تماس رضایت‌سنجی', 'هماهنگی ارسال بار', 'تمدید قرارداد'];
  const chunk = 1_000_000;
  for (let from = 1; from <= N; from += chunk) {
    const to = Math.min(N, from + chunk - 1);
    // The user is i mod STAFF; everything else is drawn from r (from i / STAFF) so that no user gets only one kind
    // or status. starts_at scrambles i over the span, so each chunk covers the whole period.
    await step(`activities ${to.toLocaleString('en-US')} / ${N.toLocaleString('en-US')}`, `
      insert into activities (tenant_id, type_id, kind, subject, starts_at, ends_at, status, responsible_id, created_by, link_type, link_id,
                              customer_id, direction, is_follow_up, completed_at, search_text, created_at, updated_at)
      select $1, k.type_id, k.kind, subj, s, s + interval '15 minutes',
             case when s >= now() then 'open' when r % 100 = 0 then 'open' when r % 100 = 1 then 'canceled' else 'done' end,
             u.id, u.id, case when c.id is not null then 'customer' end, c.id, c.id,
             case when k.kind = 'call' then case when r % 2 = 0 then 'out' else 'in' end end,
             r % 5 = 0, case when s < now() and r % 100 > 1 then s + interval '15 minutes' end,
             lower(replace(subj, chr(8204), ' ')), s, s
        from (select i, (i / $5) * 53 + 17 as r, ($4::text[])[1 + ((i / $5) * 53 + 17) % array_length($4::text[], 1)] || ' ' || i as subj,
                     now() - interval '1095 days' + ((i * 2654435761) % 97372800) * interval '1 second' as s
                from generate_series($2::bigint, $3::bigint) i) g
        join bk k on k.slot = (g.r * 37) % 100
        join bu u on u.n = 1 + g.i % $5
        left join bc c on g.r % 10 <> 3 and c.n = case when g.r % 50 = 1 then 1 + (g.i / 5000) % ${HOT_CUSTOMERS} else 1 + ${HOT_CUSTOMERS} + (g.i * 7919) % ($6 - ${HOT_CUSTOMERS}) end`,
      [t, from, to, subjects, staff, customers]);
  }
  await client.query(`set session_replication_role = origin`);
  for (const i of idx) await step(`index ${i.indexname}`, i.indexdef);
  const inv = await step('meeting invitees', `
    insert into activity_invitees (tenant_id, activity_id, user_id)
    select a.tenant_id, a.id, u.id from activities a
      join bu u on u.n = 1 + abs(hashtext(a.id::text)) % $2
     where a.tenant_id = $1 and a.kind = 'meeting' and abs(hashtext(a.id::text) / 7) % 10 = 0 and u.id <> a.responsible_id`, [t, staff]);
  await step('vacuum analyze', `vacuum analyze activities, activity_invitees, customers, users`);
  return { staff, customers, activities: N, invitees: inv.rowCount ?? 0, ms: performance.now() - t0 };
}
