import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheduler } from '../../../../platform/jobs/index.js';
import { bearer, createTestApp, userWithGrants, type TestApp } from '../../../../test-support/test-app.js';
import { csv, importFile, multipart, nid, preview, scheduler } from './import-test-kit.js';

let t: TestApp;
let h: Record<string, string>;
let s: Scheduler;
beforeAll(async () => { t = await createTestApp(); h = bearer(t.adminToken); s = await scheduler(t); });
afterAll(async () => { await s?.stop(); await t?.close(); });

const api = (method: string, url: string, payload?: unknown, headers = h) =>
  t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
const search = async (q: string) => (await api('GET', `/api/customers?q=${encodeURIComponent(q)}`)).json().items;

const VCARDS = '/work/shared/fixtures/vcards';

describe('vCard files', () => {
  const files = readdirSync(VCARDS).filter((f) => f.endsWith('.vcf'));
  it.each(files)('%s imports through preview → validate → start → job and creates customers', async (name) => {
    const { preview: p, result } = await importFile(t, h, s, name, readFileSync(join(VCARDS, name)), { policy: 'merge', matchFields: ['email'] });
    expect(p.format).toBe('vcf');
    expect(result.status).toBe('done');
    expect(result.error).toBeNull();
    expect(result.processedRows).toBe(p.totalRows);
    expect(result.created + result.merged).toBeGreaterThan(0);
  });

  it('keeps a foreign phone number of a card in the notes instead of refusing the card', async () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nFN:Jane Doe\r\nTEL;TYPE=CELL:+1 905 555 1234\r\nTEL;TYPE=HOME:0912 123 4567\r\nEND:VCARD\r\n';
    const { result } = await importFile(t, h, s, 'jane.vcf', card);
    expect(result).toMatchObject({ status: 'done', created: 1 });
    const [jane] = await search('Jane Doe');
    expect(jane).toMatchObject({ firstName: 'Jane', lastName: 'Doe', mobile: '09121234567', notes: 'شماره موبایل: +1 905 555 1234' });
  });
});

describe('text encodings and cell contents', () => {
  it('reads a Windows-1256 CSV from Persian Excel', async () => {
    const national = nid('012345678');
    // Windows-1256 has no Persian ی: Persian Excel writes the Arabic ي (0xED), which is stored as ی.
    const text = csv([['نام', 'نام خانوادگی', 'کد ملی', 'شهر', 'استان'], ['كاوه', 'آهنگر', national, 'اصفهان', 'اصفهان']]).replace(/ی/g, 'ي');
    const bytes = iconv.encode(text, 'win1256');
    const { preview: p, result } = await importFile(t, h, s, 'legacy.csv', bytes);
    expect(p).toMatchObject({ encoding: 'windows-1256', headers: ['نام', 'نام خانوادگی', 'کد ملی', 'شهر', 'استان'] });
    expect(p.suggestedMapping).toEqual({ 0: 'firstName', 1: 'lastName', 2: 'nationalId', 3: 'city', 4: 'province' });
    expect(result).toMatchObject({ status: 'done', created: 1 });
    const [c] = await search(national);
    expect(c).toMatchObject({ firstName: 'کاوه', lastName: 'آهنگر', provinceName: 'اصفهان', cityName: 'اصفهان' });
  });

  it('rejects a row whose text is broken UTF-8, naming the field', async () => {
    const good = Buffer.from('نام خانوادگی,موبایل\r\nدرست,09120000001\r\n', 'utf8');
    const broken = Buffer.concat([Buffer.from('خراب', 'utf8'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(',09120000002\r\n')]);
    const { validation } = await importFile(t, h, s, 'broken.csv', Buffer.concat([good, broken]));
    expect(validation.rejected).toHaveLength(1);
    expect(validation.rejected[0].reasons[0]).toContain('نام خانوادگی: نویسه‌های ناخوانا دارد');
  });

  it('takes the cached result of an XLSX formula, never the formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['نام خانوادگی', 'ایمیل']);
    ws.addRow([{ formula: 'HYPERLINK("http://evil.example","فرمولی")', result: 'فرمولی' }, 'f@example.com']);
    const { result } = await importFile(t, h, s, 'formula.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result).toMatchObject({ status: 'done', created: 1 });
    expect((await search('f@example.com'))[0]).toMatchObject({ lastName: 'فرمولی' });
  });
});

describe('refused uploads', () => {
  it('an empty file and a PDF renamed .csv get a Persian 4xx at preview', async () => {
    const empty = await preview(t, h, 'empty.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/خالی/);
    const pdf = await preview(t, h, 'customers.csv', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().detail).toContain('پسوند فایل «.csv» است ولی محتوای آن');
    const headerOnly = await preview(t, h, 'h.csv', 'نام,موبایل\r\n');
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().detail).toMatch(/ردیفی ندارد/);
  });

  it('a file with more than 200 columns is refused; 200 columns are fine', async () => {
    const wide = (n: number) => csv([Array.from({ length: n }, (_, i) => `ستون ${i + 1}`), Array.from({ length: n }, () => 'x')]);
    expect((await preview(t, h, 'w200.csv', wide(200))).statusCode).toBe(200);
    const refused = await preview(t, h, 'w201.csv', wide(201));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('ستون دارد');
  });
});

describe('permissions', () => {
  it('documents every import route in OpenAPI under «customer import»', async () => {
    const doc = (await api('GET', '/api/openapi.json')).json();
    const tagged = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>)
      .flatMap(([path, ops]) => Object.values(ops).filter((o) => o.tags?.includes('customer import')).map(() => path));
    expect(new Set(tagged)).toEqual(new Set(['/api/customers/imports/preview', '/api/customers/imports', '/api/customers/imports/{id}', '/api/customers/imports/{id}/validation', '/api/customers/imports/{id}/start', '/api/customers/imports/{id}/rejected', '/api/customers/imports/{id}/undo']));
  });

  it('every import route answers 403 to a user without customers.import', async () => {
    const viewer = await userWithGrants(t, 'noimport', [{ permission: 'customers.view', scope: 'all' }, { permission: 'customers.create', scope: 'all' }]);
    const vh = bearer(viewer.token);
    const m = multipart('a.csv', 'نام خانوادگی\r\nالف\r\n');
    const id = '00000000-0000-4000-8000-000000000000';
    const calls = [
      t.app.inject({ method: 'POST', url: '/api/customers/imports/preview', headers: { ...vh, ...m.headers }, payload: m.payload }),
      api('POST', '/api/customers/imports', { fileId: id, mapping: { 0: 'lastName' }, policy: 'skip', matchFields: [] }, vh),
      api('GET', '/api/customers/imports', undefined, vh),
      api('GET', `/api/customers/imports/${id}`, undefined, vh),
      api('GET', `/api/customers/imports/${id}/validation`, undefined, vh),
      api('POST', `/api/customers/imports/${id}/start`, undefined, vh),
      api('GET', `/api/customers/imports/${id}/rejected`, undefined, vh),
      api('POST', `/api/customers/imports/${id}/undo`, undefined, vh),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('شما اجازه انجام این کار را ندارید.');
    }
  });

  it("a user with customers.import scope 'own' does not see another user's import or file", async () => {
    const p = (await preview(t, h, 'admin.csv', 'نام خانوادگی\r\nمدیری\r\n')).json();
    const v = (await api('POST', '/api/customers/imports', { fileId: p.fileId, mapping: { 0: 'lastName' }, policy: 'skip', matchFields: [] })).json();
    const own = await userWithGrants(t, 'ownimport', [{ permission: 'customers.import', scope: 'own' }, { permission: 'customers.view', scope: 'own' }]);
    const oh = bearer(own.token);
    expect((await api('GET', `/api/customers/imports/${v.id}`, undefined, oh)).statusCode).toBe(404);
    expect((await api('GET', '/api/customers/imports', undefined, oh)).json().items).toEqual([]);
    const steal = await api('POST', '/api/customers/imports', { fileId: p.fileId, mapping: { 0: 'lastName' }, policy: 'skip', matchFields: [] }, oh);
    expect(steal.statusCode).toBe(404);
  });
});
