/**
 * `npm run bench`: requests/s and latency of an authenticated request (GET /api/me, bearer token) on
 * the real app, against a bare node:http server doing the same session lookup through the same driver
 * ("raw database") and a bare hello-world server, on PGlite and on PostgreSQL, in one run.
 *
 * Environment:
 *   BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres); a fresh
 *                       database crm_bench_<random> is created on it and dropped afterwards
 *   BENCH_ENGINES       comma list, default "pglite,postgres"
 *   BENCH_CONCURRENCY   concurrent keep-alive connections of the load generator (default 32)
 *   BENCH_WARMUP        warm-up seconds before every measured slice, discarded (default 2)
 *   BENCH_SECONDS       measured seconds per row (default 8)
 *   BENCH_ROUNDS        each engine's rows are measured in this many rounds of BENCH_SECONDS / BENCH_ROUNDS
 *                       slices, servers in rotation (default 4), so background load on a shared machine
 *                       hits all of them alike; every slice has its own warm-up
 *   BENCH_PREPARED=0    skip the extra reference row "raw, SELECT as a prepared statement" (what a named
 *                       prepared session lookup would give; not what the app does today)
 *   BENCH_PROFILE=1     after the measurements, profile the server process under the same load (one more
 *                       pass per server, not in the table) and write bench/results/profile-<engine>-<server>.md
 *                       plus the .cpuprofile (open it in Chrome DevTools)
 *   BENCH_OUT           where to write the Markdown results (default bench/results/latest.md)
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/platform/config.js';
import { percentileOf, type LoadJob, type LoadResult } from './load.js';
import { ADMIN, EXTRA_SESSIONS, openBenchDatabase, type BenchDatabase, type Engine } from './setup.js';
import { pgLookup, pgPreparedLookup, pgliteLookup, pglitePreparedLookup, sessionLookupSql, startHelloServer, startRawServer, type Running } from './servers.js';
import { profileWhile, summarizeProfile } from './profile.js';

const here = dirname(fileURLToPath(import.meta.url));
const PGLITE_VERSION = (() => {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const pkg = join(entry.slice(0, entry.lastIndexOf('@electric-sql/pglite') + '@electric-sql/pglite'.length), 'package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
})();
/** openDatabase's default pool size, which the app runs with. */
const APP_POOL_SIZE = 10;
const num = (v: string | undefined, fallback: number, min = Number.MIN_VALUE) =>
  v && Number.isFinite(Number(v)) && Number(v) >= min ? Number(v) : fallback;

const settings = {
  databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  engines: (process.env.BENCH_ENGINES || 'pglite,postgres').split(',').map((s) => s.trim()).filter(Boolean) as Engine[],
  concurrency: Math.floor(num(process.env.BENCH_CONCURRENCY, 32, 1)),
  warmupSeconds: num(process.env.BENCH_WARMUP, 2, 0),
  seconds: num(process.env.BENCH_SECONDS, 8),
  rounds: Math.floor(num(process.env.BENCH_ROUNDS, 4, 1)),
  prepared: process.env.BENCH_PREPARED !== '0',
  profile: process.env.BENCH_PROFILE === '1',
  out: process.env.BENCH_OUT || join(here, 'results', 'latest.md'),
};
for (const e of settings.engines) if (e !== 'pglite' && e !== 'postgres') throw new Error(`unknown engine in BENCH_ENGINES: ${e}`);

/** One measured pass of the load generator, with the server process's CPU and event-loop use in its window. */
type Pass = { result: LoadResult; cpuMicros: number; elu: number };

type Row = {
  key: 'hello' | 'app' | 'raw' | 'prepared';
  engine: string;
  server: string;
  passes: Pass[];
  sqlPerRequest: number | null;
};

type Merged = Omit<LoadResult, 'latencies'> & { cpuPerRequestMicros: number; elu: number };

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** The load generator in its own process, so it never competes with the server for the event loop. */
function load(url: string, headers: Record<string, string>, seconds: number, warmupSeconds = settings.warmupSeconds): Promise<Pass> {
  const job: LoadJob = { url, headers, concurrency: settings.concurrency, warmupSeconds, seconds };
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'load.ts'), [], {
      // tsx's loader flags, but not --cpu-prof & co. if the parent runs under a profiler.
      execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof') && !a.startsWith('--inspect')),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    let settled = false;
    let cpu0 = process.cpuUsage();
    let elu0 = performance.eventLoopUtilization();
    let cpuMicros = 0;
    let elu = 0;
    child.on('message', (m: { type: 'window'; phase: 'start' | 'end' } | { type: 'result'; ok: boolean; result?: LoadResult; error?: string }) => {
      if (m.type === 'window') {
        if (m.phase === 'start') {
          cpu0 = process.cpuUsage();
          elu0 = performance.eventLoopUtilization();
        } else {
          const d = process.cpuUsage(cpu0);
          cpuMicros = d.user + d.system;
          elu = performance.eventLoopUtilization(elu0).utilization;
        }
        return;
      }
      settled = true;
      if (m.ok && m.result) resolve({ result: m.result, cpuMicros, elu });
      else reject(new Error(`load generator failed: ${m.error}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with ${code} before reporting`));
    });
    child.send(job);
  });
}

function merge(passes: Pass[]): Merged {
  const n = passes.reduce((a, p) => a + p.result.latencies.length, 0);
  const all = new Float64Array(n);
  let at = 0;
  for (const p of passes) {
    all.set(p.result.latencies, at);
    at += p.result.latencies.length;
  }
  all.sort();
  const sum = (f: (p: Pass) => number) => passes.reduce((a, p) => a + f(p), 0);
  const requests = sum((p) => p.result.requests);
  const elapsedSeconds = sum((p) => p.result.elapsedSeconds);
  const badStatus: Record<string, number> = {};
  for (const p of passes) for (const [k, v] of Object.entries(p.result.badStatus)) badStatus[k] = (badStatus[k] ?? 0) + v;
  return {
    requests,
    errors: sum((p) => p.result.errors),
    badStatus,
    elapsedSeconds,
    rps: requests / elapsedSeconds,
    p50: percentileOf(all, 50),
    p95: percentileOf(all, 95),
    p99: percentileOf(all, 99),
    max: all.length ? all[all.length - 1]! : 0,
    meanMs: sum((p) => p.result.meanMs * p.result.requests) / Math.max(1, requests),
    cpuPerRequestMicros: sum((p) => p.cpuMicros) / Math.max(1, requests),
    elu: sum((p) => p.elu * p.result.elapsedSeconds) / Math.max(1e-9, elapsedSeconds),
  };
}

/** Statements sent to the engine per request, measured on sequential requests outside the timed window. */
async function sqlPerRequest(bench: BenchDatabase, url: string, headers: Record<string, string>, n = 200): Promise<number> {
  const before = bench.queries();
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
  return (bench.queries() - before) / n;
}

async function measure(label: string, url: string, headers: Record<string, string>, seconds: number): Promise<Pass> {
  log(`${label}: ${settings.warmupSeconds}s warm-up + ${seconds}s at concurrency ${settings.concurrency}`);
  const p = await load(url, headers, seconds);
  const r = p.result;
  log(
    `${label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ` +
      `server CPU ${(p.cpuMicros / Math.max(1, r.requests)).toFixed(0)} µs/req, ELU ${(p.elu * 100).toFixed(0)} %, errors ${r.errors}`,
  );
  return p;
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function benchEngine(engine: Engine, rows: Row[], notes: string[]) {
  log(`${engine}: creating, migrating and seeding the database`);
  const bench = await openBenchDatabase(engine, settings.databaseUrl);
  const engineLabel = engine === 'pglite' ? `PGlite ${PGLITE_VERSION} (in memory, PostgreSQL ${bench.serverVersion.split(' ')[0]})` : `PostgreSQL ${bench.serverVersion.split(' ')[0]}`;
  let app: FastifyInstance | null = null;
  let raw: Running | null = null;
  let prepared: Running | null = null;
  let pool: pg.Pool | null = null;
  try {
    // (1) the real app, as `main.ts` serves it (logger off).
    app = await buildApp({ config: { ...loadConfig({}), dataDir: bench.dataDir, logLevel: 'silent' }, database: bench.database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const appUrl = `http://127.0.0.1:${address.port}/api/me`;
    const token = await login(`http://127.0.0.1:${address.port}`);
    const headers = { authorization: `Bearer ${token}` };

    const me = await fetch(appUrl, { headers });
    const meBody = (await me.json()) as { user?: { username?: string }; permissions?: Record<string, string> };
    if (me.status !== 200 || meBody.user?.username !== ADMIN.username) throw new Error(`GET /api/me sanity check failed: ${me.status} ${JSON.stringify(meBody)}`);
    const sessionsCount = ((await bench.database.db.execute(sql`select count(*)::int as n from sessions`)) as unknown as { rows: { n: number }[] }).rows[0]?.n;

    // (2) raw: bare node:http + the same driver (PGlite: the same instance; PostgreSQL: a pg.Pool of the
    // app's size), sending the very SQL text findSession sends. All servers stay up so rounds can alternate.
    const text = await sessionLookupSql();
    if (engine === 'pglite') {
      raw = await startRawServer(pgliteLookup(bench.pglite!, text));
      if (settings.prepared) prepared = await startRawServer(await pglitePreparedLookup(bench.pglite!, text));
    } else {
      pool = new pg.Pool({ connectionString: bench.url!, max: APP_POOL_SIZE });
      pool.on('error', () => {}); // see setup.ts: a late termination while dropping the database
      raw = await startRawServer(pgLookup(pool, text));
      if (settings.prepared) prepared = await startRawServer(pgPreparedLookup(pool, text));
    }

    const targets = [
      { key: 'app' as const, server: 'app: Fastify `GET /api/me`', url: appUrl },
      { key: 'raw' as const, server: 'raw: `node:http` + driver, same SELECT', url: `${raw.url}/` },
      ...(prepared ? [{ key: 'prepared' as const, server: 'raw, SELECT as a prepared statement (not what the app does)', url: `${prepared.url}/` }] : []),
    ];
    const passes = new Map<string, Pass[]>(targets.map((t) => [t.key, []]));
    const sqlPer = new Map<string, number>();
    for (const t of targets) sqlPer.set(t.key, await sqlPerRequest(bench, t.url, headers));

    const slice = settings.seconds / settings.rounds;
    for (let round = 1; round <= settings.rounds; round++) {
      // Rotate the order, so no server always follows the same one.
      const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]!);
      for (const t of order) passes.get(t.key)!.push(await measure(`${engine} ${t.key} (round ${round}/${settings.rounds})`, t.url, headers, slice));
    }
    for (const t of targets) rows.push({ key: t.key, engine: engineLabel, server: t.server, passes: passes.get(t.key)!, sqlPerRequest: sqlPer.get(t.key)! });

    notes.push(
      `${engineLabel}: demo company from \`seedDemoCompany\` (7 staff), ${sessionsCount} rows in \`sessions\` (${EXTRA_SESSIONS} extra); ` +
        `the admin's token (${Object.keys(meBody.permissions ?? {}).length} permissions, /api/me body ${Buffer.byteLength(JSON.stringify(meBody))} bytes).`,
    );

    if (settings.profile) {
      for (const t of targets) {
        const base = join(dirname(settings.out), `profile-${engine}-${t.key}`);
        log(`${engine} ${t.key}: profiling one more pass (not in the table)`);
        // No warm-up (the server is warm by now), so every profiled request is counted.
        let pass: Pass | null = null;
        const profile = await profileWhile(async () => {
          pass = await load(t.url, headers, slice, 0);
        });
        const requests = (pass as Pass | null)?.result.requests ?? 0;
        writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
        writeFileSync(`${base}.md`, summarizeProfile(profile, `${engineLabel}, ${t.server}, concurrency ${settings.concurrency}`, requests));
        log(`${engine} ${t.key}: wrote ${base}.md and .cpuprofile`);
      }
    }
  } finally {
    await app?.close();
    await raw?.close();
    await prepared?.close();
    await pool?.end();
    await bench.drop();
  }
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${int(Math.abs(n))}`;

function render(rows: Row[], notes: string[], started: Date, load: number[]): string {
  const cpu = cpus();
  const lines: string[] = [];
  lines.push(
    `Run ${started.toISOString()} · Node ${process.version} · ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}) · ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · ` +
      `load average (1/5/15 min) at start ${load.map((l) => l.toFixed(2)).join(' ')}, at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  lines.push('');
  lines.push(
    `Load: Node \`http\` client (keep-alive) in a child process, concurrency ${settings.concurrency}; each row is ${settings.seconds} s measured, ` +
      `in ${settings.rounds} slice(s) taken in rotation with the other servers of the same engine, each after its own ${settings.warmupSeconds} s warm-up. ` +
      'Server CPU is the CPU time of the server process per request (for PGlite that includes the database; for PostgreSQL the backends are not counted); ELU is the event-loop utilisation of the server process.',
  );
  lines.push('');
  lines.push('| Engine | Server | req/s | p50 ms | p95 ms | p99 ms | server CPU µs/req | ELU | SQL statements/req | errors |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  const merged = new Map(rows.map((r) => [r, merge(r.passes)]));
  for (const r of rows) {
    const m = merged.get(r)!;
    const errors = m.errors ? `${m.errors} ${JSON.stringify(m.badStatus)}` : '0';
    lines.push(
      `| ${r.engine} | ${r.server} | ${int(m.rps)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${int(m.cpuPerRequestMicros)} | ${fmt(m.elu * 100, 0)} % | ` +
        `${r.sqlPerRequest === null ? '–' : fmt(r.sqlPerRequest, 1)} | ${errors} |`,
    );
  }
  lines.push('');
  const engines = [...new Set(rows.filter((r) => r.key === 'app').map((r) => r.engine))];
  if (engines.length) {
    lines.push('| Engine | app / raw req/s | per round: median (min–max) | app / raw p50 latency | app − raw server CPU per request | target: app ≥ 50 % of raw req/s |');
    lines.push('|---|--:|--:|--:|--:|---|');
    for (const e of engines) {
      const app = rows.find((r) => r.engine === e && r.key === 'app');
      const raw = rows.find((r) => r.engine === e && r.key === 'raw');
      if (!app || !raw) continue;
      const a = merged.get(app)!;
      const b = merged.get(raw)!;
      const ratio = a.rps / b.rps;
      const rounds = app.passes.map((p, i) => p.result.rps / raw.passes[i]!.result.rps).sort((x, y) => x - y);
      const mid = rounds.length % 2 ? rounds[(rounds.length - 1) / 2]! : (rounds[rounds.length / 2 - 1]! + rounds[rounds.length / 2]!) / 2;
      const pc = (x: number) => `${fmt(x * 100, 0)} %`;
      lines.push(
        `| ${e} | ${pc(ratio)} | ${pc(mid)} (${pc(rounds[0]!)}–${pc(rounds[rounds.length - 1]!)}) | ${fmt(a.p50 / b.p50, 2)}× | ` +
          `${signed(a.cpuPerRequestMicros - b.cpuPerRequestMicros)} µs | ${ratio >= 0.5 ? 'met' : '**missed**'} |`,
      );
    }
    lines.push('');
  }
  for (const n of notes) lines.push(`- ${n}`);
  return lines.join('\n') + '\n';
}

async function main() {
  const started = new Date();
  const loadAtStart = loadavg();
  const rows: Row[] = [];
  const notes: string[] = [];
  mkdirSync(dirname(settings.out), { recursive: true });

  const hello = await startHelloServer();
  try {
    rows.push({ key: 'hello', engine: '–', server: 'hello world: bare `node:http`', passes: [await measure('hello', `${hello.url}/`, {}, settings.seconds)], sqlPerRequest: null });
  } finally {
    await hello.close();
  }
  for (const engine of settings.engines) await benchEngine(engine, rows, notes);

  const md = render(rows, notes, started, loadAtStart);
  writeFileSync(settings.out, `# Benchmark: authenticated request (GET /api/me)\n\n${md}`);
  process.stdout.write(`\n${md}\nwritten to ${settings.out}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
