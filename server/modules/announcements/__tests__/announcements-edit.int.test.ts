// Editing a sent announcement (PATCH /api/announcements/{id}): only its sender or an admin; a new text sets read
// receipts back to unread and pops it up again; a new audience keeps the receipts of those still in it; stale
// versions and bad input are refused in Persian, changing nothing; every edit is in the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, userWithGrants, type TestApp } from '../../../test-support/test-app.js';
import { notifications } from '../../notifications/notifications.table.js';
import { seedApiKey } from '../../notifications/__tests__/seed-user.js';
import { announcementsKit } from './announcements-kit.js';

type User = { id: string; token: string };
type Announcement = { id: string; title: string; body: string; audience: string; targetId: string | null; targetName: string | null; recipientCount: number; readCount: number | null; readAt: string | null; senderId: string; version: number; editedAt: string | null };
let t: TestApp;
let sellerRoleId: string;
let north: string, south: string, northWest: string;
let ali: User, sara: User, reza: User, lead: User, peer: User, outsider: User;

const { api, ok, addStaff } = announcementsKit(() => t);
const one = (id: string, token?: string) => ok('GET', `/api/announcements/${id}`, undefined, token) as Promise<Announcement>;
const inboxIds = async (u: User) => ((await ok('GET', '/api/announcements', undefined, u.token)).items as Announcement[]).map((a) => a.id);
const reads = async (id: string, token?: string) =>
  Object.fromEntries(((await ok('GET', `/api/announcements/${id}/reads`, undefined, token)).items as { userId: string; readAt: string | null }[]).map((r) => [r.userId, r.readAt]));
const history = async (id: string) => (await ok('GET', `/api/audit-log?entity=announcement&entityId=${id}`)).items as { action: string; actor: { id: string } | null; changes: { field: string; before: unknown; after: unknown }[] }[];
const notesOf = (userId: string, link: string) => t.app.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.link, link)));

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2025-03-10T07:00:00Z');
  const roles = (await ok('GET', '/api/roles')).items as { id: string; name: string }[];
  sellerRoleId = roles.find((r) => r.name === 'کارشناس فروش')!.id;
  north = (await ok('POST', '/api/units', { name: 'شعبه شمال', kind: 'branch' })).id;
  northWest = (await ok('POST', '/api/units', { name: 'فروش غرب', parentId: north })).id;
  south = (await ok('POST', '/api/units', { name: 'شعبه جنوب', kind: 'branch' })).id;
  ali = await addStaff('ali', { roleIds: [sellerRoleId], unitId: northWest });
  reza = await addStaff('reza', { unitId: north });
  sara = await addStaff('sara', { roleIds: [sellerRoleId], unitId: south });
  lead = await userWithGrants(t, 'lead', [{ permission: 'announcements.create', scope: 'subunits' }], { unitId: north });
  peer = await userWithGrants(t, 'peer', [{ permission: 'announcements.create', scope: 'unit' }], { unitId: north });
  outsider = await userWithGrants(t, 'outsider', [{ permission: 'announcements.create', scope: 'all' }], { unitId: south });
});
afterAll(async () => { await t?.close(); });

describe('PATCH /api/announcements/{id}', () => {
  it('the sender corrects the text: everyone reads it again (receipts reset, a new pop-up), the history keeps before and after', async () => {
    const a = await ok('POST', '/api/announcements', { title: 'تعطیلی شعبه', body: 'شعبه شمال شنبه تعطیل است.', audience: 'all' }, lead.token) as Announcement;
    expect(a.recipientCount).toBe(3); // ali, reza, peer: the north branch and below, lead left out
    await ok('POST', `/api/announcements/${a.id}/read`, undefined, ali.token);
    await ok('POST', `/api/announcements/${a.id}/read`, undefined, reza.token);
    expect((await one(a.id, lead.token)).readCount).toBe(2);

    t.clock.advance(60_000);
    const edited = await ok('PATCH', `/api/announcements/${a.id}`, { title: 'تعطيلي شعبه', body: 'شعبه شمال یکشنبه تعطیل است.', version: a.version }, lead.token) as Announcement;
    expect(edited).toMatchObject({ id: a.id, title: 'تعطیلی شعبه', body: 'شعبه شمال یکشنبه تعطیل است.', audience: 'all', recipientCount: 3, readCount: 0, senderId: lead.id });
    expect(a).toMatchObject({ version: 1, editedAt: null });
    expect(edited.version).toBe(a.version + 1);
    expect(edited.editedAt).not.toBeNull();
    expect(Object.values(await reads(a.id, lead.token))).toEqual([null, null, null]);
    const seen = await one(a.id, ali.token);
    expect(seen).toMatchObject({ body: 'شعبه شمال یکشنبه تعطیل است.', readAt: null });
    expect((await ok('GET', '/api/announcements?unread=true', undefined, ali.token)).items.map((i: Announcement) => i.id)).toContain(a.id);
    expect((await notesOf(ali.id, `/announcements?open=${a.id}`)).map((n) => n.title).sort()).toEqual(['اطلاعیه ویرایش شد: تعطیلی شعبه', 'اطلاعیه: تعطیلی شعبه'].sort());

    const [update, create] = await history(a.id);
    expect(create!.action).toBe('create');
    expect(update).toMatchObject({ action: 'update', actor: { id: lead.id } });
    expect(Object.fromEntries(update!.changes.map((c) => [c.field, [c.before, c.after]]))).toEqual({
      body: ['شعبه شمال شنبه تعطیل است.', 'شعبه شمال یکشنبه تعطیل است.'], readCount: [2, 0],
    });
  });

  it('a new audience: those still in it keep their receipt, newcomers get it unread with a pop-up, the others lose it', async () => {
    const a = await ok('POST', '/api/announcements', { title: 'جلسه فروشندگان', body: 'جلسه ساعت ۱۰', audience: 'role', targetId: sellerRoleId }) as Announcement;
    expect(a.recipientCount).toBe(2); // ali and sara
    await ok('POST', `/api/announcements/${a.id}/read`, undefined, ali.token);
    await ok('POST', `/api/announcements/${a.id}/read`, undefined, sara.token);
    expect(await notesOf(sara.id, `/announcements?open=${a.id}`)).toHaveLength(1);

    const moved = await ok('PATCH', `/api/announcements/${a.id}`, { audience: 'unit', targetId: north, version: a.version }) as Announcement;
    expect(moved).toMatchObject({ audience: 'unit', targetId: north, targetName: 'شعبه شمال', title: 'جلسه فروشندگان', readCount: 1 });
    const status = await reads(a.id);
    expect(Object.keys(status).sort()).toEqual([ali.id, lead.id, peer.id, reza.id].sort());
    expect(status[ali.id]).not.toBeNull();
    expect([status[reza.id], status[lead.id], status[peer.id]]).toEqual([null, null, null]);
    expect(await inboxIds(sara)).not.toContain(a.id);
    expect(await notesOf(sara.id, `/announcements?open=${a.id}`)).toEqual([]); // her pop-up would lead to a 404
    expect(await inboxIds(reza)).toContain(a.id);
    expect((await notesOf(reza.id, `/announcements?open=${a.id}`)).map((n) => n.title)).toEqual(['اطلاعیه: جلسه فروشندگان']);
    expect(await notesOf(ali.id, `/announcements?open=${a.id}`)).toHaveLength(1); // only the first one: the text did not change
    const [update] = await history(a.id);
    expect(Object.fromEntries(update!.changes.map((c) => [c.field, [c.before, c.after]]))).toMatchObject({
      audience: ['role', 'unit'], targetId: [sellerRoleId, north], targetName: ['کارشناس فروش', 'شعبه شمال'], recipientCount: [2, 4], readCount: [2, 1],
    });
  });

  it('an admin may edit anyone\'s announcement; the sender stays the sender and is still left out', async () => {
    const a = await ok('POST', '/api/announcements', { title: 'هدف غرب', body: 'هدف این ماه', audience: 'unit', targetId: northWest }, lead.token) as Announcement;
    const edited = await ok('PATCH', `/api/announcements/${a.id}`, { audience: 'unit', targetId: north }) as Announcement;
    expect(edited).toMatchObject({ senderId: lead.id, recipientCount: 3 });
    expect(Object.keys(await reads(a.id, lead.token))).not.toContain(lead.id);
  });

  it('nobody else may edit: 403 without announcements.create or for a recipient who sends too, 404 for one who never saw it; an API key 403', async () => {
    const a = await ok('POST', '/api/announcements', { title: 'اطلاعیه شمال', body: 'متن اصلی', audience: 'all' }, lead.token) as Announcement;
    const tryAs = (u: User | string) => api('PATCH', `/api/announcements/${a.id}`, { title: 'دستکاری' }, typeof u === 'string' ? u : u.token);
    const recipient = await tryAs(ali);
    expect([recipient.statusCode, recipient.json().detail]).toEqual([403, 'شما اجازه انجام این کار را ندارید.']);
    const fellowSender = await tryAs(peer);
    expect([fellowSender.statusCode, fellowSender.json().detail]).toEqual([403, 'فقط فرستنده اطلاعیه (یا مدیر سیستم) می‌تواند آن را ویرایش کند.']);
    const stranger = await tryAs(outsider);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().detail).toContain('اطلاعیه');
    expect((await tryAs(await seedApiKey(t.app.db, t.tenantId))).statusCode).toBe(403);
    expect((await api('PATCH', `/api/announcements/${crypto.randomUUID()}`, { title: 'x' }, lead.token)).statusCode).toBe(404);
    expect(await one(a.id, lead.token)).toMatchObject({ title: 'اطلاعیه شمال', version: a.version });
    expect(await history(a.id)).toHaveLength(1);
  });

  it('refuses bad input and a stale version with Persian messages naming the field, changing nothing', async () => {
    const a = await ok('POST', '/api/announcements', { title: 'یادآوری گزارش', body: 'گزارش هفتگی را بفرستید.', audience: 'all' }, lead.token) as Announcement;
    const patch = (body: unknown) => api('PATCH', `/api/announcements/${a.id}`, body, lead.token);

    const empty = await patch({ title: '  ', body: '' });
    expect(empty.statusCode).toBe(400);
    const errors = empty.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['body', 'title']);
    expect(errors.find((e) => e.path === 'title')!.message).toContain('عنوان');
    expect(errors.find((e) => e.path === 'body')!.message).toContain('متن اطلاعیه');

    const long = await patch({ title: 'ع'.repeat(201) });
    expect([long.statusCode, long.json().errors[0].path]).toEqual([400, 'title']);
    expect(long.json().errors[0].message).toContain('عنوان');

    const noRole = await patch({ audience: 'role' });
    expect([noRole.statusCode, noRole.json().errors]).toEqual([400, [{ path: 'targetId', message: 'نقش مخاطب را انتخاب کنید' }]]);
    const badAudience = await patch({ audience: 'everyone' });
    expect([badAudience.statusCode, badAudience.json().errors]).toEqual([400, [{ path: 'audience', message: 'مخاطبان اطلاعیه (همه، یک نقش یا یک واحد) را انتخاب کنید' }]]);
    const outOfReach = await patch({ audience: 'unit', targetId: south });
    expect([outOfReach.statusCode, outOfReach.json().errors]).toEqual([403, [{ path: 'targetId', message: 'این واحد خارج از محدوده دسترسی شما برای ارسال اطلاعیه است' }]]);
    const missingRole = await patch({ audience: 'role', targetId: crypto.randomUUID() });
    expect([missingRole.statusCode, missingRole.json().errors]).toEqual([400, [{ path: 'targetId', message: 'نقش انتخاب‌شده پیدا نشد' }]]);

    const ok1 = await ok('PATCH', `/api/announcements/${a.id}`, { body: 'گزارش هفتگی را تا چهارشنبه بفرستید.', version: a.version }, lead.token) as Announcement;
    const stale = await patch({ body: 'نسخه قدیمی', version: a.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    expect(stale.json().detail).toMatch(/[\u0600-\u06FF]/);

    expect(await one(a.id, lead.token)).toMatchObject({ title: 'یادآوری گزارش', body: 'گزارش هفتگی را تا چهارشنبه بفرستید.', audience: 'all', recipientCount: 3, version: ok1.version });
    expect((await history(a.id)).map((h) => h.action)).toEqual(['update', 'create']);
  });

  it('the same values again change nothing: receipts stay, no pop-up, no history entry', async () => {
    const a = await ok('POST', '/api/announcements', { title: 'ساعت کاری', body: 'ساعت کاری ۸ تا ۱۶', audience: 'all' }, lead.token) as Announcement;
    await ok('POST', `/api/announcements/${a.id}/read`, undefined, ali.token);
    const same = await ok('PATCH', `/api/announcements/${a.id}`, { title: 'ساعت کاری', body: 'ساعت کاری ۸ تا ۱۶', audience: 'all', targetId: null, version: a.version }, lead.token) as Announcement;
    expect(same).toMatchObject({ readCount: 1, version: a.version });
    expect(await notesOf(ali.id, `/announcements?open=${a.id}`)).toHaveLength(1);
    expect(await history(a.id)).toHaveLength(1);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await api('GET', '/api/openapi.json')).json();
    expect(doc.paths['/api/announcements/{id}']?.patch?.tags).toEqual(['announcements']);
    expect(doc.paths['/api/announcements/sent/export']?.get?.tags).toEqual(['announcements']);
  });
});
