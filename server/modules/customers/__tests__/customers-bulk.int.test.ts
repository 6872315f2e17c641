import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { inTenant } from '../../../platform/db/transactions.js';
import type { Ctx } from '../../../platform/context.js';
import { insertCustomersBulk } from '../customers.bulk.js';

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  ctx = {
    db: t.app.db, tenantId: t.tenantId, userId: t.adminId, requestId: 'test', now: () => new Date(),
    principal: { kind: 'user', tenantId: t.tenantId, tenantName: '', userId: t.adminId, apiKeyId: null, unitId: null, isAdmin: true, permissions: {}, locale: 'fa', sessionId: null, csrfToken: null, viaCookie: false },
  };
});
afterAll(async () => { await t?.close(); });

const h = () => bearer(t.adminToken);

describe('bulk insert of customers (imports)', () => {
  it('gives consecutive codes, derived search fields, the primary address place and one history entry each', async () => {
    const rows = await inTenant(t.app.db, ctx, (tx) => insertCustomersBulk(tx, ctx, [
      { kind: 'natural', firstName: 'بهار', lastName: 'گروهی', mobile: '09121230001', addresses: [{ cityId: 4001, address: 'نشانی یک' }] },
      { kind: 'legal', companyName: 'شرکت گروهی', legalId: '14003778990' },
    ]));
    expect(rows).not.toBeNull();
    expect(Number(rows![1]!.code)).toBe(Number(rows![0]!.code) + 1);
    const found = (await t.app.inject({ url: `/api/customers?q=${encodeURIComponent('گروهي')}`, headers: h() })).json().items;
    expect(found).toHaveLength(2);
    const person = (await t.app.inject({ url: `/api/customers/${rows![0]!.id}`, headers: h() })).json();
    expect(person).toMatchObject({ provinceId: 4, cityId: 4001, ownerId: null });
    expect(person.addresses[0]).toMatchObject({ address: 'نشانی یک', isPrimary: true });
    const history = (await t.app.inject({ url: `/api/audit-log?entity=customer&entityId=${rows![1]!.id}`, headers: h() })).json().items;
    expect(history).toHaveLength(1);
    expect(history[0].changes).toEqual(expect.arrayContaining([{ field: 'companyName', before: null, after: 'شرکت گروهی' }]));
  });

  it('declines (null, nothing written) when an identifier is taken, a city is in another province, or the batch repeats an ID', async () => {
    const count = async () => (await t.app.inject({ url: '/api/customers?total=true', headers: h() })).json().total;
    const before = await count();
    const attempt = (inputs: Parameters<typeof insertCustomersBulk>[2]) => inTenant(t.app.db, ctx, (tx) => insertCustomersBulk(tx, ctx, inputs));
    expect(await attempt([{ kind: 'legal', companyName: 'تکراری', legalId: '14003778990' }, { kind: 'natural', lastName: 'دیگری' }])).toBeNull();
    expect(await attempt([{ kind: 'natural', lastName: 'الف', addresses: [{ provinceId: 8, cityId: 4001, address: 'x' }] }, { kind: 'natural', lastName: 'ب' }])).toBeNull();
    expect(await attempt([{ kind: 'natural', lastName: 'الف', nationalId: '0499370899' }, { kind: 'natural', lastName: 'ب', nationalId: '0499370899' }])).toBeNull();
    expect(await count()).toBe(before);
  });
});
