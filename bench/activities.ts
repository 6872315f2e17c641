/**
 * `npm run bench:activities`: activities and reminders at scale on PostgreSQL (issue: activities … SMS).
 *
 * A fresh database crm_bench_<random> (migrated + seedDemoCompany, see setup.ts), then activities-seed.ts:
 * BENCH_STAFF staff (default 100), BENCH_CUSTOMERS customers (200,000) and BENCH_ACTIVITIES activities
 * (10,000,000). The real app over HTTP (buildApp on 127.0.0.1:0 with the job scheduler running, load generator
 * in a child process) against the same SQL through `pg` directly ("raw"):
 *   mine       GET /api/activities/mine?bucket=today|overdue|upcoming — the page and its three counts — for the
 *              admin (scope all) and for a sales expert (scope own)                          target p95 < 30 ms
 *   timeline   GET /api/customers/{id}/timeline — every provider's newest items merged (activities by kind,
 *              notes, reminders, wall, SMS, history) — random customers, and the HOT_CUSTOMERS with ~10,000
 *              activities each                                                             target p95 < 30 ms
 *   (context)  the activities list filtered to "mine", and a text search, over the whole company
 * Latency targets are judged at concurrency 1 (one user's request); BENCH_CONCURRENCY (8) rows show them loaded.
 * Then BENCH_REMINDERS (10,000) reminders are set through the API for staff across the company, all due in
 * the same minute (half at its first second, the rest spread over it; every tenth also by SMS), and the bench
 * watches the scheduler deliver them: target all delivered within 60 s of their time.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_ACTIVITIES,
 * BENCH_STAFF, BENCH_CUSTOMERS, BENCH_REMINDERS, BENCH_CONCURRENCY (8), BENCH_SECONDS (6), BENCH_WARMUP (1), BENCH_DOCS=0,
 * BENCH_KEEP=1 (keep the database).
 */
import { loadavg } from 'node:os';
import { closedLoops, loopStats } from './closed-loops.js';
import { requestLoops, type LoopRequest } from './request-loops.js';
import { envNumber as num, int, latencyTable, replaceDocSection, runContext, writeResults, type LatencyRow } from './report.js';

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN);

async function main() {
  const pg = (await import('pg')).default;
  const { buildApp } = await import('../server/app.js');
  const { loadConfig } = await import('../server/platform/config.js');
  const { startScheduler } = await import('../server/platform/jobs/index.js');
  const { openBenchDatabase, ADMIN } = await import('./setup.js');
  const { seedActivities, HOT_CUSTOMERS } = await import('./activities-seed.js');
  const { dayBounds } = await import('../server/modules/activities/domain/day-bounds.js');
  const settings = {
    databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    activities: Math.floor(num(process.env.BENCH_ACTIVITIES, 10_000_000)),
    staff: Math.floor(num(process.env.BENCH_STAFF, 100)),
    customers: Math.floor(num(process.env.BENCH_CUSTOMERS, 200_000)),
    reminders: Math.floor(num(process.env.BENCH_REMINDERS, 10_000)),
    concurrency: Math.floor(num(process.env.BENCH_CONCURRENCY, 8)),
    seconds: num(process.env.BENCH_SECONDS, 6),
    warmupSeconds: num(process.env.BENCH_WARMUP, 1),
    docs: process.env.BENCH_DOCS !== '0',
    /** Leaves the seeded database behind (to EXPLAIN queries on it); drop it by hand afterwards. */
    keep: process.env.BENCH_KEEP === '1',
  };
  const log = (m: string) => process.stderr.write(`[bench:activities] ${m}\n`);
  const started = new Date();
  const loadAtStart = loadavg();

  log('creating, migrating and seeding the demo company');
  const bench = await openBenchDatabase('postgres', settings.databaseUrl);
  const admin = new pg.Client({ connectionString: bench.url! });
  const pool = new pg.Pool({ connectionString: bench.url!, max: 10 });
  pool.on('error', () => {});
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let scheduler: Awaited<ReturnType<typeof startScheduler>> | null = null;
  try {
    await admin.connect();
    log(`seeding ${settings.staff} staff, ${settings.customers.toLocaleString('en-US')} customers, ${settings.activities.toLocaleString('en-US')} activities`);
    const seed = await seedActivities(admin, { tenantId: bench.tenantId, ...settings, log });
    log(`seeded in ${(seed.ms / 1000).toFixed(1)} s`);
    const sizeMb = Number((await admin.query<{ n: string }>(`select pg_total_relation_size('activities') as n`)).rows[0]!.n) / 2 ** 20;

    app = await buildApp({ config: { ...loadConfig({}), dataDir: bench.dataDir, logLevel: 'silent' }, database: bench.database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    scheduler = await startScheduler({ database: bench.database, workerId: 'bench', onError: (err) => log(`job failed: ${String(err)}`) });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const base = `http://127.0.0.1:${address.port}`;
    const login = async (body: { username: string; password: string }) => {
      const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (r.status !== 200) throw new Error(`login ${body.username} failed: ${r.status} ${await r.text()}`);
      return { authorization: `Bearer ${((await r.json()) as { token: string }).token}` };
    };
    const adminAuth = await login(ADMIN);
    // A sales expert of the demo company: activities.view with scope "own".
    const expertAuth = await login({ username: 'maryam.hosseini', password: 'Demo1234' });
    const getJson = async <T>(path: string, headers = adminAuth): Promise<T> => {
      const r = await fetch(base + path, { headers });
      if (r.status !== 200) throw new Error(`${path} → ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    };

    const t = bench.tenantId;
    const q1 = async <T extends object>(text: string, params: unknown[]) => (await admin.query<T>(text, params)).rows;
    const [me] = await q1<{ id: string; n: string }>(`select u.id, (select count(*) from activities a where a.tenant_id = $1 and a.responsible_id = u.id) as n
        from users u where u.tenant_id = $1 and u.username = 'admin'`, [t]);
    const [expert] = await q1<{ id: string; n: string }>(`select u.id, (select count(*) from activities a where a.tenant_id = $1 and a.responsible_id = u.id) as n
        from users u where u.tenant_id = $1 and u.username = 'maryam.hosseini'`, [t]);
    const hot = (await q1<{ customer_id: string; n: string }>(
      `select customer_id, count(*) as n from activities where tenant_id = $1 and customer_id is not null group by 1 order by 2 desc limit ${HOT_CUSTOMERS}`, [t])).map((r) => r.customer_id);
    const hotSize = Number((await q1<{ n: string }>(`select count(*) as n from activities where tenant_id = $1 and customer_id = $2`, [t, hot.at(-1)]))[0]!.n);
    const normal = (await q1<{ id: string }>(`select id from customers where tenant_id = $1 and length(code) = 7 and not (id = any($2::uuid[])) order by random() limit 500`, [t, hot])).map((r) => r.id);
    const normalSize = Number((await q1<{ n: string }>(`select round(avg(n)) as n from (select count(*) as n from activities where tenant_id = $1 and customer_id = any($2::uuid[]) group by customer_id) s`, [t, normal]))[0]!.n);
    const sanity = await getJson<{ items: unknown[]; counts: { today: number; overdue: number; upcoming: number } }>('/api/activities/mine?bucket=today');
    log(`admin: ${Number(me!.n).toLocaleString('en-US')} activities, today ${sanity.counts.today}, overdue ${sanity.counts.overdue}, upcoming ${sanity.counts.upcoming}`);
    const timelineSanity = await getJson<{ items: unknown[] }>(`/api/customers/${hot[0]}/timeline?limit=30`);
    if (timelineSanity.items.length < 30) throw new Error(`hot timeline sanity check: ${timelineSanity.items.length} items`);

    const rows: LatencyRow[] = [];
    const raw = (concurrency: number, once: (i: number) => Promise<void>) => closedLoops(concurrency, settings.warmupSeconds, settings.seconds, async (i) => (await once(i), 200));
    const measure = async (label: string, concurrency: number, requests: LoopRequest[], rawOnce: ((i: number) => Promise<void>) | null, target: string, limitMs: number | null) => {
      log(`${label} (concurrency ${concurrency})`);
      const a = loopStats(await requestLoops({ base, headers: adminAuth, requests, concurrency, warmupSeconds: settings.warmupSeconds, seconds: settings.seconds }));
      const r = rawOnce ? loopStats(await raw(concurrency, rawOnce)) : null;
      log(`  app p95 ${a.p95.toFixed(1)} ms ${a.rps.toFixed(0)} req/s ${JSON.stringify(a.statuses)}${a.errors ? ` errors ${a.errors}` : ''}${r ? `; raw p95 ${r.p95.toFixed(1)} ms` : ''}`);
      rows.push({ label, concurrency, target, met: limitMs === null ? null : a.p95 < limitMs && a.errors === 0, app: a, raw: r });
    };

    // The page query of "today" in the app's shape (the two halves of "mine", names by subquery), without the
    // counts, the session, the transaction and row-level security.
    const mineSql = `select a.*, (select t.name from activity_types t where t.id = a.type_id) as type_name,
             (select r.first_name || ' ' || r.last_name from users r where r.id = a.responsible_id) as responsible_name,
             (select c.display_name from customers c where c.id = a.customer_id) as customer_name
        from activities a
       where a.tenant_id = $1 and a.starts_at >= $3 and a.starts_at < $4 and a.id in (
             (select id from activities where tenant_id = $1 and responsible_id = $2 and starts_at >= $3 and starts_at < $4 order by starts_at, id limit 51)
             union all
             (select a2.id from activity_invitees i join activities a2 on a2.tenant_id = i.tenant_id and a2.id = i.activity_id
               where i.tenant_id = $1 and i.user_id = $2 and i.starts_at >= $3 and i.starts_at < $4 and a2.responsible_id <> $2
               order by i.starts_at, i.activity_id limit 51))
       order by a.starts_at, a.id limit 51`;
    const { today, tomorrow } = dayBounds(new Date());
    const timelineSql = `select a.*, t.name from activities a join activity_types t on t.id = a.type_id
       where a.tenant_id = $1 and a.customer_id = $2 order by a.starts_at desc, a.id desc limit 31`;
    const buckets = ['today', 'overdue', 'upcoming'] as const;
    const mineReqs = buckets.map((b): LoopRequest => ({ method: 'GET', path: `/api/activities/mine?bucket=${b}` }));
    const expertReqs = mineReqs.map((r) => ({ ...r, headers: expertAuth }));
    const mineRaw = async () => void (await pool.query(mineSql, [t, me!.id, today, tomorrow]));
    const timelineReqs = (ids: string[]) => ids.map((id): LoopRequest => ({ method: 'GET', path: `/api/customers/${id}/timeline?limit=30` }));
    const timelineRaw = (ids: string[]) => async (i: number) => void (await pool.query(timelineSql, [t, ids[i % ids.length]]));

    const mineLabel = (who: string, n: number) => `my activities of ${who} (${int(n)} activities), today / overdue / upcoming in turn, each with the three counts`;
    await measure(mineLabel('the admin, scope all', Number(me!.n)), 1, mineReqs, mineRaw, 'p95 < 30 ms', 30);
    await measure(mineLabel('a sales expert, scope own', Number(expert!.n)), 1, expertReqs, null, 'p95 < 30 ms', 30);
    await measure(mineLabel('the admin, scope all', Number(me!.n)), settings.concurrency, mineReqs, mineRaw, '(under load, for context)', null);
    await measure(`customer timeline, 30 items, random customers (~${int(normalSize)} activities each)`, 1, timelineReqs(normal), timelineRaw(normal), 'p95 < 30 ms', 30);
    await measure(`customer timeline, 30 items, the ${HOT_CUSTOMERS} busiest customers (${int(hotSize)}+ activities each)`, 1, timelineReqs(hot), timelineRaw(hot), 'p95 < 30 ms', 30);
    await measure('customer timeline, random customers', settings.concurrency, timelineReqs(normal), timelineRaw(normal), '(under load, for context)', null);
    await measure('activities list, filter "mine", 50 newest (`GET /api/activities?mine=true&sort=-startsAt`)', 1,
      [{ method: 'GET', path: '/api/activities?mine=true&sort=-startsAt' }], null, '(context)', null);
    await measure('activities list, text search over the company (`GET /api/activities?q=…`)', 1,
      ['پیش فاکتور 12', 'رضایت', 'هماهنگی ارسال بار 77'].map((q): LoopRequest => ({ method: 'GET', path: `/api/activities?q=${encodeURIComponent(q)}` })), null, '(context)', null);

    // ---- 10,000 reminders due in one minute ----
    const staffIds = (await q1<{ id: string }>(`select id from users where tenant_id = $1 and active order by username`, [t])).map((r) => r.id);
    const minute = Math.ceil((Date.now() + 150_000) / 60_000) * 60_000;
    const dueOf = (i: number) => new Date(i % 2 === 0 ? minute : minute + (i % 60) * 1000);
    log(`setting ${int(settings.reminders)} reminders due at ${new Date(minute).toISOString()}`);
    const setStart = performance.now();
    let next = 0;
    let refused = 0;
    const setter = async () => {
      for (let i = next++; i < settings.reminders; i = next++) {
        const r = await fetch(`${base}/api/reminders`, {
          method: 'POST', headers: { ...adminAuth, 'content-type': 'application/json' },
          body: JSON.stringify({ text: `یادآور آزمایشی ${i}: تماس با مشتری`, dueAt: dueOf(i).toISOString(), recipientId: staffIds[i % staffIds.length], viaSms: i % 10 === 0 }),
        });
        if (r.status !== 201) {
          refused++;
          if (refused === 1) log(`reminder refused: ${r.status} ${await r.text()}`);
        } else await r.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: settings.concurrency }, setter));
    const setSeconds = (performance.now() - setStart) / 1000;
    if (Date.now() >= minute) throw new Error(`setting the reminders took ${setSeconds.toFixed(0)} s, past their minute`);
    log(`set in ${setSeconds.toFixed(1)} s (${refused} refused); waiting for ${new Date(minute).toISOString()}`);
    const deadline = minute + 180_000;
    let pendingDue = -1;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      if (Date.now() < minute + 60_000) continue;
      pendingDue = Number((await q1<{ n: string }>(`select count(*) as n from reminders where tenant_id = $1 and status = 'pending'`, [t]))[0]!.n);
      if (pendingDue === 0) break;
    }
    const late = (await q1<{ ms: string }>(`select extract(epoch from delivered_at - due_at) * 1000 as ms from reminders where tenant_id = $1 and status = 'delivered' order by 1`, [t])).map((r) => Number(r.ms));
    const [counts] = await q1<{ notifications: string; sms: string; last: string }>(
      `select (select count(*) from notifications where tenant_id = $1) as notifications,
              (select count(*) from sms_messages where tenant_id = $1 and reference like 'reminder:%') as sms,
              (select extract(epoch from max(delivered_at)) * 1000 - $2 from reminders where tenant_id = $1) as last`, [t, minute]);
    const delivered = late.length;
    const lastAfterMinute = Number(counts!.last) / 1000;
    const remindersMet = delivered === settings.reminders - refused && refused === 0 && pct(late, 100) <= 60_000;
    log(`delivered ${delivered} / ${settings.reminders}; lateness p50 ${pct(late, 50).toFixed(0)} ms, p95 ${pct(late, 95).toFixed(0)} ms, max ${pct(late, 100).toFixed(0)} ms`);

    // ---- report ----
    const f = (n: number) => n.toFixed(1);
    const lines: string[] = [
      runContext({ started, serverVersion: bench.serverVersion, loadAtStart, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds,
        what: `${settings.staff} staff, ${int(seed.customers)} customers, ${int(settings.activities)} activities, ${int(seed.invitees)} meeting invitations ` +
          `(activities ${sizeMb.toFixed(0)} MiB with indexes; seeded in ${f(seed.ms / 1000)} s)` }),
      '',
      ...latencyTable(rows),
      '',
    ];
    lines.push(
      `Reminders: ${int(settings.reminders)} set through \`POST /api/reminders\` at concurrency ${settings.concurrency} in ${f(setSeconds)} s ` +
        `(${int(settings.reminders / setSeconds)}/s, ${refused} refused), for ${staffIds.length} staff, all due in the minute from ${new Date(minute).toISOString()} ` +
        `(half at its first second, half spread over it; every tenth also by SMS). Delivered by the scheduler: ${int(delivered)}; ` +
        `late by p50 ${f(pct(late, 50) / 1000)} s, p95 ${f(pct(late, 95) / 1000)} s, max ${f(pct(late, 100) / 1000)} s after their own time; ` +
        `the last one ${f(lastAfterMinute)} s after the minute began; ${int(Number(counts!.notifications))} notifications, ${int(Number(counts!.sms))} SMS queued. ` +
        `Target: all delivered within 60 s — ${remindersMet ? 'met' : '**missed**'}.`,
    );
    const md = lines.join('\n') + '\n';
    process.stdout.write(`\n${md}\n`);
    writeResults('activities-latest.md', `# Activities and reminders at scale\n\n${md}`);
    if (settings.docs) log(`wrote ${replaceDocSection(SECTION, `${INTRO}\n\n${md}`)}`);
  } finally {
    await scheduler?.stop();
    await app?.close();
    await admin.end().catch(() => {});
    await pool.end().catch(() => {});
    if (settings.keep) log(`kept the database for inspection: ${bench.url}`);
    else await bench.drop();
  }
  process.exit(0);
}

const SECTION = '## Activities and reminders at scale (issue: activities … SMS)';
const INTRO = `**Targets** (PostgreSQL, 10,000,000 activities): my activities and a customer timeline page **p95 < 30 ms**;
**10,000 reminders** falling due in the same minute **all delivered within 60 s**.
Run with \`npm run bench:activities\` (see the header of \`bench/activities.ts\`); the seed is \`bench/activities-seed.ts\`.
*app* = the real app over HTTP (load generator in a child process), the job scheduler running in the same process as in
\`npm start\`; *raw* = the page's main query alone through a \`pg.Pool\` (no counts, session, transaction or row-level security).
Latency targets are judged at concurrency 1 (one user's request); the rows at concurrency 8 show the same requests queueing on 2 cores.

What the figures rest on (changes of 2026-12-02, found with this bench and EXPLAIN on its 10M-row database):
- **"Mine" is two index scans, not one OR.** "Responsible or invited" as one condition cannot be served by an index, so
  PostgreSQL read every activity of the period (or every pending one) and tested each: 385 ms p95 per request at 10M.
  Now the responsible half reads the (tenant, responsible, starts_at) indexes in page order, and the invited half reads the
  invitations by (tenant, user, starts_at) — each invitation keeps a copy of its meeting's time and status, kept in step by
  two triggers (migration 0016) whatever changes the meeting — joined to the meeting only for the rows in range.
- **Names by scalar subquery, not joins.** Joining types, users, customers and contacts cost more to plan (3–4 ms) than the
  page took to run, and under row-level security the planner misjudged the join and read a busy customer's whole history
  (100,000 activities) to sort it for the timeline; a subquery per name is planned once and run for the 30–50 rows shown.
- **One statement for the three counts**, one query for all activity kinds on the timeline (was one per kind), the actor
  names in the timeline's own transaction, and no invitee query for a page without meetings.
- **Reminders**: the sweep delivers 500 due reminders per transaction (one notification insert, one update); sweeps of
  the same company queued by the scheduler in one pass take turns instead of racing for the same rows. They are due
  within a poll of the scheduler (5 s): jobs for a future instant are found by polling, not by a NOTIFY.
- **Not indexed**: text search (\`q\`) over all of a company's activities is a sequential scan — several seconds at 10M
  alone, fast with any other filter (customer, staff, mine, period). A trigram index would cost ~1 GB and every write.`;

await main();
