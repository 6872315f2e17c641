/**
 * `npx tsx bench/customers-import.ts` (`npm run bench:import`): importing a large XLSX of customers.
 *
 * Builds one XLSX of N rows with ExcelJS's streaming writer (a temp file; columns: name, last name,
 * national ID, mobile, province, city, address), then for each engine runs, in a child process of its
 * own (so its peak RSS is the server's alone: the app runs in-process, and on PGlite so does the database):
 *   the real app over HTTP (buildApp, listen on 127.0.0.1:0, the demo admin's bearer token, the job
 *   scheduler running as in server/main.ts): upload + preview → validation pass (queued: poll while
 *   'validating', then its report) → start → poll the import until it is done; wall time and the server
 *   process's CPU time per phase (CPU time is steadier than wall time on a shared machine; on PGlite it
 *   includes the database); RSS sampled every 50 ms and the process's maxRSS.
 * On PostgreSQL it then copies the imported customers out (`COPY … TO STDOUT`, CSV) and times
 * `COPY customers_copy (…) FROM STDIN` of exactly those rows into a fresh table of the same shape
 * (`create table … (like customers including all)`: same columns, defaults, constraints and indexes,
 * trigram GIN indexes included), through `psql` (pg-copy-streams is not a dependency), in the same run.
 *
 * Environment:
 *   BENCH_IMPORT_ROWS   rows in the file (default 100000)
 *   BENCH_ENGINES       pglite,postgres (default both)
 *   BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_PGLITE_DIR=0  PGlite in memory instead of a temp data directory (the default, as `npm start` runs it)
 *   BENCH_PROFILE=1     also CPU-profile the flow: bench/results/profile-import-<engine>.md; =preview, =validation or =job
 *                       profiles that phase only (profile-import-<engine>-<phase>.md)
 *   BENCH_BUILD_ONLY=<path>  only write the XLSX there (for profiling the readers alone)
 */
import { fork, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { envNumber as num } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const log = (m: string) => process.stderr.write(`[bench:import] ${m}\n`);
const mb = (bytes: number) => bytes / 2 ** 20;

type Engine = 'pglite' | 'postgres';
type ChildJob = { engine: Engine; file: string; rows: number; databaseUrl: string; pgliteDir: boolean; profile: string | null };
type Phase = { name: string; ms: number; cpuMs: number };
type ChildResult = {
  engine: Engine;
  serverVersion: string;
  phases: Phase[];
  totalMs: number;
  rssBaseline: number;
  rssPeakSampled: number;
  maxRss: number;
  heapPeak: number;
  /** User + system CPU of the server process during the flow (on PGlite the database included). */
  cpuMs: number;
  summary: Record<string, unknown>;
  copy?: { rows: number; ms: number; method: string; csvBytes: number };
};

// ---------------------------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------------------------
const FIRST = ['علی', 'محمد', 'زهرا', 'فاطمه', 'رضا', 'مریم', 'حسین', 'سارا', 'مهدی', 'نرگس', 'امیر', 'الهام', 'حمید', 'لیلا', 'کاظم', 'یاسمن'];
const LAST = ['رضایی', 'کریمی', 'محمدی', 'احمدی', 'حسینی', 'موسوی', 'جعفری', 'صادقی', 'نیک‌نام', 'سپهری', 'کاظمی', 'قاسمی', 'رحیمی', 'عباسی', 'نوری', 'یوسفی'];
const STREETS = ['خیابان ولیعصر', 'خیابان انقلاب', 'بلوار کشاورز', 'خیابان آزادی', 'کوچه بهار', 'خیابان شریعتی'];
const fa = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

function nationalId(nine: string) {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const r = sum % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

async function buildXlsx(path: string, rows: number) {
  const ExcelJS = (await import('exceljs')).default;
  const geo = JSON.parse(readFileSync(join(here, '..', 'server', 'modules', 'geo', 'data', 'iran-provinces-cities.json'), 'utf8')) as {
    provinces: { name: string; cities: string[] }[];
  };
  // Cities whose name is unique in their province (the import resolves a city within the row's province).
  const places = geo.provinces.flatMap((p) => p.cities.slice(0, 4).map((c) => [p.name, c] as const));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('مشتریان');
  ws.addRow(['نام', 'نام خانوادگی', 'کد ملی', 'موبایل', 'استان', 'شهر', 'نشانی']).commit();
  for (let i = 0; i < rows; i++) {
    const nid = nationalId(String(123_456_789 + i));
    const mobile = `0912${String(1_000_000 + i).padStart(7, '0')}`;
    const [province, city] = places[i % places.length]!;
    // Every fourth row with Persian digits, as people type them.
    const digits = i % 4 === 0 ? fa : (s: string) => s;
    ws.addRow([
      FIRST[i % FIRST.length], LAST[(i * 7) % LAST.length], digits(nid), digits(mobile), province, city,
      `${STREETS[i % STREETS.length]}، پلاک ${fa(String((i % 400) + 1))}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

// ---------------------------------------------------------------------------------------------
// Child: one engine
// ---------------------------------------------------------------------------------------------
async function runEngine(job: ChildJob): Promise<ChildResult> {
  const { buildApp } = await import('../server/app.js');
  const { loadConfig } = await import('../server/platform/config.js');
  const { openBenchDatabase, ADMIN } = await import('./setup.js');
  const { seedGeo } = await import('../server/modules/geo/index.js');
  const { startScheduler } = await import('../server/platform/jobs/index.js');
  await import('../server/modules/customers/import/import.job.js');

  const bench = await openBenchDatabase(job.engine, job.databaseUrl, { pgliteDataDir: job.pgliteDir });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let scheduler: Awaited<ReturnType<typeof startScheduler>> | null = null;
  let sampler: NodeJS.Timeout | null = null;
  try {
    await seedGeo(bench.database.db);
    app = await buildApp({ config: { ...loadConfig({}), dataDir: bench.dataDir, logLevel: 'silent' }, database: bench.database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    scheduler = await startScheduler({ database: bench.database, workerId: `bench:${process.pid}`, pollMs: 1000, onError: (err) => log(`job error: ${String(err)}`) });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const base = `http://127.0.0.1:${address.port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const r = await fetch(base + path, {
        method, headers: { ...auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (r.status !== 200) throw new Error(`${method} ${path} → ${r.status} ${(await r.text()).slice(0, 400)}`);
      return (await r.json()) as T;
    };

    global.gc?.();
    await new Promise((r) => setTimeout(r, 200));
    const rssBaseline = process.memoryUsage().rss;
    log(`${job.engine}: app ready, rss ${mb(rssBaseline).toFixed(0)} MiB (maxRSS so far ${mb(process.resourceUsage().maxRSS * 1024).toFixed(0)} MiB)`);
    let rssPeakSampled = rssBaseline;
    let heapPeak = process.memoryUsage().heapUsed;
    sampler = setInterval(() => {
      const m = process.memoryUsage();
      rssPeakSampled = Math.max(rssPeakSampled, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 50);

    const phases: Phase[] = [];
    const { profileWhile, summarizeProfile } = await import('./profile.js');
    let flowResult!: Awaited<ReturnType<typeof flow>>;
    const profile = await (job.profile === '1' ? profileWhile : (w: () => Promise<unknown>) => w().then(() => null))(async () => { flowResult = await flow(); });
    if (profile) {
      mkdirSync(join(here, 'results'), { recursive: true });
      writeFileSync(join(here, 'results', `profile-import-${job.engine}.md`), summarizeProfile(profile, `import of ${job.rows} rows, ${job.engine}`, job.rows, 40));
    }
    const { imp, totalMs, cpuMs } = flowResult;
    clearInterval(sampler);
    sampler = null;
    if (imp.status !== 'done' || imp.created !== job.rows) throw new Error(`import ended ${imp.status}, created ${imp.created}: ${imp.error}`);
    const maxRss = process.resourceUsage().maxRSS * 1024;

    let copy: ChildResult['copy'];
    if (job.engine === 'postgres') copy = await copyReference(bench.url!, bench.tenantId, job.rows);

    return {
      engine: job.engine, serverVersion: bench.serverVersion, phases, totalMs, rssBaseline, rssPeakSampled, maxRss, heapPeak, cpuMs,
      summary: { totalRows: imp.totalRows, created: imp.created, skipped: imp.skipped, rejected: imp.rejected }, ...(copy ? { copy } : {}),
    };

    async function flow() {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const cpuNow = () => { const u = process.cpuUsage(cpu0); return (u.user + u.system) / 1000; };
    let t = t0;
    let c = 0;
    const lap = (name: string) => {
      const now = performance.now();
      const cpu = cpuNow();
      phases.push({ name, ms: now - t, cpuMs: cpu - c });
      log(`${job.engine}: ${name} ${((now - t) / 1000).toFixed(1)} s (server CPU ${((cpu - c) / 1000).toFixed(1)} s), rss ${mb(process.memoryUsage().rss).toFixed(0)} MiB`);
      t = now;
      c = cpu;
    };

    // One phase alone under the profiler (BENCH_PROFILE=<phase>).
    const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      if (job.profile !== name) return work();
      let result!: T;
      const p = await profileWhile(async () => { result = await work(); });
      mkdirSync(join(here, 'results'), { recursive: true });
      writeFileSync(join(here, 'results', `profile-import-${job.engine}-${name}.md`), summarizeProfile(p, `${name} of an import of ${job.rows} rows, ${job.engine}`, job.rows, 40));
      return result;
    };

    // 1. upload + preview
    const form = new FormData();
    form.append('file', new Blob([readFileSync(job.file)]), 'customers-bench.xlsx');
    const pr = await phase('preview', () => fetch(`${base}/api/customers/imports/preview`, { method: 'POST', headers: auth, body: form }));
    if (pr.status !== 200) throw new Error(`preview → ${pr.status} ${await pr.text()}`);
    const preview = (await pr.json()) as { fileId: string; totalRows: number; suggestedMapping: Record<string, string> };
    if (preview.totalRows !== job.rows) throw new Error(`preview counted ${preview.totalRows} rows`);
    lap('upload + preview');

    // 2. validation pass (as the wizard does it: POST, then poll while it is not finished)
    type Imp = { id: string; status: string; totalRows: number; processedRows: number; created: number; skipped: number; rejected: number; error: string | null };
    const body = { fileId: preview.fileId, mapping: preview.suggestedMapping, policy: 'skip', matchFields: ['nationalId'] };
    const { validation, v } = await phase('validation', async () => {
      const validation = await call<{ id: string; status: string; totalRows: number; rejectedCount: number; wouldCreate: number; rejected?: unknown[] }>('POST', '/api/customers/imports', body);
      let v: Imp = await call<Imp>('GET', `/api/customers/imports/${validation.id}`);
      while (v.status === 'validating') {
        await new Promise((r) => setTimeout(r, 200));
        v = await call<Imp>('GET', `/api/customers/imports/${validation.id}`);
      }
      return { validation, v };
    });
    if (v.status !== 'validated') throw new Error(`validation ended ${v.status}: ${v.error}`);
    const report = await call<{ rejectedCount: number; wouldCreate: number; valid: number }>('GET', `/api/customers/imports/${validation.id}/validation`).catch(() => validation);
    if (report.rejectedCount !== 0) throw new Error(`validation rejected ${report.rejectedCount} rows: ${JSON.stringify(validation.rejected?.slice(0, 3))}`);
    lap('validation pass');

    // 3. start, 4. the job
    await call('POST', `/api/customers/imports/${validation.id}/start`);
    lap('start');
    const imp = await phase('job', async () => {
      for (;;) {
        const imp = await call<Imp>('GET', `/api/customers/imports/${validation.id}`);
        if (imp.status === 'done' || imp.status === 'failed') return imp;
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    lap('job (poll until done)');
    return { imp, totalMs: performance.now() - t0, cpuMs: cpuNow() };
    }
  } finally {
    if (sampler) clearInterval(sampler);
    await scheduler?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await bench.drop();
  }
}

/** The imported customers, out as CSV and back in with COPY FROM STDIN into a same-shaped fresh table. */
async function copyReference(url: string, tenantId: string, rows: number) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-copy-'));
  try {
    const cols = (await c.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'customers' and table_schema = 'public' and is_generated = 'NEVER' order by ordinal_position`,
    )).rows.map((r) => `"${r.column_name}"`).join(', ');
    const csvPath = join(dir, 'customers.csv');
    await psql(url, `\\copy (select ${cols} from customers where tenant_id = '${tenantId}' order by code) to '${csvPath}' with (format csv)`);
    await c.query('drop table if exists customers_copy');
    await c.query('create table customers_copy (like customers including all)');
    await c.query('checkpoint');
    const t = performance.now();
    await psql(url, `copy customers_copy (${cols}) from stdin with (format csv)`, csvPath);
    const ms = performance.now() - t;
    const n = Number((await c.query<{ n: string }>('select count(*) as n from customers_copy')).rows[0]!.n);
    if (n !== rows) throw new Error(`COPY loaded ${n} rows, expected ${rows}`);
    await c.query('drop table customers_copy');
    return { rows: n, ms, method: 'psql `COPY … FROM STDIN` (CSV)', csvBytes: statSync(csvPath).size };
  } finally {
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

function psql(url: string, command: string, stdinFile?: string) {
  return new Promise<void>((resolve, reject) => {
    const p = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { stdio: [stdinFile ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    if (stdinFile) createReadStream(stdinFile).pipe(p.stdin!);
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${err}`))));
  });
}

// ---------------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------------
async function main() {
  const settings = {
    rows: Math.floor(num(process.env.BENCH_IMPORT_ROWS, 100_000)),
    engines: (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((s) => s.trim()).filter(Boolean) as Engine[],
    databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    pgliteDir: process.env.BENCH_PGLITE_DIR !== '0',
  };
  const started = new Date();
  const loadAtStart = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-import-'));
  const file = join(dir, 'customers.xlsx');
  try {
    log(`building a ${settings.rows.toLocaleString('en-US')}-row XLSX (streaming writer)`);
    const tb = performance.now();
    await buildXlsx(file, settings.rows);
    const buildMs = performance.now() - tb;
    const size = statSync(file).size;
    log(`built in ${(buildMs / 1000).toFixed(1)} s, ${mb(size).toFixed(1)} MiB`);

    const results: ChildResult[] = [];
    for (const engine of settings.engines) {
      log(`${engine}: starting`);
      results.push(await new Promise<ChildResult>((resolve, reject) => {
        const c = fork(fileURLToPath(import.meta.url), [], {
          execArgv: [...process.execArgv, '--expose-gc'],
          env: { ...process.env, IMPORT_BENCH_CHILD: '1' },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        let done = false;
        c.on('message', (m: { ok: boolean; result?: ChildResult; error?: string }) => {
          done = true;
          if (m.ok && m.result) resolve(m.result);
          else reject(new Error(`${engine} failed: ${m.error}`));
        });
        c.once('exit', (code) => !done && reject(new Error(`${engine} child exited with ${code}`)));
        c.send({ engine, file, rows: settings.rows, databaseUrl: settings.databaseUrl, pgliteDir: settings.pgliteDir, profile: process.env.BENCH_PROFILE || null } satisfies ChildJob);
      }));
    }

    const s = (ms: number) => (ms / 1000).toFixed(1);
    const cpu = cpus();
    const lines: string[] = [];
    lines.push(
      `Run ${started.toISOString()} · ${settings.rows.toLocaleString('en-US')} rows, XLSX ${mb(size).toFixed(1)} MiB (built in ${s(buildMs)} s) · Node ${process.version} · ` +
        `${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}) · ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, ` +
        `at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    );
    lines.push('');
    const phaseNames = [...new Set(results.flatMap((r) => r.phases.map((p) => p.name)))];
    lines.push(`| Engine | ${phaseNames.join(' s | ')} s | total s | server CPU s | rows/s | RSS before MiB | peak RSS during import MiB | process maxRSS MiB | peak heap MiB | COPY s | import / COPY | target < 20 s, < 500 MiB |`);
    lines.push(`|---|${phaseNames.map(() => '--:').join('|')}|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|`);
    const pgCopy = results.find((r) => r.copy)?.copy;
    for (const r of results) {
      const engine = r.engine === 'pglite' ? `PGlite 0.5.16 (${settings.pgliteDir ? 'temp data dir' : 'in memory'})` : `PostgreSQL ${r.serverVersion.split(' ')[0]}`;
      const peak = r.rssPeakSampled;
      const met = r.totalMs < 20_000 && peak < 500 * 2 ** 20;
      lines.push(
        `| ${engine} | ${phaseNames.map((n) => s(r.phases.find((p) => p.name === n)?.ms ?? NaN)).join(' | ')} | ${s(r.totalMs)} | ${s(r.cpuMs)} | ${Math.round(settings.rows / (r.totalMs / 1000)).toLocaleString('en-US')} | ` +
          `${mb(r.rssBaseline).toFixed(0)} | ${mb(peak).toFixed(0)} | ${mb(r.maxRss).toFixed(0)} | ${mb(r.heapPeak).toFixed(0)} | ${pgCopy ? s(pgCopy.ms) : '–'} | ${pgCopy ? `${(r.totalMs / pgCopy.ms).toFixed(0)}×` : '–'} | ${met ? 'met' : '**missed**'} |`,
      );
    }
    if (pgCopy) {
      lines.push('');
      lines.push(`COPY reference: ${pgCopy.rows.toLocaleString('en-US')} rows (the imported customers, ${mb(pgCopy.csvBytes).toFixed(1)} MiB of CSV) into \`customers_copy (like customers including all)\` with ${pgCopy.method}, ${s(pgCopy.ms)} s (${Math.round(pgCopy.rows / (pgCopy.ms / 1000)).toLocaleString('en-US')} rows/s).`);
    }
    const md = lines.join('\n') + '\n';
    process.stdout.write(`\n${md}\n`);
    mkdirSync(join(here, 'results'), { recursive: true });
    writeFileSync(join(here, 'results', 'customers-import-latest.md'), `# Customer import\n\n${md}\n\`\`\`json\n${JSON.stringify(results, null, 2)}\n\`\`\`\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.IMPORT_BENCH_CHILD === '1') {
  process.once('message', (job: ChildJob) => {
    runEngine(job).then(
      (result) => process.send!({ ok: true, result }, () => process.exit(0)),
      (err: unknown) => process.send!({ ok: false, error: err instanceof Error ? err.stack : String(err) }, () => process.exit(1)),
    );
  });
} else if (process.env.BENCH_BUILD_ONLY) {
  await buildXlsx(process.env.BENCH_BUILD_ONLY, Math.floor(num(process.env.BENCH_IMPORT_ROWS, 100_000)));
} else {
  await main();
}
