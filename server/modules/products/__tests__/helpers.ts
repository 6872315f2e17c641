import type { TestApp } from '../../../test-support/test-app.js';
import { bearer } from '../../../test-support/test-app.js';

/** Small HTTP helpers over app.inject for the product tests. */
export function apiOf(t: TestApp, token = t.adminToken) {
  const h = bearer(token);
  const api = (method: string, url: string, payload?: unknown, headers = h) =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async <T = Record<string, unknown> & { id: string }>(method: string, url: string, payload?: unknown): Promise<T> => {
    const res = await api(method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
    return res.json() as T;
  };
  return { api, ok };
}

export const byPath = (body: { errors?: { path: string; message: string }[] }) =>
  Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.message]));

export async function unitIds(t: TestApp) {
  const { ok } = apiOf(t);
  const units = (await ok<{ items: { id: string; name: string }[] }>('GET', '/api/product-units')).items;
  return Object.fromEntries(units.map((u) => [u.name, u.id])) as Record<string, string>;
}
