import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test-support/test-app.js';
import { readCsvExport, readXlsxExport } from '../../../test-support/export-reader.js';
import { activitiesFixture, ALL_ACTIVITY_GRANTS, type Fixture } from './activities-fixture.js';

let f: Fixture;
beforeAll(async () => { f = await activitiesFixture(); });
afterAll(async () => { await f?.close(); });

const errorsOf = (res: { json(): { errors?: { path: string; message: string }[] } }) =>
  Object.fromEntries((res.json().errors ?? []).map((e) => [e.path, e.message]));

describe('activity types', () => {
  it('every company starts with call, meeting, email, task, SMS and visit, each with a color and an icon', () => {
    expect(f.types.map((x) => [x.name, x.kind])).toEqual([['تماس', 'call'], ['جلسه', 'meeting'], ['ایمیل', 'email'], ['وظیفه', 'task'], ['پیامک', 'sms'], ['بازدید', 'visit']]);
    expect(f.types.every((x) => /^#[0-9A-F]{6}$/.test((x as unknown as { color: string }).color))).toBe(true);
  });

  it('adds a custom type, refuses a bad color and a duplicate name, keeps seeded ones from deletion', async () => {
    const bad = await f.api('POST', '/api/activity-types', { name: 'دمو', kind: 'meeting', color: 'قرمز', icon: 'star' });
    expect(bad.statusCode).toBe(400);
    expect(errorsOf(bad).color).toBe('رنگ باید به شکل #RRGGBB باشد');
    const demo = await f.ok('POST', '/api/activity-types', { name: 'دموی محصول', kind: 'meeting', color: '#ff9800', icon: 'star' });
    expect(demo).toMatchObject({ name: 'دموی محصول', kind: 'meeting', color: '#FF9800', isSystem: false });
    const dup = await f.api('POST', '/api/activity-types', { name: 'دموی محصول', color: '#000000', icon: 'flag' });
    expect(dup.statusCode).toBe(409);
    expect(errorsOf(dup).name).toContain('دموی محصول');
    const seeded = await f.api('DELETE', `/api/activity-types/${f.typeId('تماس')}`);
    expect(seeded.statusCode).toBe(409);
    expect((await f.api('DELETE', `/api/activity-types/${demo.id}`)).statusCode).toBe(204);
  });
});

describe('activities', () => {
  it('records a call on a customer from Persian and Arabic digits, with its contact; audits create, edit and delete', async () => {
    const a = await f.activity({ subject: 'پيگيري پيش‌فاكتور', startsAt: '۱۴۰۳/۱۲/۲۰ ۱۱:۰۰', durationMinutes: '١٥', direction: 'out', contactId: f.contactId });
    expect(a).toMatchObject({
      subject: 'پیگیری پیش‌فاکتور', kind: 'call', typeName: 'تماس', status: 'open', durationMinutes: 15, direction: 'out',
      customerId: f.customer.id, customerName: 'شرکت پارس تجهیز', linkType: 'customer', linkId: f.customer.id, contactName: 'مریم احمدی',
      responsibleId: f.t.adminId, responsibleName: 'مدیر آزمون', startsAt: '2025-03-10T07:30:00.000Z', endsAt: '2025-03-10T07:45:00.000Z',
    });
    const edited = await f.ok('PATCH', `/api/activities/${a.id}`, { status: 'done', description: 'قیمت‌ها ارسال شد', version: a.version });
    expect(edited).toMatchObject({ status: 'done', description: 'قیمت‌ها ارسال شد', version: a.version + 1 });
    expect(edited.completedAt).toBe(f.t.clock.now.toISOString());
    const stale = await f.api('PATCH', `/api/activities/${a.id}`, { subject: 'دیر', version: a.version });
    expect(stale.statusCode).toBe(409);
    expect((await f.api('DELETE', `/api/activities/${a.id}`)).statusCode).toBe(204);
    expect((await f.api('GET', `/api/activities/${a.id}`)).statusCode).toBe(404);
    const history = await f.auditOf(a.id);
    expect(history.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(history[1]!.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'open', after: 'done' }]));
  });

  it('refuses an end before the start with a Persian message on the field, and writes nothing', async () => {
    const before = (await f.ok('GET', '/api/activities?limit=500')).items.length;
    const res = await f.api('POST', '/api/activities', { typeId: f.typeId('جلسه'), subject: 'جلسه', startsAt: '1403/12/20 14:00', endsAt: '1403/12/20 13:00' });
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res).endsAt).toBe('زمان پایان نمی‌تواند پیش از زمان شروع باشد');
    const a = await f.activity({ startsAt: '1403/12/20 14:00', durationMinutes: 30 });
    const patch = await f.api('PATCH', `/api/activities/${a.id}`, { endsAt: '1403/12/20 13:59' });
    expect(patch.statusCode).toBe(400);
    expect(errorsOf(patch).endsAt).toBe('زمان پایان نمی‌تواند پیش از زمان شروع باشد');
    expect((await f.ok('GET', '/api/activities?limit=500')).items.length).toBe(before + 1);
    await f.ok('DELETE', `/api/activities/${a.id}`);
  });

  it('names the bad field: unknown type, contact of another customer, direction on a meeting, a date that does not exist', async () => {
    const other = await f.ok('POST', '/api/customers', { kind: 'natural', lastName: 'دیگری', contacts: [] });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ typeId: '00000000-0000-4000-8000-000000000000' }, 'typeId', 'نوع فعالیت انتخاب‌شده پیدا نشد'],
      [{ customerId: other.id, contactId: f.contactId }, 'contactId', 'رابط انتخاب‌شده از افراد این مشتری نیست'],
      [{ typeId: f.typeId('جلسه'), direction: 'in' }, 'direction', 'جهت تماس فقط برای فعالیت‌های از نوع تماس است'],
      [{ startsAt: '1403/12/31 10:00' }, 'startsAt', 'زمان شروع معتبر نیست'],
      [{ durationMinutes: 'نیم ساعت' }, 'durationMinutes', 'مدت باید عدد صحیح دقیقه باشد'],
      [{ customerId: '00000000-0000-4000-8000-000000000000' }, 'customerId', 'مشتری انتخاب‌شده پیدا نشد'],
    ];
    for (const [body, path, message] of cases) {
      const res = await f.api('POST', '/api/activities', { typeId: f.typeId('تماس'), subject: 'آزمون', startsAt: '1403/12/20 09:00', customerId: f.customer.id, ...body });
      expect({ path, status: res.statusCode, message: errorsOf(res)[path] }).toEqual({ path, status: 400, message });
    }
  });

  it('a meeting has a place and invitees (staff and contacts); moving only its start keeps its length', async () => {
    const colleague = await f.user('hamkar', ALL_ACTIVITY_GRANTS('own'));
    const m = await f.ok('POST', '/api/activities', {
      typeId: f.typeId('جلسه'), subject: 'جلسه معرفی محصول', startsAt: '1403/12/22 10:00', endsAt: '1403/12/22 11:30', customerId: f.customer.id,
      location: 'دفتر مرکزی', invitees: [{ userId: colleague.id }, { contactId: f.contactId }, { userId: colleague.id }],
    });
    expect(m).toMatchObject({ location: 'دفتر مرکزی', durationMinutes: 90 });
    expect(m.invitees.map((i: { name: string }) => i.name)).toEqual(['کاربر hamkar', 'مریم احمدی']);
    const moved = await f.ok('PATCH', `/api/activities/${m.id}`, { startsAt: '2025-03-13T06:30:00Z' });
    expect(moved).toMatchObject({ startsAt: '2025-03-13T06:30:00.000Z', endsAt: '2025-03-13T08:00:00.000Z', durationMinutes: 90 });
    // The invited colleague sees it among theirs.
    const theirs = await f.ok('GET', '/api/activities?mine=true', undefined, bearer(colleague.token));
    expect(theirs.items.map((i: { id: string }) => i.id)).toContain(m.id);
  });

  it('scope "own" sees only what it is responsible for, created or is invited to', async () => {
    const sara = await f.user('sara', ALL_ACTIVITY_GRANTS('own'));
    const reza = await f.user('reza', ALL_ACTIVITY_GRANTS('own'));
    const forSara = await f.activity({ subject: 'کار سارا', responsibleId: sara.id, customerId: null });
    const byReza = await f.activity({ subject: 'ثبت رضا', customerId: null }, bearer(reza.token));
    const invited = await f.ok('POST', '/api/activities', { typeId: f.typeId('جلسه'), subject: 'جلسه با سارا', startsAt: '1403/12/21 09:00', invitees: [{ userId: sara.id }] });
    const ids = async (token: string) => (await f.ok('GET', '/api/activities?limit=500', undefined, bearer(token))).items.map((i: { id: string }) => i.id).sort();
    expect(await ids(sara.token)).toEqual([forSara.id, invited.id].sort());
    expect(await ids(reza.token)).toEqual([byReza.id]);
    expect((await f.api('GET', `/api/activities/${byReza.id}`, undefined, bearer(sara.token))).statusCode).toBe(404);
    expect((await f.api('PATCH', `/api/activities/${byReza.id}`, { subject: 'نه' }, bearer(sara.token))).statusCode).toBe(404);
    expect((await f.api('GET', '/api/activities/export', undefined, bearer((await f.user('noexport', [{ permission: 'activities.view', scope: 'all' }])).token))).statusCode).toBe(403);
  });

  it('filters by type, staff, customer, status and Jalali period, pages with a cursor, and exports the same rows', async () => {
    const subjects = ['الف', 'ب', 'پ', 'ت', 'ث'];
    for (const [i, s] of subjects.entries()) await f.activity({ subject: `دوره ${s}`, typeId: f.typeId('ایمیل'), startsAt: `1403/11/${10 + i} 09:00`, status: i % 2 ? 'done' : 'open' });
    const q = `typeId=${f.typeId('ایمیل')}&customerId=${f.customer.id}&responsibleId=${f.t.adminId}&from=۱۴۰۳/۱۱/۱۱&to=1403/11/13`;
    const all = await f.ok('GET', `/api/activities?${q}`);
    expect(all.items.map((i: { subject: string }) => i.subject)).toEqual(['دوره ت', 'دوره پ', 'دوره ب']);
    const done = await f.ok('GET', `/api/activities?${q}&status=done`);
    expect(done.items.map((i: { subject: string }) => i.subject)).toEqual(['دوره ت', 'دوره ب']);
    const first = await f.ok('GET', `/api/activities?${q}&limit=2&sort=startsAt`);
    const second = await f.ok('GET', `/api/activities?${q}&limit=2&sort=startsAt&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((i: { subject: string }) => i.subject)).toEqual(['دوره ب', 'دوره پ', 'دوره ت']);
    expect(second.nextCursor).toBeNull();

    const xlsx = await readXlsxExport(await f.api('GET', `/api/activities/export?${q}`));
    expect(xlsx.rightToLeft).toBe(true);
    expect(xlsx.rows.map((r) => [r['موضوع'], r['نوع فعالیت'], r['وضعیت'], r['مشتری'], r['زمان شروع']])).toEqual([
      ['دوره ت', 'ایمیل', 'انجام‌شده', 'شرکت پارس تجهیز', '1403/11/13 09:00'],
      ['دوره پ', 'ایمیل', 'باز', 'شرکت پارس تجهیز', '1403/11/12 09:00'],
      ['دوره ب', 'ایمیل', 'انجام‌شده', 'شرکت پارس تجهیز', '1403/11/11 09:00'],
    ]);
    const csv = readCsvExport(await f.api('GET', `/api/activities/export?${q}&format=csv&status=open`));
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((r) => r['موضوع'])).toEqual(['دوره پ']);
  });

  it('is public in the OpenAPI document: activities, activity types and follow-ups with their commands', async () => {
    const doc = (await f.t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/activities', '/api/activities/mine', '/api/activities/export', '/api/activities/{id}', '/api/activities/{id}/audio', '/api/activity-types',
      '/api/follow-ups', '/api/follow-ups/{id}/log', '/api/follow-ups/{id}/postpone', '/api/follow-ups/{id}/close', '/api/follow-ups/{id}/refer']) {
      expect(doc.paths[path], path).toBeTruthy();
    }
  });
});

