// What the announcement tests share: calls as the admin (or a given token) and staff members who can log in.
import { bearer, login, type TestApp } from '../../../test-support/test-app.js';

export function announcementsKit(app: () => TestApp) {
  const api = (method: string, url: string, payload?: unknown, token = app().adminToken) =>
    app().app.inject({ method: method as 'GET', url, headers: bearer(token), ...(payload !== undefined ? { payload: payload as object } : {}) });
  /** The JSON of a 2xx answer; anything else fails the test with the body. */
  const ok = async (method: string, url: string, payload?: unknown, token?: string) => {
    const res = await api(method, url, payload, token);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  const addStaff = async (username: string, extra: Record<string, unknown>) => {
    const id = (await ok('POST', '/api/staff', { username, firstName: 'کاربر', lastName: username, password: 'Passw0rd-x', ...extra })).id as string;
    return { id, token: (await login(app().app, username, 'Passw0rd-x')).token };
  };
  return { api, ok, addStaff };
}
