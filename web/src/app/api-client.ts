// Thin fetch wrapper: same-origin cookies, JSON in/out, CSRF header on unsafe methods,
// RFC 9457 problem+json errors thrown as ApiError, 401 → login.

export type ProblemFieldError = { path: string; message: string };

export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: ProblemFieldError[];
};

export class ApiError extends Error {
  readonly status: number;
  readonly type: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly errors: ProblemFieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;
export type Query = Record<string, QueryValue>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not run the global 401 handler (login form, the initial /api/me probe). */
  skipAuthRedirect?: boolean;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_COOKIE = 'crm_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

let acceptLanguage = 'fa';
let onUnauthorized: () => void = () => {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname !== '/login') {
    window.location.assign(`/login?next=${encodeURIComponent(here)}`);
  }
};

/** Server messages (problem.detail) follow the UI language. */
export function setApiLocale(locale: string): void {
  acceptLanguage = locale;
}

/** The router installs a handler that navigates without a full reload. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const c = part.trim();
    if (c.startsWith(prefix)) return decodeURIComponent(c.slice(prefix.length));
  }
  return undefined;
}

/** `/api/x` + `{a: 1, b: undefined, c: ['p','q']}` → `/api/x?a=1&c=p&c=q`. Empty values are dropped. */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const v of value) params.append(key, String(v));
    } else {
      params.append(key, String(value));
    }
  }
  const qs = params.toString();
  if (!qs) return path;
  return path + (path.includes('?') ? '&' : '?') + qs;
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = { status: res.status, title: res.statusText };
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await res.json()) as Partial<Problem> | null;
    if (!body || typeof body !== 'object') return fallback;
    return { ...fallback, ...body, status: typeof body.status === 'number' ? body.status : res.status };
  } catch {
    return fallback;
  }
}

async function send(path: string, init: RequestInit, opts: RequestOptions): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'network_error', title: 'Network error' });
  }
  if (res.ok) return res;
  const problem = await readProblem(res);
  if (res.status === 401 && !opts.skipAuthRedirect) onUnauthorized();
  throw new ApiError(problem);
}

function baseHeaders(method: string, extra?: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage,
    ...extra,
  };
  if (UNSAFE.has(method)) {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  return headers;
}

async function parseBody<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  const text = await res.text();
  return (text === '' ? undefined : text) as T;
}

export async function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers = baseHeaders(method, opts.headers);
  const init: RequestInit = { method, headers, credentials: 'include' };
  if (opts.signal) init.signal = opts.signal;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  const res = await send(path, init, opts);
  return parseBody<T>(res);
}

/** multipart/form-data upload; the browser sets the boundary header itself. */
export async function apiUpload<T>(
  path: string,
  file: Blob,
  opts: { field?: string; fileName?: string; extra?: Record<string, string>; signal?: AbortSignal; method?: 'POST' | 'PUT' } = {},
): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.extra ?? {})) form.append(k, v);
  const name = opts.fileName ?? (file instanceof File ? file.name : 'upload');
  form.append(opts.field ?? 'file', file, name);
  const method = opts.method ?? 'POST';
  const init: RequestInit = { method, headers: baseHeaders(method), credentials: 'include', body: form };
  if (opts.signal) init.signal = opts.signal;
  const res = await send(path, init, {});
  return parseBody<T>(res);
}

type Opts = Omit<RequestOptions, 'method' | 'body'>;

export const api = {
  get: <T>(path: string, opts?: Opts) => apiRequest<T>(path, { ...opts, method: 'GET' }),
  post: <T>(path: string, body?: unknown, opts?: Opts) => apiRequest<T>(path, { ...opts, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, opts?: Opts) => apiRequest<T>(path, { ...opts, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, opts?: Opts) => apiRequest<T>(path, { ...opts, method: 'PATCH', body }),
  delete: <T>(path: string, opts?: Opts) => apiRequest<T>(path, { ...opts, method: 'DELETE' }),
  upload: apiUpload,
};

/** URL of a stored file (photos, logos, signatures). */
export function fileUrl(fileId: string | null | undefined): string | undefined {
  return fileId ? `/api/files/${encodeURIComponent(fileId)}` : undefined;
}
