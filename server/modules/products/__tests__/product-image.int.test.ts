import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { ELF_EXECUTABLE, JPEG_HEADER_ONLY, WINDOWS_EXECUTABLE, noise, pngImage, pngPixel } from '../../../test-support/tiny-images.js';
import { apiOf, byPath, unitIds } from './helpers.js';

let t: TestApp;
let ok: ReturnType<typeof apiOf>['ok'];
let U: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  ({ ok } = apiOf(t));
  U = await unitIds(t);
});
afterAll(async () => { await t?.close(); });

function multipart(filename: string, bytes: Buffer, field = 'image') {
  const boundary = `----product-image-${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (id: string, filename: string, bytes: Buffer, token = t.adminToken) => {
  const m = multipart(filename, bytes);
  return t.app.inject({ method: 'PUT', url: `/api/products/${id}/image`, headers: { ...bearer(token), ...m.headers }, payload: m.payload });
};

type Product = { id: string; version: number; imageFileId: string | null; imageUrl: string | null };
const create = (name: string) => ok<Product>('POST', '/api/products', { unitId: U['عدد'], name });
type History = { items: { action: string; changes: { field: string; before: unknown; after: unknown }[] }[] };

describe('product image', () => {
  it('stores a PNG, serves it at imageUrl, replaces it with a JPEG and removes it, each change in the history', async () => {
    const p = await create('لیوان با تصویر');
    expect(p).toMatchObject({ imageFileId: null, imageUrl: null });
    const first = pngPixel(200, 30, 30);
    const res = await upload(p.id, 'لیوان.png', first);
    expect(res.statusCode).toBe(200);
    const withPng = res.json<Product>();
    expect(withPng.imageFileId).toMatch(/^[0-9a-f-]{36}$/);
    expect(withPng.imageUrl).toBe(`/api/files/${withPng.imageFileId}`);
    expect(withPng.version).toBe(p.version); // the image is saved on its own: an open form keeps its version
    const served = await t.app.inject({ url: withPng.imageUrl!, headers: bearer(t.adminToken) });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(first)).toBe(true);

    const replaced = await upload(p.id, 'photo.jpg', JPEG_HEADER_ONLY);
    expect(replaced.statusCode).toBe(200);
    const withJpeg = replaced.json<Product>();
    expect(withJpeg.imageFileId).not.toBe(withPng.imageFileId);
    const jpeg = await t.app.inject({ url: withJpeg.imageUrl!, headers: bearer(t.adminToken) });
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    expect((await ok<Product>('GET', `/api/products/${p.id}`)).imageFileId).toBe(withJpeg.imageFileId);

    const removed = await ok<Product>('DELETE', `/api/products/${p.id}/image`);
    expect(removed).toMatchObject({ imageFileId: null, imageUrl: null });
    expect((await ok<Product>('DELETE', `/api/products/${p.id}/image`)).imageFileId).toBeNull(); // again: nothing to do, no new history

    const history = (await ok<History>('GET', `/api/audit-log?entity=product&entityId=${p.id}`)).items;
    expect(history.map((h) => h.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(history.slice(0, 3).map((h) => h.changes)).toEqual([
      [{ field: 'imageFileId', before: withJpeg.imageFileId, after: null }],
      [{ field: 'imageFileId', before: withPng.imageFileId, after: withJpeg.imageFileId }],
      [{ field: 'imageFileId', before: null, after: withPng.imageFileId }],
    ]);
  });

  it('refuses an executable or a text file named .jpg, by its content, in Persian on the image field, changing nothing', async () => {
    const p = await create('کالای بی‌تصویر');
    for (const [name, bytes, says] of [
      ['photo.jpg', ELF_EXECUTABLE, 'برنامه اجرایی'],
      ['setup.jpg', WINDOWS_EXECUTABLE, 'برنامه اجرایی'],
      ['notes.jpg', Buffer.from('این یک فایل متنی است، نه عکس\n'), 'متنی'],
    ] as const) {
      const res = await upload(p.id, name, bytes);
      expect(res.statusCode).toBe(415);
      const body = res.json();
      expect(byPath(body).image).toContain(says);
      expect(byPath(body).image).toContain(name);
      expect(body.detail).toContain('تصویر کالا');
    }
    const empty = await upload(p.id, 'empty.png', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(byPath(empty.json()).image).toBe('فایل تصویر خالی است');
    expect((await ok<Product>('GET', `/api/products/${p.id}`)).imageFileId).toBeNull();
    expect((await ok<History>('GET', `/api/audit-log?entity=product&entityId=${p.id}`)).items).toHaveLength(1);
  });

  it('refuses an image over 5 MB with a Persian message and keeps the old one', async () => {
    const p = await create('کالای تصویر بزرگ');
    const small = (await upload(p.id, 'small.png', pngPixel(1, 2, 3))).json<Product>();
    const big = pngImage(1400, 1400, (x, y) => [noise(x, y, 0), noise(x, y, 1), noise(x, y, 2)]); // a real PNG of about 5.9 MB
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const res = await upload(p.id, 'big.png', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toBe('حجم تصویر کالا نباید بیش از ۵ مگابایت باشد.');
    expect(byPath(res.json()).image).toBe('حجم تصویر کالا نباید بیش از ۵ مگابایت باشد');
    expect((await ok<Product>('GET', `/api/products/${p.id}`)).imageFileId).toBe(small.imageFileId);
  });

  it('answers 404 in Persian for an unknown product 400 when no file is sent and 415 for a JSON body', async () => {
    const res = await upload('00000000-0000-4000-8000-000000000000', 'a.png', pngPixel(0, 0, 0));
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe('کالا پیدا نشد.');
    const p = await create('بدون فایل');
    const boundary = 'none';
    const noFile = await t.app.inject({
      method: 'PUT', url: `/api/products/${p.id}/image`, headers: { ...bearer(t.adminToken), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nسلام\r\n--${boundary}--\r\n`,
    });
    expect(noFile.statusCode).toBe(400);
    expect(byPath(noFile.json()).image).toBe('فایل الزامی است');
    const json = await t.app.inject({ method: 'PUT', url: `/api/products/${p.id}/image`, headers: bearer(t.adminToken), payload: { image: 'a.png' } });
    expect(json.statusCode).toBe(415);
    expect(byPath(json.json()).image).toBe('فایل الزامی است');
  });

  it('lets products.view users see the image, refuses changes without products.edit and the file to users without products.view', async () => {
    const p = await create('کالای دسترسی');
    const fileId = (await upload(p.id, 'p.png', pngPixel(9, 9, 9))).json<Product>().imageFileId!;
    const viewer = await userWithGrants(t, 'image-viewer', [{ permission: 'products.view', scope: 'all' }]);
    const outsider = await userWithGrants(t, 'image-outsider', [{ permission: 'customers.view', scope: 'all' }]);
    expect((await t.app.inject({ url: `/api/files/${fileId}`, headers: bearer(viewer.token) })).statusCode).toBe(200);
    const denied = await t.app.inject({ url: `/api/files/${fileId}`, headers: bearer(outsider.token) });
    expect(denied.statusCode).toBe(403);

    const put = await upload(p.id, 'x.png', pngPixel(1, 1, 1), viewer.token);
    expect(put.statusCode).toBe(403);
    expect(put.json().detail).toBe('شما اجازه انجام این کار را ندارید.');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/products/${p.id}/image`, headers: bearer(viewer.token) });
    expect(del.statusCode).toBe(403);
    expect((await ok<Product>('GET', `/api/products/${p.id}`)).imageFileId).toBe(fileId);
  });

  it('documents both routes in the OpenAPI document under the products tag', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json', headers: bearer(t.adminToken) })).json();
    const path = doc.paths['/api/products/{id}/image'];
    expect(path.put.tags).toEqual(['products']);
    expect(path.delete.tags).toEqual(['products']);
    expect(path.put.requestBody.content['multipart/form-data'].schema.properties.image).toMatchObject({ type: 'string', format: 'binary' });
    expect(path.put.responses['200'].content['application/json'].schema.properties).toHaveProperty('imageUrl');
  });
});
