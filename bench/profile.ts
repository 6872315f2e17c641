/**
 * CPU profile of this process (the server under test) while a load runs, via the inspector protocol,
 * and a Markdown summary: self time by area (Node core, each package, our code, GC, idle) and the
 * functions with the most inclusive time.
 */
import { Session } from 'node:inspector/promises';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] };

export async function profileWhile<T>(work: () => Promise<T>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await work();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    return profile;
  } finally {
    session.disconnect();
  }
}

const root = new URL('..', import.meta.url).href;

/** Which part of the stack a frame belongs to. */
export function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(idle)') return '(idle: event loop waiting)';
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(program)') return '(program: native/V8 not attributed)';
    return functionName ? `native ${functionName}` : '(native)';
  }
  if (url.startsWith('wasm://')) return 'PGlite (postgres compiled to wasm)';
  if (url.startsWith('node:')) {
    const m = /^node:(?:internal\/)?([^/]+)/.exec(url);
    return `node core: ${m?.[1] ?? url}`;
  }
  const rel = url.startsWith(root) ? url.slice(root.length) : url;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
  if (nm) return `pkg ${nm[1]}`;
  return rel.replace(/^file:\/\//, '');
}

const short = (f: CallFrame) => {
  const where = areaOf(f);
  const file = f.url.split('/').slice(-1)[0] ?? '';
  return `${f.functionName || '(anonymous)'} — ${where}${f.url && !where.includes(file) ? ` (${file}:${f.lineNumber + 1})` : `:${f.lineNumber + 1}`}`;
};

/** `requests`: how many requests the profiled window served, to express time per request. */
export function summarizeProfile(profile: CpuProfile, title: string, requests: number, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const selfArea = new Map<string, number>();
  const inclusiveFn = new Map<string, number>();
  const inclusiveArea = new Map<string, number>();
  let total = 0;
  let busy = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0);
    const leaf = byId.get(samples[i]!);
    if (!leaf) continue;
    total += dt;
    const area = areaOf(leaf.callFrame);
    selfArea.set(area, (selfArea.get(area) ?? 0) + dt);
    if (area.startsWith('(idle')) continue;
    busy += dt;
    const seen = new Set<string>();
    const seenArea = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (!f.url) continue;
      const a = areaOf(f);
      if (!seenArea.has(a)) {
        seenArea.add(a);
        inclusiveArea.set(a, (inclusiveArea.get(a) ?? 0) + dt);
      }
      const key = short(f);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusiveFn.set(key, (inclusiveFn.get(key) ?? 0) + dt);
    }
  }
  const pct = (v: number, of: number) => (of ? ((100 * v) / of).toFixed(1) : '0.0');
  // Sample times are in µs.
  const perReq = (v: number) => (requests ? (v / requests).toFixed(1) : '–');
  const lines = [
    `# CPU profile: ${title}`,
    '',
    `${(total / 1e6).toFixed(1)} s sampled, ${pct(busy, total)} % busy (not idle), ${requests} requests: ${perReq(busy)} µs of busy main-thread time per request.`,
    '',
  ];
  lines.push('## Self time by area', '', '| Area | % of busy | µs/req |', '|---|--:|--:|');
  for (const [area, v] of [...selfArea].filter(([a]) => !a.startsWith('(idle')).sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    lines.push(`| ${area} | ${pct(v, busy)} | ${perReq(v)} |`);
  }
  lines.push('', '## Inclusive time by area (a frame of that area anywhere on the stack)', '', '| Area | % of busy | µs/req |', '|---|--:|--:|');
  for (const [area, v] of [...inclusiveArea].sort((a, b) => b[1] - a[1]).slice(0, 30)) lines.push(`| ${area} | ${pct(v, busy)} | ${perReq(v)} |`);
  lines.push('', `## Inclusive time, top ${top} functions`, '', '| Function | % of busy | µs/req |', '|---|--:|--:|');
  for (const [fn, v] of [...inclusiveFn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| ${fn.replace(/\|/g, '\\|')} | ${pct(v, busy)} | ${perReq(v)} |`);
  return lines.join('\n') + '\n';
}
