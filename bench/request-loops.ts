/**
 * Closed-loop HTTP load from a child process (so it never shares an event loop with the server under test):
 * `requestLoops` forks this file, which sends the given requests round-robin from `concurrency` keep-alive
 * loops (see closed-loops.ts) and reports every latency back. A request may carry its own headers (another
 * user's token). Answers ≥ 400 other than the `expected` statuses count as errors.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { closedLoops, type LoopResult } from './closed-loops.js';

export type LoopRequest = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
export type LoopJob = {
  base: string;
  headers: Record<string, string>;
  requests: LoopRequest[];
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
  expected?: number[];
};

async function run(job: LoopJob): Promise<LoopResult> {
  const url = new URL(job.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const expected = new Set(job.expected ?? []);
  const send = (r: LoopRequest) =>
    new Promise<number>((resolve, reject) => {
      const headers = { ...job.headers, ...r.headers, ...(r.body ? { 'content-type': 'application/json' } : {}) };
      const req = http.request({ agent, host: url.hostname, port: url.port, path: r.path, method: r.method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const s = res.statusCode ?? 0;
          if (s >= 400 && !expected.has(s)) reject(new Error(`${r.method} ${r.path} → ${s} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          else resolve(s);
        });
      });
      req.on('error', reject);
      req.end(r.body);
    });
  const result = await closedLoops(job.concurrency, job.warmupSeconds, job.seconds, (i) => send(job.requests[i % job.requests.length]!));
  agent.destroy();
  return result;
}

export function requestLoops(job: LoopJob): Promise<LoopResult> {
  return new Promise((resolve, reject) => {
    const c = fork(fileURLToPath(import.meta.url), [], { execArgv: process.execArgv, env: { ...process.env, REQUEST_LOOPS_CHILD: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done = false;
    c.on('message', (m: { ok: boolean; result?: LoopResult; error?: string }) => {
      done = true;
      if (m.ok && m.result) resolve(m.result);
      else reject(new Error(`load generator failed: ${m.error}`));
    });
    c.once('exit', (code) => !done && reject(new Error(`load generator exited with ${code}`)));
    c.send(job);
  });
}

if (process.env.REQUEST_LOOPS_CHILD === '1' && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.once('message', (job: LoopJob) => {
    run(job).then(
      (result) => process.send!({ ok: true, result }, () => process.exit(0)),
      (err: unknown) => process.send!({ ok: false, error: String(err) }, () => process.exit(1)),
    );
  });
}
