import { bearer, createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';

export type Fixture = Awaited<ReturnType<typeof activitiesFixture>>;
type Json = Record<string, unknown>;

/** A company with its admin, a customer with a contact, and helpers for the activities API. */
export async function activitiesFixture() {
  const t: TestApp = await createTestApp();
  // 10:30 in Tehran on Monday 20 Esfand 1403: "today" is a known day.
  t.clock.now = new Date('2025-03-10T07:00:00Z');
  const h = bearer(t.adminToken);
  const api = (method: string, url: string, payload?: unknown, headers: Record<string, string> = h) =>
    t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (method: string, url: string, payload?: unknown, headers?: Record<string, string>) => {
    const res = await api(method, url, payload, headers);
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  const types = (await ok('GET', '/api/activity-types')).items as { id: string; name: string; kind: string }[];
  const typeId = (name: string) => types.find((x) => x.name === name)!.id;
  const customer = await ok('POST', '/api/customers', {
    kind: 'legal', companyName: 'شرکت پارس تجهیز', mobile: '09121234567', contacts: [{ firstName: 'مریم', lastName: 'احمدی', position: 'مدیر خرید' }],
  });
  const activity = (body: Json, headers?: Record<string, string>) =>
    ok('POST', '/api/activities', { typeId: typeId('تماس'), subject: 'تماس معرفی', startsAt: '1403/12/20 11:00', customerId: customer.id, ...body }, headers);
  const user = (name: string, grants: { permission: string; scope: string }[]) => userWithGrants(t, name, grants);
  const auditOf = async (id: string) => (await ok('GET', `/api/audit-log?entity=activity&entityId=${id}`)).items as { action: string; changes: { field: string; before: unknown; after: unknown }[] }[];
  return { t, h, api, ok, types, typeId, customer, contactId: customer.contacts[0].id as string, activity, user, auditOf, close: () => t.close() };
}

export const ALL_ACTIVITY_GRANTS = (scope: string) =>
  ['view', 'create', 'edit', 'delete', 'export'].map((op) => ({ permission: `activities.${op}`, scope }));
