/**
 * `npx tsx bench/customers.ts` (`npm run bench:customers`): customers at scale on PostgreSQL.
 *
 * A fresh database crm_bench_<random> (migrated + seedDemoCompany, see setup.ts), N customers bulk-seeded
 * by customers-seed.ts, then the real app over HTTP (buildApp, listen on 127.0.0.1:0, the demo admin's
 * bearer token) against the same SQL sent through `pg` directly ("raw"), for:
 *   search      GET /api/customers?q=…&limit=50, rotating among names, a mobile fragment and a code
 *   list        GET /api/customers?provinceId=4&sort=-createdAt&limit=50
 *   deep page   the same list after following nextCursor DEEP_PAGES times
 *   360° page   GET /api/customers/{id} + GET /api/customers/{id}/timeline, random ids (one sample = both)
 * The Markdown table is printed and written into docs/performance.md ("## Customers at scale …").
 *
 * Environment:
 *   BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_ENGINE=pglite the embedded PGlite instead (temp data dir, as `npm start` runs it; its own docs section)
 *   BENCH_CUSTOMERS     customers to seed (default 1000000; 100000 on PGlite)
 *   BENCH_CONCURRENCY   closed loops of the load generator for the loaded rows (default 8); targets are judged at 1
 *   BENCH_SECONDS       measured seconds per row (default 6), after BENCH_WARMUP seconds (default 1)
 *   BENCH_DOCS=0        do not write docs/performance.md
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { closedLoops, loopStats, type LoopResult as Result, type LoopStats as Stats } from './closed-loops.js';
import { envNumber as num, replaceDocSection, writeResults } from './report.js';


// ---------------------------------------------------------------------------------------------
// Load generator (child process): closed loops; one sample = one "sequence" of GETs done in order.
// ---------------------------------------------------------------------------------------------
type Job = { base: string; headers: Record<string, string>; sequences: string[][]; concurrency: number; warmupSeconds: number; seconds: number };


async function child(job: Job): Promise<Result> {
  const url = new URL(job.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const get = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request({ agent, host: url.hostname, port: url.port, path, method: 'GET', headers: job.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path} → ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`))));
      });
      req.on('error', reject);
      req.end();
    });
  const r = await closedLoops(job.concurrency, job.warmupSeconds, job.seconds, async (i) => {
    for (const p of job.sequences[i % job.sequences.length]!) await get(p);
  });
  agent.destroy();
  return r;
}


// ---------------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------------
async function main() {
  const pg = (await import('pg')).default;
  const { buildApp } = await import('../server/app.js');
  const { loadConfig } = await import('../server/platform/config.js');
  const { openBenchDatabase, ADMIN } = await import('./setup.js');
  const { seedCustomers, CODE_BASE } = await import('./customers-seed.js');
  type SqlRunner = import('./customers-seed.js').SqlRunner;
  const { searchNormalize, digitsOnly } = await import('../common/text.js');

  const engine = process.env.BENCH_ENGINE === 'pglite' ? ('pglite' as const) : ('postgres' as const);
  const settings = {
    databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    customers: Math.floor(num(process.env.BENCH_CUSTOMERS, engine === 'pglite' ? 100_000 : 1_000_000)),
    concurrency: Math.floor(num(process.env.BENCH_CONCURRENCY, 8)),
    seconds: num(process.env.BENCH_SECONDS, 6),
    warmupSeconds: num(process.env.BENCH_WARMUP, 1),
    docs: process.env.BENCH_DOCS !== '0',
  };
  const DEEP_PAGES = 20;
  const log = (m: string) => process.stderr.write(`[bench:customers] ${m}\n`);
  const started = new Date();
  const loadAtStart = loadavg();

  const loadApp = (base: string, headers: Record<string, string>, sequences: string[][], concurrency: number) =>
    new Promise<Result>((resolve, reject) => {
      const c = fork(fileURLToPath(import.meta.url), [], {
        execArgv: process.execArgv,
        env: { ...process.env, CUSTOMERS_BENCH_CHILD: '1' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let done = false;
      c.on('message', (m: { ok: boolean; result?: Result; error?: string }) => {
        done = true;
        if (m.ok && m.result) resolve(m.result);
        else reject(new Error(`load generator failed: ${m.error}`));
      });
      c.once('exit', (code) => !done && reject(new Error(`load generator exited with ${code}`)));
      c.send({ base, headers, sequences, concurrency, warmupSeconds: settings.warmupSeconds, seconds: settings.seconds } satisfies Job);
    });

  log(`creating, migrating and seeding the demo company`);
  const bench = await openBenchDatabase(engine, settings.databaseUrl, { pgliteDataDir: true });
  // "admin" (seed, sampling, EXPLAIN) and "pool" (the raw workloads): on PGlite both are the app's own
  // single connection, in this process, as there is no other way to reach an embedded database.
  const pgAdmin = engine === 'postgres' ? new pg.Client({ connectionString: bench.url! }) : null;
  const pgPool = engine === 'postgres' ? new pg.Pool({ connectionString: bench.url!, max: 10 }) : null;
  pgPool?.on('error', () => {});
  const runner = (c: { query: (...a: never[]) => unknown }): SqlRunner => ({ query: (text, values) => (c.query as (t: string, v?: unknown[]) => Promise<{ rows: never[] }>)(text, values) });
  const admin = runner(pgAdmin ?? bench.pglite!);
  const pool = runner(pgPool ?? bench.pglite!);
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await pgAdmin?.connect();
    const staff = (await admin.query<{ id: string }>('select id from users where tenant_id = $1 order by id', [bench.tenantId])).rows.map((r) => r.id);
    log(`seeding ${settings.customers.toLocaleString('en-US')} customers over ${staff.length} staff`);
    const seed = await seedCustomers(admin, { tenantId: bench.tenantId, ownerIds: staff, count: settings.customers, log });
    log(`seeded in ${(seed.totalMs / 1000).toFixed(1)} s (insert ${(seed.insertMs / 1000).toFixed(1)} s, indexes ${(seed.indexMs / 1000).toFixed(1)} s, analyze ${(seed.analyzeMs / 1000).toFixed(1)} s)`);
    const total = (await admin.query<{ n: number }>('select count(*)::int as n from customers')).rows[0]!.n;
    // The SQL-computed search_text / phone_digits must equal what the app would store.
    const { customerSearchText, customerPhoneDigits } = await import('../server/modules/customers/customers.repository.js');
    const sample = await admin.query<Record<string, string>>('select * from customers tablesample system (1) limit 300');
    for (const r of sample.rows) {
      const c = { displayName: r.display_name, firstName: r.first_name, lastName: r.last_name, code: r.code, nationalId: r.national_id, mobile: r.mobile };
      if (customerSearchText(c) !== r.search_text || customerPhoneDigits(c) !== r.phone_digits)
        throw new Error(`seeded search columns differ from the app's: ${JSON.stringify([r.search_text, customerSearchText(c), r.phone_digits, customerPhoneDigits(c)])}`);
    }
    const sizeMb = (await admin.query<{ n: string }>(`select pg_total_relation_size('customers') as n`)).rows[0]!.n;

    app = await buildApp({ config: { ...loadConfig({}), dataDir: bench.dataDir, logLevel: 'silent' }, database: bench.database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const base = `http://127.0.0.1:${address.port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const getJson = async <T>(path: string): Promise<T> => {
      const r = await fetch(base + path, { headers });
      if (r.status !== 200) throw new Error(`${path} → ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    };

    // ---- the workloads ----
    const someCode = String(CODE_BASE + Math.max(1, Math.floor(settings.customers * 0.37)));
    const searchTerms = ['رضایی', 'کریمی', 'علی محمدی', 'آزاده', '۰۹۱۲۳', toFa(someCode), 'نیک‌نام', 'سپهری'];
    const listPath = '/api/customers?provinceId=4&sort=-createdAt&limit=50';
    let cursor: string | null = null;
    for (let i = 0; i < DEEP_PAGES; i++) {
      const page: { nextCursor: string | null } = await getJson(`${listPath}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (!page.nextCursor) throw new Error(`list ran out of pages after ${i + 1}`);
      cursor = page.nextCursor;
    }
    const deepPath = `${listPath}&cursor=${encodeURIComponent(cursor!)}`;
    const [deepValue, deepId] = JSON.parse(Buffer.from(cursor!, 'base64url').toString('utf8')) as [string, string];
    const ids = (await admin.query<{ id: string }>('select id from customers tablesample system (1) order by random() limit 500')).rows.map((r) => r.id);

    const sanity = await getJson<{ items: unknown[] }>(`/api/customers?q=${encodeURIComponent('رضایی')}&limit=50`);
    if (sanity.items.length !== 50) throw new Error(`search sanity check: ${sanity.items.length} items`);

    // ---- raw: the same SQL shape through pg, no app ----
    const SELECT = `select c.*, c.created_at as sort_value, u.first_name || ' ' || u.last_name as owner_name, ot.name as org_type, src.name as source_name,
        p.name as province_name, ci.name as city_name
      from customers c
      left join users u on u.id = c.owner_id
      left join lookup_values ot on ot.id = c.organization_type_id
      left join lookup_values src on src.id = c.source_id
      left join provinces p on p.id = c.province_id
      left join cities ci on ci.id = c.city_id`;
    const searchSql = `${SELECT} where c.tenant_id = $1 and (c.search_text like $2 or c.phone_digits like $3) order by c.created_at desc, c.id desc limit 51`;
    const searchSqlNoPhone = `${SELECT} where c.tenant_id = $1 and (c.search_text like $2) order by c.created_at desc, c.id desc limit 51`;
    const searchParams = searchTerms.map((q) => {
      const digits = digitsOnly(q);
      return digits.length >= 3
        ? { text: searchSql, values: [bench.tenantId, `%${searchNormalize(q)}%`, `%${digits.replace(/^(98|0)/, '')}%`] }
        : { text: searchSqlNoPhone, values: [bench.tenantId, `%${searchNormalize(q)}%`] };
    });
    const listSql = `${SELECT} where c.tenant_id = $1 and c.province_id = $2 order by c.created_at desc, c.id desc limit 51`;
    const deepSql = `${SELECT} where c.tenant_id = $1 and c.province_id = $2 and (c.created_at, c.id) < ($3, $4) order by c.created_at desc, c.id desc limit 51`;
    const detail360 = async (id: string) => {
      await pool.query(`${SELECT} where c.tenant_id = $1 and c.id = $2 order by c.created_at desc, c.id desc limit 2`, [bench.tenantId, id]);
      await pool.query(`select * from customer_contacts where tenant_id = $1 and customer_id = $2 order by is_primary desc, created_at`, [bench.tenantId, id]);
      await pool.query(
        `select a.*, p.name, ci.name from customer_addresses a left join provinces p on p.id = a.province_id left join cities ci on ci.id = a.city_id
          where a.tenant_id = $1 and a.customer_id = $2 order by a.is_primary desc, a.created_at`,
        [bench.tenantId, id],
      );
      await pool.query(`select * from audit_log where tenant_id = $1 and entity = 'customer' and entity_id = $2 order by at desc, id desc limit 31`, [bench.tenantId, id]);
    };
    // PGlite answers in this process without real I/O, so a loop of its queries never lets the event loop reach the
    // timer that ends the measurement: each raw request on PGlite yields once (setImmediate, microseconds).
    const turn = () => new Promise<void>((r) => setImmediate(r));
    const raw = (concurrency: number, once: (i: number) => Promise<void>) =>
      closedLoops(concurrency, settings.warmupSeconds, settings.seconds, engine === 'pglite' ? async (i) => { await once(i); await turn(); } : once);

    type Scenario = { key: string; label: string; target: number; app: string[][]; raw: (i: number) => Promise<void>; explain: { text: string; values: unknown[] }[] };
    const scenarios: Scenario[] = [
      {
        key: 'search', label: `search \`GET /api/customers?q=…&limit=50\` (${searchTerms.length} queries in rotation)`, target: 50,
        app: searchTerms.map((q) => [`/api/customers?q=${encodeURIComponent(q)}&limit=50`]),
        raw: async (i) => { const q = searchParams[i % searchParams.length]!; await pool.query(q.text, q.values); },
        explain: searchParams,
      },
      {
        key: 'list', label: 'list page `?provinceId=4&sort=-createdAt&limit=50`', target: 30,
        app: [[listPath]],
        raw: async () => void (await pool.query(listSql, [bench.tenantId, 4])),
        explain: [{ text: listSql, values: [bench.tenantId, 4] }],
      },
      {
        key: 'deep', label: `the same list, page ${DEEP_PAGES + 1} (keyset cursor)`, target: 30,
        app: [[deepPath]],
        raw: async () => void (await pool.query(deepSql, [bench.tenantId, 4, deepValue, deepId])),
        explain: [{ text: deepSql, values: [bench.tenantId, 4, deepValue, deepId] }],
      },
      {
        key: '360', label: '360° page `GET /api/customers/{id}` + `…/{id}/timeline`, random ids', target: 50,
        app: ids.map((id) => [`/api/customers/${id}`, `/api/customers/${id}/timeline`]),
        raw: (i) => detail360(ids[i % ids.length]!),
        explain: [{ text: `${SELECT} where c.tenant_id = $1 and c.id = $2 limit 2`, values: [bench.tenantId, ids[0]] }],
      },
    ];

    // Targets are judged for one user at a time (concurrency 1, `judged`); on 2 cores, BENCH_CONCURRENCY closed loops
    // measure requests queueing behind each other as much as the request itself, so those rows are shown for context.
    const results: { s: Scenario; concurrency: number; judged: boolean; app: Stats; raw: Stats; why: string[] }[] = [];
    for (const s of scenarios) {
      for (const concurrency of [...new Set([1, settings.concurrency])]) {
        log(`${s.key}: app, ${settings.warmupSeconds}+${settings.seconds} s at concurrency ${concurrency}`);
        const a = await loadApp(base, headers, s.app, concurrency);
        if (a.firstError) log(`${s.key}: app errors, first: ${a.firstError}`);
        log(`${s.key}: raw`);
        const r = await raw(concurrency, s.raw);
        if (r.firstError) log(`${s.key}: raw errors, first: ${r.firstError}`);
        const as = loopStats(a);
        const rs = loopStats(r);
        log(`${s.key}: app p95 ${as.p95.toFixed(1)} ms ${as.rps.toFixed(0)} req/s; raw p95 ${rs.p95.toFixed(1)} ms ${rs.rps.toFixed(0)} req/s`);
        results.push({ s, concurrency, judged: concurrency === 1, app: as, raw: rs, why: [] });
      }
    }

    // EXPLAIN ANALYZE (as app_user under RLS, like the app) of the raw SQL of every missed target: the slowest variant's plan.
    const explains: string[] = [];
    for (const res of results) {
      if (!res.judged || res.app.p95 < res.s.target) continue;
      let worst = { ms: -1, plan: [] as string[], q: res.s.explain[0]! };
      for (const q of res.s.explain) {
        // As the app runs it (inTenant): app_user, tenant set, so row-level security applies.
        await admin.query('begin');
        await admin.query(`select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [bench.tenantId, bench.adminId]);
        await admin.query('set local role app_user');
        const { rows } = await admin.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.text}`, q.values);
        await admin.query('rollback');
        const plan = rows.map((x) => x['QUERY PLAN']);
        const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? 0);
        if (ms > worst.ms) worst = { ms, plan, q };
      }
      explains.push(`#### ${res.s.key}: ${worst.q.values.slice(1).join(', ')}\n\n\`\`\`\n${worst.plan.join('\n')}\n\`\`\``);
      res.why.push(`slowest variant under RLS ${worst.ms.toFixed(1)} ms (${String(worst.q.values[1] ?? '')})`);
    }

    // ---- report ----
    const cpu = cpus();
    const f = (n: number) => n.toFixed(1);
    const int = (n: number) => Math.round(n).toLocaleString('en-US');
    const lines: string[] = [];
    lines.push(
      `Run ${started.toISOString()} · N = **${int(total)}** customers (${(Number(sizeMb) / 2 ** 20).toFixed(0)} MiB with indexes) · Node ${process.version} · ` +
        `${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}) · ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · ` +
        `${engine === 'pglite' ? `PGlite (PostgreSQL ${bench.serverVersion.split(' ')[0]}) in this process, temp data dir` : `PostgreSQL ${bench.serverVersion.split(' ')[0]} on the same machine`} · ` +
        `load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    );
    lines.push('');
    lines.push(
      `Seed: ${f(seed.totalMs / 1000)} s (insert ${f(seed.insertMs / 1000)} s, rebuilding the table's ${'indexes'} ${f(seed.indexMs / 1000)} s, analyze ${f(seed.analyzeMs / 1000)} s). ` +
        `${settings.seconds} s measured per row after ${settings.warmupSeconds} s warm-up; targets judged at concurrency 1.`,
    );
    lines.push('');
    lines.push('| Workload | concurrency | app req/s | app p50 ms | app p95 ms | app p99 ms | raw req/s | raw p50 ms | raw p95 ms | raw p99 ms | app/raw p95 | target (app p95) | |');
    lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|');
    for (const { s, concurrency, judged, app: a, raw: r } of results) {
      const met = a.p95 < s.target;
      const verdict = judged ? (met ? 'met' : '**missed**') : '(under load, for context)';
      lines.push(
        `| ${s.label} | ${concurrency} | ${int(a.rps)} | ${f(a.p50)} | ${f(a.p95)} | ${f(a.p99)} | ${int(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${(a.p95 / r.p95).toFixed(2)}× | < ${s.target} ms | ${verdict}${a.errors || r.errors ? ` (errors: app ${a.errors}, raw ${r.errors})` : ''} |`,
      );
    }
    const md = lines.join('\n') + '\n';
    process.stdout.write(`\n${md}\n`);
    for (const e of explains) process.stdout.write(`${e}\n\n`);
    if (engine === 'pglite') {
      writeResults('customers-latest-pglite.md', `# Customers on PGlite\n\n${md}\n${explains.join('\n\n')}\n`);
      if (settings.docs) log(`wrote ${replaceDocSection(SECTION_PGLITE, pgliteSectionText(md, explains.length > 0))}`);
    } else writeResults('customers-latest.md', `# Customers at scale\n\n${md}\n${explains.join('\n\n')}\n`);
    if (settings.docs && engine === 'postgres') {
      const section = sectionText(md, settings, DEEP_PAGES, searchTerms, results.filter((x) => x.judged).map((x) => ({ key: x.s.key, why: x.why, met: x.app.p95 < x.s.target })));
      log(`wrote ${replaceDocSection(SECTION, section.slice(SECTION.length))}`);
    }
  } finally {
    await app?.close();
    await pgAdmin?.end().catch(() => {});
    await pgPool?.end().catch(() => {});
    await bench.drop();
  }
  process.exit(0);
}

const SECTION = '## Customers at scale (issue: customers)';
const SECTION_PGLITE = '## Customers at 100,000 on the embedded PGlite (issue: customers)';

function pgliteSectionText(md: string, missed: boolean) {
  return `The same workloads and targets as above, on the embedded database \`npm start\` runs (PGlite in the server's process,
data in a temp directory), with 100,000 customers: \`BENCH_ENGINE=pglite npx tsx bench/customers.ts\` (results also in
\`bench/results/customers-latest-pglite.md\`). *raw* is the same SQL sent straight to the PGlite instance in the same process
(no HTTP, no transaction, no RLS); PGlite has one connection, so the rows at concurrency 8 queue behind each other for app
and raw alike.

${md}
${missed ? '- Some targets missed: the plans are in `bench/results/customers-latest-pglite.md`.' : '- All targets met.'}
`;
}

function toFa(s: string) {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

function sectionText(
  md: string,
  settings: { customers: number; concurrency: number; seconds: number },
  deep: number,
  terms: string[],
  verdicts: { key: string; why: string[]; met: boolean }[],
) {
  const missed = verdicts.filter((v) => !v.met);
  return `${SECTION}

**Question:** with ${settings.customers.toLocaleString('en-US')} customers in one company, are search, a filtered list page and the
360° page fast enough, and how much of their time is the app rather than the database?

**Targets** (p95 of the app for one user's requests, i.e. concurrency 1, on a 2-core machine): search **< 50 ms**, list page
**< 30 ms** (first page and page ${deep + 1}), 360° page **< 50 ms** (both requests together), with 1,000,000 customers. The
rows at concurrency ${settings.concurrency} show the same requests queueing on the 2 cores; they are not judged.

Run it with \`npx tsx bench/customers.ts\` (\`BENCH_CUSTOMERS\`, \`BENCH_CONCURRENCY\`, \`BENCH_SECONDS\`, \`BENCH_DATABASE_URL\`;
see the header of \`bench/customers.ts\`). The latest table and plans are also written to \`bench/results/customers-latest.md\`.

- **Data.** A fresh PostgreSQL database (migrated, \`seedDemoCompany\`), then \`bench/customers-seed.ts\` inserts the customers
  as the connecting role with \`INSERT … SELECT … FROM generate_series\` (the table's secondary indexes are dropped first and
  rebuilt from their own definitions afterwards, then \`ANALYZE\`): natural persons, a random first name (40) and last name (60),
  7-digit codes, unique 10-digit national IDs, random \`09…\` mobiles, owners spread over the 7 demo staff, province 1–31 and
  city province×1000+1…5, \`created_at\` over the last 2 years, \`search_text\`/\`phone_digits\` computed in SQL as
  \`customerSearchText\`/\`customerPhoneDigits\` do. No contacts, addresses or audit rows, so the timeline is empty: the 360° row
  measures the fixed cost of the two requests, not a long history.
- **Search terms** (rotated): ${terms.map((t) => `«${t}»`).join(', ')}; the mobile fragment and the code also hit \`phone_digits\`.
- **App vs raw.** *app* = the real Fastify app over HTTP, the admin's bearer token, load generator in a child process.
  *raw* = the same SQL shape (same joins, \`limit 51\`) through a \`pg.Pool\` of 10 in the bench process, no HTTP, no
  transaction/\`set role\`/RLS (it runs as the connecting superuser); for the 360° row the four SELECTs the page needs.

${md}
${missed.length ? missed.map((v) => `- **${v.key} missed:** ${v.why.join('; ')}. WHY_${v.key}`).join('\n') : '- All targets met.'}
`;
}

if (process.env.CUSTOMERS_BENCH_CHILD === '1') {
  process.once('message', (job: Job) => {
    child(job).then(
      (result) => process.send!({ ok: true, result }, () => process.exit(0)),
      (err: unknown) => process.send!({ ok: false, error: String(err) }, () => process.exit(1)),
    );
  });
} else {
  await main();
}
