// The load shape every HTTP bench uses: `concurrency` closed loops (each sends its next request when the
// previous one answers), a warm-up whose samples are dropped, then the measured window; and the
// percentiles taken from it. A sample is whatever `once` does (one request, or a page's sequence of them).
import { performance } from 'node:perf_hooks';

export type LoopResult = { latencies: number[]; statuses: Record<string, number>; errors: number; firstError: string | null; elapsedSeconds: number };
export type LoopStats = { rps: number; p50: number; p95: number; p99: number; n: number; errors: number; statuses: Record<string, number> };

/** `once` may return the HTTP status of its answer; thrown errors are counted (the first is kept) and not timed. */
export async function closedLoops(concurrency: number, warmupSeconds: number, seconds: number, once: (i: number) => Promise<number | void>): Promise<LoopResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let firstError: string | null = null;
  let measuring = false;
  let stop = false;
  let n = 0;
  const loop = async () => {
    while (!stop) {
      const i = n++;
      const t = performance.now();
      try {
        const status = await once(i);
        if (measuring) {
          latencies.push(performance.now() - t);
          if (typeof status === 'number') statuses[status] = (statuses[status] ?? 0) + 1;
        }
      } catch (err) {
        if (measuring) {
          errors++;
          firstError ??= String(err);
        }
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  const elapsedSeconds = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  return { latencies, statuses, errors, firstError, elapsedSeconds };
}

export function loopStats(r: LoopResult): LoopStats {
  const s = Float64Array.from(r.latencies).sort();
  const pct = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : NaN);
  return { rps: s.length / r.elapsedSeconds, p50: pct(50), p95: pct(95), p99: pct(99), n: s.length, errors: r.errors, statuses: r.statuses };
}
