import { bearer, createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';

export type NotesFixture = Awaited<ReturnType<typeof notesFixture>>;
type Headers = Record<string, string>;

const grant = (scope: string, ...perms: string[]) => perms.map((permission) => ({ permission, scope }));
/** What a sales colleague has: the customers, notes (with export), the wall and change history. */
export const COLLEAGUE_GRANTS = grant('all', 'customers.view', 'notes.view', 'notes.create', 'notes.export', 'posts.view', 'posts.create', 'audit.view');

/** A company, its administrator, a customer, the note's author and a colleague who both see that customer. */
export async function notesFixture() {
  const t: TestApp = await createTestApp();
  const admin = bearer(t.adminToken);
  const api = (method: string, url: string, headers: Headers, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (method: string, url: string, headers: Headers, payload?: unknown) => {
    const res = await api(method, url, headers, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  const customer = await ok('POST', '/api/customers', admin, { kind: 'legal', companyName: 'شرکت فولاد البرز', mobile: '09121112233' });
  const user = async (username: string, grants = COLLEAGUE_GRANTS, extra: Record<string, unknown> = {}) => {
    const u = await userWithGrants(t, username, grants, extra);
    return { ...u, h: bearer(u.token) };
  };
  const author = await user('author');
  const colleague = await user('colleague');
  return { t, admin, api, ok, customer, user, author, colleague, grant, close: () => t.close() };
}
