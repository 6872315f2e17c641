import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { testEngine } from '../../../test-support/test-database.js';
import { eventHubFor, type CrmEvent } from '../../../platform/events/index.js';
import { notifications } from '../../notifications/notifications.table.js';
import { seedApiKey } from '../../notifications/__tests__/seed-user.js';
import { announcementsKit } from './announcements-kit.js';

type User = { id: string; token: string };
let t: TestApp;
let sellerRoleId: string;
let ali: User, sara: User, nima: User, lead: User, north: User, south: User;
let northUnit: string, southUnit: string, northWest: string;

const { api, ok, addStaff } = announcementsKit(() => t);
const inbox = async (u: { token: string }, q = '') => ok('GET', `/api/announcements${q}`, undefined, u.token);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2025-03-10T07:00:00Z');
  const roles = (await ok('GET', '/api/roles')).items as { id: string; name: string }[];
  sellerRoleId = roles.find((r) => r.name === 'کارشناس فروش')!.id;
  northUnit = (await ok('POST', '/api/units', { name: 'شعبه شمال', kind: 'branch' })).id;
  northWest = (await ok('POST', '/api/units', { name: 'فروش غرب', parentId: northUnit })).id;
  southUnit = (await ok('POST', '/api/units', { name: 'شعبه جنوب', kind: 'branch' })).id;
  ali = await addStaff('ali', { roleIds: [sellerRoleId], unitId: northWest });
  sara = await addStaff('sara', { roleIds: [sellerRoleId], unitId: southUnit });
  nima = await userWithGrants(t, 'nima', [{ permission: 'customers.view', scope: 'own' }], { unitId: southUnit });
  lead = await userWithGrants(t, 'lead', [{ permission: 'announcements.create', scope: 'subunits' }], { unitId: northUnit });
  north = await addStaff('north', { unitId: northUnit });
  south = await userWithGrants(t, 'south', [{ permission: 'announcements.create', scope: 'unit' }], { unitId: southUnit });
});
afterAll(async () => { await t?.close(); });

describe(`announcements on ${testEngine()}`, () => {
  it('an announcement to a role reaches only its members, each with a live pop-up', async () => {
    const events: CrmEvent[] = [];
    const stop = eventHubFor(t.app.database).subscribe({ tenantId: t.tenantId, userId: ali.id, send: (e) => events.push(e) });
    try {
      const a = await ok('POST', '/api/announcements', { title: 'جلسه فروش ماهانه', body: 'جلسه فروش ماهانه پنجشنبه ساعت ۱۰ برگزار می‌شود.', audience: 'role', targetId: sellerRoleId });
      expect(a).toMatchObject({ audience: 'role', targetName: 'کارشناس فروش', recipientCount: 2, readCount: 0, body: 'جلسه فروش ماهانه پنجشنبه ساعت 10 برگزار می‌شود.' });
      for (const u of [ali, sara]) {
        const box = await inbox(u);
        expect(box.unreadCount).toBe(1);
        expect(box.items).toEqual([expect.objectContaining({ id: a.id, title: 'جلسه فروش ماهانه', readAt: null, readCount: null, senderName: 'مدیر آزمون' })]);
      }
      for (const u of [nima, north, lead]) expect((await inbox(u)).items).toEqual([]);
      const [n] = await t.app.db.select().from(notifications).where(eq(notifications.userId, ali.id));
      expect(n).toMatchObject({ kind: 'announcement', title: 'اطلاعیه: جلسه فروش ماهانه', link: `/announcements?open=${a.id}` });
      await expect.poll(() => events.find((e) => e.type === 'notification')?.data).toMatchObject({ kind: 'announcement', title: 'اطلاعیه: جلسه فروش ماهانه' });
      expect((await t.app.db.select().from(notifications).where(eq(notifications.userId, nima.id)))).toEqual([]);
      const history = await ok('GET', `/api/audit-log?entity=announcement&entityId=${a.id}`);
      expect(history.items[0]).toMatchObject({ action: 'create' });
    } finally {
      stop();
    }
  });

  it('read status: the sender sees, person by person, who has read it and when', async () => {
    const a = (await inbox(ali)).items[0];
    const read = await ok('POST', `/api/announcements/${a.id}/read`, undefined, ali.token);
    expect(read).toEqual({ readAt: t.clock.now.toISOString(), unreadCount: 0 });
    const firstRead = t.clock.now.toISOString();
    t.clock.advance(60_000);
    expect((await ok('POST', `/api/announcements/${a.id}/read`, undefined, ali.token)).readAt).toBe(firstRead); // the first time counts

    const status = await ok('GET', `/api/announcements/${a.id}/reads`);
    expect(status).toMatchObject({ total: 2, readCount: 1 });
    expect(status.items).toEqual([
      { userId: sara.id, name: 'کاربر sara', unitName: 'شعبه جنوب', readAt: null },
      { userId: ali.id, name: 'کاربر ali', unitName: 'فروش غرب', readAt: firstRead },
    ]);
    expect((await ok('GET', '/api/announcements/sent')).items[0]).toMatchObject({ id: a.id, readCount: 1, recipientCount: 2 });
    expect((await inbox(ali, '?unread=true')).items).toEqual([]);
    expect((await inbox(ali)).items[0].readAt).toBe(firstRead);
  });

  it('only the sender (or an admin) sees the read status; others see only what was sent to them', async () => {
    const a = (await inbox(ali)).items[0];
    const notSender = await api('GET', `/api/announcements/${a.id}/reads`, undefined, lead.token);
    expect(notSender.statusCode).toBe(403);
    expect(notSender.json().detail).toBe('فقط فرستنده اطلاعیه (یا مدیر سیستم) وضعیت خوانده‌شدن آن را می‌بیند.');
    expect((await api('GET', `/api/announcements/${a.id}/reads`, undefined, ali.token)).statusCode).toBe(403);
    expect((await api('GET', `/api/announcements/${a.id}`, undefined, nima.token)).statusCode).toBe(404);
    expect((await api('POST', `/api/announcements/${a.id}/read`, undefined, nima.token)).statusCode).toBe(404);
    expect((await ok('GET', `/api/announcements/${a.id}`, undefined, ali.token)).readCount).toBeNull();
    expect((await ok('GET', `/api/announcements/${a.id}`)).readCount).toBe(1);
  });

  it('needs announcements.create to send; a manager reaches only the staff within their scope', async () => {
    const refused = await api('POST', '/api/announcements', { title: 'x', body: 'y', audience: 'all' }, nima.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('شما اجازه انجام این کار را ندارید.');

    // "All staff" from a manager of the north branch (scope: subunits) is the north branch and below.
    const all = await ok('POST', '/api/announcements', { title: 'تعطیلی شعبه', body: 'شعبه شمال شنبه تعطیل است.', audience: 'all' }, lead.token);
    expect(all.recipientCount).toBe(2);
    expect((await inbox(ali)).items[0].id).toBe(all.id);
    expect((await inbox(north)).items[0].id).toBe(all.id);
    expect((await inbox(sara)).items.map((i: { id: string }) => i.id)).not.toContain(all.id);

    const west = await ok('POST', '/api/announcements', { title: 'هدف فروش غرب', body: 'هدف این ماه ۵۰۰ میلیون ریال.', audience: 'unit', targetId: northWest }, lead.token);
    expect(west).toMatchObject({ recipientCount: 1, targetName: 'فروش غرب' });
    const outside = await api('POST', '/api/announcements', { title: 'x', body: 'y', audience: 'unit', targetId: southUnit }, lead.token);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().errors).toEqual([{ path: 'targetId', message: 'این واحد خارج از محدوده دسترسی شما برای ارسال اطلاعیه است' }]);
    const options = await ok('GET', '/api/announcements/audiences', undefined, lead.token);
    expect(options.units.map((u: { name: string }) => u.name)).toEqual(['شعبه شمال', 'فروش غرب']);
    expect(options.allLabel).toBe('همه پرسنل واحد من و زیرواحدها');

    // A role is cut to the sender's unit too: the south manager reaches sara, not ali.
    const sellers = await ok('POST', '/api/announcements', { title: 'فروشندگان جنوب', body: 'گزارش هفتگی را بفرستید.', audience: 'role', targetId: sellerRoleId }, south.token);
    expect(sellers.recipientCount).toBe(1);
    expect((await ok('GET', `/api/announcements/${sellers.id}/reads`, undefined, south.token)).items.map((i: { userId: string }) => i.userId)).toEqual([sara.id]);
    expect((await ok('GET', '/api/announcements/sent', undefined, south.token)).items.map((i: { id: string }) => i.id)).toEqual([sellers.id]);
  });

  it('refuses bad input with Persian messages on the fields, writing nothing', async () => {
    const before = (await ok('GET', '/api/announcements/sent')).items.length;
    const noRole = await api('POST', '/api/announcements', { title: 'عنوان', body: 'متن', audience: 'role' });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json().errors).toEqual([{ path: 'targetId', message: 'نقش مخاطب را انتخاب کنید' }]);
    const empty = await api('POST', '/api/announcements', { title: ' ', body: '', audience: 'everyone' });
    expect(empty.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['audience', 'body', 'title']);
    const missing = await api('POST', '/api/announcements', { title: 'عنوان', body: 'متن', audience: 'unit', targetId: crypto.randomUUID() });
    expect(missing.json().errors).toEqual([{ path: 'targetId', message: 'واحد انتخاب‌شده پیدا نشد' }]);
    const emptyUnit = (await ok('POST', '/api/units', { name: 'واحد خالی' })).id;
    const nobody = await api('POST', '/api/announcements', { title: 'عنوان', body: 'متن', audience: 'unit', targetId: emptyUnit });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].message).toBe('هیچ همکار فعالی در این مخاطبان (و در محدوده دسترسی شما) نیست');
    expect((await ok('GET', '/api/announcements/sent')).items.length).toBe(before);
  });

  it('has no inbox for an API key, and is listed in the OpenAPI document', async () => {
    const key = await seedApiKey(t.app.db, t.tenantId);
    expect((await api('GET', '/api/announcements', undefined, key)).statusCode).toBe(403);
    const doc = (await api('GET', '/api/openapi.json')).json();
    for (const [path, method] of [['/api/announcements', 'get'], ['/api/announcements', 'post'], ['/api/announcements/{id}/read', 'post'], ['/api/announcements/{id}/reads', 'get']]) {
      expect(doc.paths[path!]?.[method!]?.tags, `${method} ${path}`).toEqual(['announcements']);
    }
  });
});
