// What the benches share when they report: settings from the environment, the run's context line, the
// app-vs-raw latency table, the results file under bench/results and the section of docs/performance.md they
// own (replaced in place on a rerun, appended the first time).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoopStats } from './closed-loops.js';

const here = dirname(fileURLToPath(import.meta.url));

export function writeResults(file: string, text: string) {
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', file), text);
}

/** Replaces the `## …` section whose heading is `heading` (up to the next `## `) with `body`. */
export function replaceDocSection(heading: string, body: string): string {
  const doc = join(here, '..', 'docs', 'performance.md');
  let text = readFileSync(doc, 'utf8');
  const section = `${heading}\n\n${body.trim()}\n`;
  const at = text.indexOf(heading);
  if (at >= 0) {
    const next = text.indexOf('\n## ', at + heading.length);
    text = `${text.slice(0, at)}${section}${next >= 0 ? text.slice(next) : ''}`;
  } else text = `${text.trimEnd()}\n\n${section}`;
  writeFileSync(doc, text);
  return doc;
}

/** A positive number from the environment (BENCH_…), or the default. */
export const envNumber = (v: string | undefined, fallback: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback);

/** The first line of every results section: when, what was loaded, the machine and how busy it was. */
export function runContext(o: { started: Date; what: string; serverVersion: string; loadAtStart: number[]; seconds: number; warmupSeconds: number }): string {
  return `Run ${o.started.toISOString()} · ${o.what} · Node ${process.version} · ${cpus().length} cores · ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · PostgreSQL ${o.serverVersion.split(' ')[0]} on the same machine · load average at start ` +
    `${o.loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadavg().map((l) => l.toFixed(2)).join(' ')} · ` +
    `${o.seconds} s measured per row after ${o.warmupSeconds} s warm-up`;
}

/** One measured workload: the app over HTTP, optionally the same SQL straight through `pg` ("raw"); met = null is context only. */
export type LatencyRow = { label: string; concurrency: number; target: string; met: boolean | null; app: LoopStats; raw: LoopStats | null };

export const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** The markdown table of app vs raw latencies the HTTP benches print and write to the docs. */
export function latencyTable(rows: LatencyRow[]): string[] {
  const f = (n: number) => n.toFixed(1);
  const lines = [
    '| Workload | concurrency | app req/s | app p50 ms | app p95 ms | app p99 ms | raw req/s | raw p95 ms | app/raw p95 | answers | target | |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|---|',
  ];
  for (const { label, concurrency, target, met, app: a, raw: r } of rows) {
    const answers = Object.entries(a.statuses).map(([s, n]) => `${s}: ${int(n)}`).join(', ') + (a.errors ? `, errors ${a.errors}` : '');
    lines.push(`| ${label} | ${concurrency} | ${int(a.rps)} | ${f(a.p50)} | ${f(a.p95)} | ${f(a.p99)} | ${r ? int(r.rps) : '–'} | ${r ? f(r.p95) : '–'} | ${r ? `${(a.p95 / r.p95).toFixed(2)}×` : '–'} | ${answers} | ${target} | ${met === null ? '' : met ? 'met' : '**missed**'} |`);
  }
  return lines;
}
