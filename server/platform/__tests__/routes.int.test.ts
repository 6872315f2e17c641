import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, userWithGrants, type TestApp } from '../../test-support/test-app.js';
import { isPermission } from '../../../common/permissions.js';

let t: TestApp;
let nobody: { token: string };
beforeAll(async () => {
  t = await createTestApp();
  nobody = await userWithGrants(t, 'nobody', []);
});
afterAll(async () => { await t?.close(); });

const fillParams = (url: string) => url.replace(/:id\b/g, '00000000-0000-4000-8000-000000000000').replace(/:[a-zA-Z]+/g, '1');

describe('route permissions', () => {
  it('every API route declares a permission that exists in the catalog', () => {
    const apiRoutes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'));
    expect(apiRoutes.length).toBeGreaterThan(30);
    const bad = apiRoutes.filter((r) => !r.permission || (r.permission !== 'public' && r.permission !== 'authenticated' && !isPermission(r.permission)));
    expect(bad).toEqual([]);
  });

  it('refuses every module operation with 403 and a Persian message to a user whose roles lack it', async () => {
    const guarded = t.app.registeredRoutes.filter((r) => r.permission && isPermission(r.permission));
    for (const r of guarded) {
      const res = await t.app.inject({ method: r.method as 'GET', url: fillParams(r.url), headers: bearer(nobody.token), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 403 });
      expect(res.json().detail).toBe('شما اجازه انجام این کار را ندارید.');
    }
  });

  it('answers 401 without credentials on every non-public route', async () => {
    for (const r of t.app.registeredRoutes.filter((x) => x.url.startsWith('/api/') && x.permission !== 'public')) {
      const res = await t.app.inject({ method: r.method as 'GET', url: fillParams(r.url) });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({ route: `${r.method} ${r.url}`, status: 401 });
    }
  });
});

describe('problem+json errors', () => {
  it('names each bad field in Persian', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/staff', headers: bearer(t.adminToken), payload: { username: 'ab', firstName: '', lastName: 'ك', mobile: '۰۹۸۰۲۰۰۲۵۸۰', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 400, code: 'validation', type: expect.stringContaining('validation') });
    const byPath = Object.fromEntries(body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath.firstName).toBe('نام الزامی است');
    expect(byPath.mobile).toBe('شماره موبایل معتبر نیست');
    expect(byPath.username).toContain('نام کاربری');
  });

  it('malformed JSON is a 400, an unknown route a JSON 404, an oversized upload a 413 — never a stack trace', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/units', headers: { ...bearer(t.adminToken), 'content-type': 'application/json' }, payload: '{"name":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed_json');
    const missing = await t.app.inject({ url: '/api/no-such-thing', headers: bearer(t.adminToken) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('route_not_found');
    const boundary = 'XyZ';
    const big = Buffer.alloc(11 * 1024 * 1024, 1);
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      big, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.app.inject({ method: 'POST', url: `/api/staff/${t.adminId}/photo`, headers: { ...bearer(t.adminToken), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(up.statusCode).toBe(413);
    expect(up.body).not.toMatch(/at .*\.ts/);
  });

  it('refuses a file whose content is not an image, whatever its name says', async () => {
    const boundary = 'XyZ';
    const payload = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\nMZ\x90\x00 this is an exe\r\n--${boundary}--\r\n`, 'latin1');
    const res = await t.app.inject({ method: 'POST', url: `/api/staff/${t.adminId}/photo`, headers: { ...bearer(t.adminToken), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode).toBe(415);
  });

  it('stores a real PNG and serves it only to users allowed to see its owner', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const boundary = 'XyZ';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await t.app.inject({ method: 'POST', url: `/api/staff/${t.adminId}/photo`, headers: { ...bearer(t.adminToken), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode).toBe(200);
    const fileId = res.json().photoFileId;
    const got = await t.app.inject({ url: `/api/files/${fileId}`, headers: bearer(t.adminToken) });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);
    expect((await t.app.inject({ url: `/api/files/${fileId}`, headers: bearer(nobody.token) })).statusCode).toBe(403);
  });
});
