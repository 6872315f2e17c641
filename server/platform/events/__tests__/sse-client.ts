import http from 'node:http';

export type SseMessage = { event: string; data: unknown };

/** A minimal EventSource over real HTTP (inject cannot stream): collects frames, waits for matches. */
export function openSse(baseUrl: string, token?: string) {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const changed = () => { for (const w of [...waiters]) w(); };
  let buffer = '';
  let ended = false;
  let resolveReady!: (r: { status: number; headers: http.IncomingHttpHeaders }) => void;
  let rejectReady!: (err: unknown) => void;
  const ready = new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((res, rej) => { resolveReady = res; rejectReady = rej; });

  const headers: Record<string, string> = { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const req = http.get(`${baseUrl}/api/events`, { headers }, (res) => {
    res.setEncoding('utf8');
    if (res.statusCode !== 200) resolveReady({ status: res.statusCode!, headers: res.headers });
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const lines = frame.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data !== undefined) messages.push({ event, data: JSON.parse(data) });
        else comments.push(frame);
        if (frame.startsWith('retry:')) resolveReady({ status: res.statusCode!, headers: res.headers });
      }
      changed();
    });
    res.on('close', () => { ended = true; changed(); });
  });
  req.on('error', (err) => { if (!ended) rejectReady(err); ended = true; changed(); });

  function waitUntil<T>(get: () => T | undefined, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = get();
        if (v === undefined) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(v);
      };
      const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out waiting for ${what}`)); }, ms);
      waiters.add(check);
      check();
    });
  }

  return {
    ready,
    messages,
    comments,
    get ended() { return ended; },
    close: () => req.destroy(),
    /** Resolves with the first message matching, or rejects after `ms`. */
    waitFor: (pred: (m: SseMessage) => boolean, ms = 5000) => waitUntil(() => messages.find(pred), ms, 'SSE message'),
    waitForEnd: (ms = 5000) => waitUntil(() => (ended ? true : undefined), ms, 'end of stream'),
  };
}

export async function waitForValue<T>(get: () => T | Promise<T>, expected: T, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while ((await get()) !== expected) {
    if (Date.now() > until) throw new Error(`value never became ${String(expected)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
