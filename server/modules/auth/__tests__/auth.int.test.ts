import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bearer, createTestApp, login, userWithGrants, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('login', () => {
  it('accepts the username or the mobile typed with Persian digits, and /api/me returns the user without secrets', async () => {
    const u = await userWithGrants(t, 'nima', [], { mobile: '09121112233' });
    const res = await post('/api/auth/login', { username: '۰۹۱۲۱۱۱۲۲۳۳', password: 'Passw0rd-x' });
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/me', headers: bearer(res.json().token) });
    expect(me.json().user.id).toBe(u.id);
    expect(me.body).not.toMatch(/password|hash/i);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await post('/api/auth/login', { username: 'admin', password: 'nope-123' });
    const unknown = await post('/api/auth/login', { username: 'nobody-here', password: 'nope-123' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('locks a username after 5 failures, even for the right password, and unlocks after the lock period', async () => {
    await userWithGrants(t, 'locky', []);
    for (let i = 0; i < 5; i++) expect((await post('/api/auth/login', { username: 'locky', password: 'bad-pass-1' })).statusCode).toBe(401);
    const locked = await post('/api/auth/login', { username: 'locky', password: 'Passw0rd-x' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('login_locked');
    t.clock.advance(16 * 60_000);
    expect((await post('/api/auth/login', { username: 'locky', password: 'Passw0rd-x' })).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('requires the CSRF header for cookie sessions on unsafe methods, but not for bearer tokens', async () => {
    const s = await login(t.app, 'admin', ADMIN_PASSWORD);
    const cookie = `crm_session=${s.cookies.crm_session}`;
    const noHeader = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie }, payload: { name: 'واحد الف' } });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe('csrf');
    const withHeader = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie, 'x-csrf-token': s.csrfToken }, payload: { name: 'واحد الف' } });
    expect(withHeader.statusCode).toBe(201);
    const get = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(get.statusCode).toBe(200);
    const viaBearer = await t.app.inject({ method: 'POST', url: '/api/units', headers: bearer(s.token), payload: { name: 'واحد ب' } });
    expect(viaBearer.statusCode).toBe(201);
  });

  it('changing the password ends the other sessions of that user', async () => {
    const u = await userWithGrants(t, 'pwchange', []);
    const other = await login(t.app, 'pwchange', 'Passw0rd-x');
    const res = await post('/api/auth/change-password', { currentPassword: 'Passw0rd-x', newPassword: 'NewPassw0rd' }, bearer(u.token));
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: bearer(other.token) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: bearer(u.token) })).statusCode).toBe(200);
    const wrong = await post('/api/auth/change-password', { currentPassword: 'bad', newPassword: 'NewPassw0rd2' }, bearer(u.token));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
  });

  it('deactivating a user ends their sessions at once and blocks login', async () => {
    const u = await userWithGrants(t, 'leaver', []);
    const res = await post(`/api/staff/${u.id}/deactivate`, {}, bearer(t.adminToken));
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: bearer(u.token) })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { username: 'leaver', password: 'Passw0rd-x' })).statusCode).toBe(401);
    expect((await post(`/api/staff/${u.id}/activate`, {}, bearer(t.adminToken))).statusCode).toBe(200);
    expect((await post('/api/auth/login', { username: 'leaver', password: 'Passw0rd-x' })).statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const s = await login(t.app, 'admin', ADMIN_PASSWORD);
    expect((await post('/api/auth/logout', {}, bearer(s.token))).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: bearer(s.token) })).statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('work as bearer tokens with only their own permissions, are stored hashed, and stop working when revoked', async () => {
    const created = await post('/api/api-keys', { name: 'وب‌سایت', permissions: { 'staff.view': 'all' } }, bearer(t.adminToken));
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json();
    expect(secret).toMatch(/^crmk_/);
    const list = await t.app.inject({ url: '/api/api-keys', headers: bearer(t.adminToken) });
    expect(list.body).not.toContain(secret);
    expect((await t.app.inject({ url: '/api/staff', headers: bearer(secret) })).statusCode).toBe(200);
    expect((await post('/api/units', { name: 'واحد ج' }, bearer(secret))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/api-keys/${id}`, headers: bearer(t.adminToken) })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/staff', headers: bearer(secret) })).statusCode).toBe(401);
  });
});
