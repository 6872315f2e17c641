/**
 * The load generator, run as a child process (`child_process.fork`) so it never shares an event
 * loop with the server under test. Keep-alive HTTP/1.1, `concurrency` loops each sending one
 * request at a time (closed loop), a warm-up whose samples are discarded, then a measured window.
 *
 * Protocol (IPC with `serialization: 'advanced'`): the parent sends one `LoadJob`; the child sends
 * `{ type: 'window', phase: 'start' | 'end' }` around the measured window (so the parent can read its
 * own CPU usage for exactly that window), then `{ type: 'result', ok, result | error }` and exits.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';

export type LoadJob = {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
};

export type LoadResult = {
  /** Every measured latency in ms, sorted ascending (lets the parent merge rounds). */
  latencies: Float64Array;
  requests: number;
  errors: number;
  /** Status codes other than 200 (counted in `errors` too). */
  badStatus: Record<string, number>;
  elapsedSeconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanMs: number;
};

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export const percentileOf = percentile;

export type WindowHook = (phase: 'start' | 'end') => void;

export async function runLoad(job: LoadJob, onWindow: WindowHook = () => {}): Promise<LoadResult> {
  const url = new URL(job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency, maxFreeSockets: job.concurrency });
  const options: http.RequestOptions = {
    agent,
    host: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    method: 'GET',
    headers: job.headers,
  };

  let latencies = new Float64Array(1 << 20);
  let count = 0;
  let errors = 0;
  const badStatus: Record<string, number> = {};
  let measuring = false;
  let stopped = false;

  const record = (ms: number) => {
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = ms;
  };

  const once = () =>
    new Promise<void>((resolve) => {
      const start = process.hrtime.bigint();
      const req = http.request(options, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (measuring) {
            if (res.statusCode !== 200) {
              errors++;
              badStatus[String(res.statusCode)] = (badStatus[String(res.statusCode)] ?? 0) + 1;
            }
            record(Number(process.hrtime.bigint() - start) / 1e6);
          }
          resolve();
        });
        res.on('error', () => {
          if (measuring) errors++;
          resolve();
        });
      });
      req.on('error', () => {
        if (measuring) errors++;
        // Do not spin on a dead server.
        setTimeout(resolve, 10);
      });
      req.end();
    });

  const loop = async () => {
    while (!stopped) await once();
  };

  const loops = Array.from({ length: job.concurrency }, loop);
  await new Promise((r) => setTimeout(r, job.warmupSeconds * 1000));
  onWindow('start');
  measuring = true;
  const t0 = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, job.seconds * 1000));
  measuring = false;
  const elapsedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  onWindow('end');
  stopped = true;
  await Promise.all(loops);
  agent.destroy();

  const sorted = latencies.slice(0, count).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
  return {
    latencies: sorted,
    requests: count,
    errors,
    badStatus,
    elapsedSeconds,
    rps: count / elapsedSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : 0,
    meanMs: sorted.length ? sum / sorted.length : 0,
  };
}

// Only when forked as the entry point (run.ts imports the helpers above).
if (process.send && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.once('message', (job: LoadJob) => {
    runLoad(job, (phase) => process.send!({ type: 'window', phase })).then(
      (result) => process.send!({ type: 'result', ok: true, result }, () => process.exit(0)),
      (err: unknown) => process.send!({ type: 'result', ok: false, error: String((err as Error)?.stack ?? err) }, () => process.exit(1)),
    );
  });
}
