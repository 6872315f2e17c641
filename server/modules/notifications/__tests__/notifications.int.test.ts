import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { provisionTenant } from '../../tenants/index.js';
import { notify, type NotifyInput } from '../index.js';
import { seedApiKey, seedUser } from './seed-user.js';

let t: TestApp;
let sara: { id: string; token: string };
let other: { tenantId: string; user: { id: string; token: string } };

const send = (tenantId: string, input: NotifyInput) => inTenant(t.app.db, { tenantId }, (tx) => notify(tx, { tenantId }, input));
const list = (token: string, query = '') => t.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: bearer(token) });
const post = (token: string, url: string) => t.app.inject({ method: 'POST', url, headers: bearer(token) });

beforeAll(async () => {
  t = await createTestApp();
  sara = await seedUser(t.app.db, t.tenantId, 'sara');
  const second = await provisionTenant(t.app.db, {
    slug: 'other-co', name: 'شرکت دیگر', admin: { username: 'boss', password: 'Admin-pass-123', firstName: 'م', lastName: 'د' },
  });
  other = { tenantId: second.tenantId, user: await seedUser(t.app.db, second.tenantId, 'sara') };
  for (let i = 1; i <= 5; i++) {
    await send(t.tenantId, { userId: t.adminId, title: `پیش‌فاکتور ${i} تایید شد`, body: 'متن', link: `/quotes/${i}`, kind: 'approval' });
  }
  await send(t.tenantId, { userId: sara.id, title: 'برای سارا' });
  await send(other.tenantId, { userId: other.user.id, title: 'در شرکت دیگر' });
});
afterAll(async () => { await t?.close(); });

describe('GET /api/notifications', () => {
  it("lists only the user's own notifications, newest first, with the unread count", async () => {
    const res = await list(t.adminToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unreadCount).toBe(5);
    expect(body.items.map((i: { title: string }) => i.title)).toEqual([5, 4, 3, 2, 1].map((n) => `پیش‌فاکتور ${n} تایید شد`));
    expect(body.items[0]).toMatchObject({ body: 'متن', link: '/quotes/5', kind: 'approval', readAt: null });
    expect(new Date(body.items[0].createdAt).toString()).not.toBe('Invalid Date');
    expect(body.nextCursor).toBeNull();

    const saras = (await list(sara.token)).json();
    expect(saras.items.map((i: { title: string }) => i.title)).toEqual(['برای سارا']);
    const others = (await list(other.user.token)).json();
    expect(others.items.map((i: { title: string }) => i.title)).toEqual(['در شرکت دیگر']);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(t.adminToken, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    const all = (await list(t.adminToken)).json().items.map((i: { id: string }) => i.id);
    expect(seen).toEqual(all);
  });

  it('rejects a bad limit or cursor with a Persian problem, not a 500', async () => {
    for (const q of ['?limit=0', '?limit=abc', '?cursor=not-a-uuid', '?unread=yes']) {
      const res = await list(t.adminToken, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('validation');
    }
  });

  it('needs a login (401) and a person, not an API key (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    const key = await seedApiKey(t.app.db, t.tenantId);
    for (const [method, url] of [['GET', '/api/notifications'], ['POST', '/api/notifications/read-all'],
      ['POST', `/api/notifications/${crypto.randomUUID()}/read`]] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(key) });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
  });
});

describe('marking read', () => {
  it("marks one read; someone else's notification is not found and stays unread", async () => {
    const [first, second] = (await list(t.adminToken)).json().items as { id: string }[];
    const res = await post(t.adminToken, `/api/notifications/${first!.id}/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unreadCount: 4 });
    expect((await post(t.adminToken, `/api/notifications/${first!.id}/read`)).json()).toEqual({ unreadCount: 4 }); // idempotent

    const unread = (await list(t.adminToken, '?unread=true')).json();
    expect(unread.unreadCount).toBe(4);
    expect(unread.items.map((i: { id: string }) => i.id)).not.toContain(first!.id);
    expect(unread.items[0].id).toBe(second!.id);

    const saraId = (await list(sara.token)).json().items[0].id;
    const stolen = await post(t.adminToken, `/api/notifications/${saraId}/read`);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().detail).toBe('اعلان پیدا نشد.');
    const crossTenant = await post(other.user.token, `/api/notifications/${saraId}/read`);
    expect(crossTenant.statusCode).toBe(404);
    expect((await list(sara.token)).json().unreadCount).toBe(1);
  });

  it("read-all clears only the user's own", async () => {
    const res = await post(t.adminToken, '/api/notifications/read-all');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unreadCount: 0 });
    const body = (await list(t.adminToken)).json();
    expect(body.items.every((i: { readAt: string | null }) => i.readAt !== null)).toBe(true);
    expect((await list(t.adminToken, '?unread=true')).json().items).toEqual([]);
    expect((await list(sara.token)).json().unreadCount).toBe(1);
    expect((await list(other.user.token)).json().unreadCount).toBe(1);
  });
});

describe('notify()', () => {
  it('normalizes Persian text and refuses links outside the app', async () => {
    const item = await send(t.tenantId, { userId: sara.id, title: '  فاكتور  ۱۲۳ ثبت شد ', link: '/invoices/123' });
    expect(item.title).toBe('فاکتور 123 ثبت شد');
    for (const link of ['javascript:alert(1)', 'https://evil.example', '//evil.example/x']) {
      await expect(send(t.tenantId, { userId: sara.id, title: 'x', link })).rejects.toMatchObject({ code: 'validation' });
    }
    await expect(send(t.tenantId, { userId: sara.id, title: '   ' })).rejects.toMatchObject({ code: 'validation' });
  });

  it('is listed in the OpenAPI document under the notifications tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const [path, method] of [['/api/notifications', 'get'], ['/api/notifications/{id}/read', 'post'], ['/api/notifications/read-all', 'post']]) {
      expect(doc.paths[path!]?.[method!]?.tags, path).toEqual(['notifications']);
    }
  });
});
