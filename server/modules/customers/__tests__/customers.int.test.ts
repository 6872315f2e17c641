import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bearer, createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';

let t: TestApp;
let h: Record<string, string>;
beforeAll(async () => { t = await createTestApp(); h = bearer(t.adminToken); });
afterAll(async () => { await t?.close(); });

const api = (method: string, url: string, payload?: unknown, headers = h) =>
  t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
const create = async (body: Record<string, unknown>) => {
  const res = await api('POST', '/api/customers', body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
};

describe('customer records', () => {
  it('creates a legal customer with a contact from Persian digits and Arabic letters, stored normalized, with an automatic code', async () => {
    const c = await create({
      kind: 'legal', companyName: 'شركت فولاد سپاهان', legalId: '۱۰۳۸۰۲۸۴۷۹۰', economicCode: '۱۰۳۸۰۲۸۴۷۹۰', phone: '۰۳۱-۳۲۲۲۴۴۵۵',
      contacts: [{ firstName: 'علي', lastName: 'كاظمي', position: 'مدیر خرید', mobile: '۰۹۱۲ ۳۴۵ ۶۷۸۹' }],
      addresses: [{ provinceId: 4, cityId: 4001, address: 'خیابان چهارباغ، پلاک ۱۲', postalCode: '۸۱۳۵۸۱۴۳۳۱' }],
    });
    expect(c).toMatchObject({ kind: 'legal', displayName: 'شرکت فولاد سپاهان', legalId: '10380284790', code: '1001', provinceId: 4, provinceName: 'اصفهان', cityId: 4001 });
    expect(c.contacts[0]).toMatchObject({ firstName: 'علی', lastName: 'کاظمی', mobile: '09123456789' });
    expect(c.addresses[0]).toMatchObject({ postalCode: '8135814331', isPrimary: true });
  });

  it('refuses an invalid national ID, mobile and Sheba with Persian messages on those fields, writing nothing', async () => {
    const before = (await api('GET', '/api/customers?total=true')).json().total;
    const res = await api('POST', '/api/customers', { kind: 'natural', lastName: 'تست', nationalId: '1234567890', mobile: '0912', sheba: 'IR820540102680020817909003' });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(res.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath).toMatchObject({ nationalId: 'کد ملی معتبر نیست', mobile: 'شماره موبایل معتبر نیست', sheba: 'شماره شبا معتبر نیست' });
    expect((await api('GET', '/api/customers?total=true')).json().total).toBe(before);
  });

  it('refuses a national ID another customer already has, naming that customer', async () => {
    await create({ kind: 'natural', firstName: 'مینا', lastName: 'صادقی', nationalId: '0499370899' });
    const res = await api('POST', '/api/customers', { kind: 'natural', firstName: 'دیگر', lastName: 'کسی', nationalId: '۰۴۹۹۳۷۰۸۹۹' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ path: 'nationalId' });
    expect(res.json().errors[0].message).toContain('مینا صادقی');
  });

  it('finds customers by Arabic ي, by a phone in any format and by national ID', async () => {
    const c = await create({ kind: 'natural', firstName: 'علی', lastName: 'یزدانی', mobile: '09351112233', nationalId: '0790419904' });
    const ids = async (q: string) => (await api('GET', `/api/customers?q=${encodeURIComponent(q)}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('علي يزداني')).toEqual([c.id]);
    expect(await ids('۰۹۳۵۱۱۱')).toEqual([c.id]);
    expect(await ids('+98 935 111 2233')).toEqual([c.id]);
    expect(await ids('07904199')).toEqual([c.id]);
  });

  it('pages through search results with the cursor, without repeats, and counts them', async () => {
    for (let i = 0; i < 5; i++) await create({ kind: 'natural', firstName: 'صفحه‌بندی', lastName: `جستجو ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { total: number; nextCursor: string | null; items: { displayName: string }[] } = (await api('GET', `/api/customers?q=${encodeURIComponent('صفحه‌بندی')}&limit=2&sort=displayName&total=true${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(body.total).toBe(5);
      seen.push(...body.items.map((c) => c.displayName));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen)).toEqual(new Set([0, 1, 2, 3, 4].map((i) => `صفحه‌بندی جستجو ${i}`)));
  });

  it('detects a concurrent edit through the version number', async () => {
    const c = await create({ kind: 'natural', lastName: 'نسخه' });
    expect((await api('PATCH', `/api/customers/${c.id}`, { grade: 'A', version: c.version })).statusCode).toBe(200);
    const stale = await api('PATCH', `/api/customers/${c.id}`, { grade: 'B', version: c.version });
    expect(stale.statusCode).toBe(409);
    expect((await api('GET', `/api/customers/${c.id}`)).json().grade).toBe('A');
  });
});

describe('ownership', () => {
  it('a sales expert with scope "own" sees only their customers; bulk assign is audited', async () => {
    const expert = await userWithGrants(t, 'expert', [{ permission: 'customers.view', scope: 'own' }, { permission: 'customers.create', scope: 'own' }]);
    const mine = (await api('POST', '/api/customers', { kind: 'natural', lastName: 'مال من' }, bearer(expert.token))).json();
    expect(mine.ownerId).toBe(expert.id);
    const orphan = await create({ kind: 'natural', lastName: 'بی‌نماینده' });
    const seen = (await api('GET', '/api/customers?limit=500', undefined, bearer(expert.token))).json().items.map((c: { id: string }) => c.id);
    expect(seen).toEqual([mine.id]);
    expect((await api('GET', `/api/customers/${orphan.id}`, undefined, bearer(expert.token))).statusCode).toBe(404);
    const searched = (await api('GET', `/api/customers?q=${encodeURIComponent('بی‌نماینده')}`, undefined, bearer(expert.token))).json();
    expect(searched.items).toEqual([]);

    const noOwner = (await api('GET', '/api/customers?noOwner=true&limit=500')).json().items.map((c: { id: string }) => c.id);
    expect(noOwner).toContain(orphan.id);
    const assigned = await api('POST', '/api/customers/assign', { ids: [orphan.id], ownerId: expert.id });
    expect(assigned.json()).toEqual({ updated: 1, notFound: 0 });
    expect((await api('GET', `/api/customers/${orphan.id}`, undefined, bearer(expert.token))).statusCode).toBe(200);
    const history = (await api('GET', `/api/audit-log?entity=customer&entityId=${orphan.id}`)).json().items;
    expect(history[0].changes).toEqual([{ field: 'ownerId', before: null, after: expert.id }]);
  });
});

describe('export', () => {
  it('exports the filtered view as an RTL XLSX that reads back with the same values', async () => {
    await create({ kind: 'natural', firstName: 'صادرات', lastName: 'یک', mobile: '09121110001', tags: ['وی‌آی‌پی'] });
    await create({ kind: 'natural', firstName: 'صادرات', lastName: 'دو', mobile: '09121110002', tags: ['وی‌آی‌پی'] });
    const list = (await api('GET', `/api/customers?tag=${encodeURIComponent('وی‌آی‌پی')}&sort=displayName`)).json().items;
    const res = await api('GET', `/api/customers/export?format=xlsx&tag=${encodeURIComponent('وی‌آی‌پی')}&sort=displayName&columns=code,displayName,mobile,tags`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]?.rightToLeft).toBe(true);
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push([2, 3, 4].map((c) => ws.getRow(r).getCell(c).value));
    expect(rows).toEqual(list.map((c: { displayName: string; mobile: string; tags: string[] }) => [c.displayName, c.mobile, c.tags.join('، ')]));
    // Who took the list out, and with which filter, is in the history.
    const audit = (await api('GET', '/api/audit-log?entity=export&entityId=customers')).json().items as { changes: { field: string; after: unknown }[] }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toEqual(expect.arrayContaining([{ field: 'format', before: null, after: 'xlsx' }, expect.objectContaining({ field: 'tag', after: 'وی‌آی‌پی' })]));
  });
});

describe('duplicates and merge', () => {
  it('finds customers with the same mobile and with similar names', async () => {
    await create({ kind: 'natural', firstName: 'حسن', lastName: 'موسوی', mobile: '09131234567' });
    await create({ kind: 'natural', firstName: 'حسن', lastName: 'موسوي', mobile: '09131234567' });
    const byMobile = (await api('GET', '/api/customers/duplicates?field=mobile')).json().groups;
    expect(byMobile.find((g: { key: string }) => g.key === '09131234567').customers).toHaveLength(2);
    const byName = (await api('GET', '/api/customers/duplicates?field=name')).json().groups;
    expect(byName.some((g: { customers: { lastName: string }[] }) => g.customers.every((c) => c.lastName === 'موسوی'))).toBe(true);
  });

  it('finds similar names even when their phones and IDs differ', async () => {
    const a = await create({ kind: 'natural', firstName: 'فاطمه', lastName: 'نوروزی', mobile: '09151111111', nationalId: '0684159414', email: 'f1@example.com' });
    const b = await create({ kind: 'natural', firstName: 'فاطمه', lastName: 'نوروزي', mobile: '09152222222', nationalId: '4400276201' });
    const groups = (await api('GET', '/api/customers/duplicates?field=name')).json().groups;
    const ids = groups.map((g: { customers: { id: string }[] }) => g.customers.map((c) => c.id).sort().join());
    expect(ids).toContain([a.id, b.id].sort().join());
  });

  it('merges two customers: chosen fields survive, contacts move, the other is gone, history stays', async () => {
    const a = await create({ kind: 'natural', firstName: 'رضا', lastName: 'ادغامی', mobile: '09141111111', contacts: [{ lastName: 'رابط الف' }] });
    const b = await create({ kind: 'natural', firstName: 'رضا', lastName: 'ادغامی', email: 'reza@example.com', nationalId: '1583250689', contacts: [{ lastName: 'رابط ب' }] });
    const res = await api('POST', '/api/customers/merge', { survivorId: a.id, mergedId: b.id, fields: { nationalId: 'merged' } });
    expect(res.statusCode).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({ id: a.id, mobile: '09141111111', email: 'reza@example.com', nationalId: '1583250689' });
    expect(merged.contacts.map((c: { lastName: string }) => c.lastName).sort()).toEqual(['رابط الف', 'رابط ب']);
    expect((await api('GET', `/api/customers/${b.id}`)).statusCode).toBe(404);
    const timeline = (await api('GET', `/api/customers/${a.id}/timeline`)).json();
    expect(timeline.items.length).toBeGreaterThanOrEqual(2);
    expect(timeline.items[0].actor).toMatchObject({ id: t.adminId });
    expect((await api('GET', `/api/audit-log?entity=customer&entityId=${b.id}`)).json().items[0].changes).toEqual(
      expect.arrayContaining([{ field: 'mergedInto', before: null, after: a.id }]),
    );
  });
});

describe('settings lists and saved views', () => {
  it('new companies have customer sources; a customer refers to one by id', async () => {
    const sources = (await api('GET', '/api/lookups/customerSource')).json().items;
    expect(sources.map((s: { name: string }) => s.name)).toContain('نمایشگاه');
    const c = await create({ kind: 'natural', lastName: 'منبع‌دار', sourceId: sources[0].id });
    expect(c.sourceName).toBe(sources[0].name);
    const bad = await api('POST', '/api/customers', { kind: 'natural', lastName: 'x', sourceId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.json().errors[0].path).toBe('sourceId');
    const inUse = await api('DELETE', `/api/lookups/customerSource/${sources[0].id}`);
    expect(inUse.statusCode).toBe(409);
    expect((await api('GET', `/api/customers/${c.id}`)).json().sourceName).toBe(sources[0].name);
    expect((await api('PATCH', `/api/lookups/customerSource/${sources[0].id}`, { active: false })).json()).toMatchObject({ name: sources[0].name, active: false });
  });

  it('saved views belong to their owner only', async () => {
    const other = await userWithGrants(t, 'viewer', [{ permission: 'customers.view', scope: 'all' }]);
    const saved = await api('POST', '/api/saved-views', { list: 'customers', name: 'مشتریان اصفهان', config: { filters: { provinceId: 4 } } });
    expect(saved.statusCode).toBe(201);
    expect((await api('GET', '/api/saved-views?list=customers')).json().items).toHaveLength(1);
    expect((await api('GET', '/api/saved-views?list=customers', undefined, bearer(other.token))).json().items).toHaveLength(0);
    expect((await api('DELETE', `/api/saved-views/${saved.json().id}`, undefined, bearer(other.token))).statusCode).toBe(404);
  });
});
