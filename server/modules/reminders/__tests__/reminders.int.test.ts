import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { bearer } from '../../../test-support/test-app.js';
import { testEngine } from '../../../test-support/test-database.js';
import { jobs } from '../../../platform/jobs/index.js';
import { smsMessages } from '../../sms/index.js';
import { reminders } from '../reminders.table.js';
import { remindersFixture, type Fixture } from './reminders-fixture.js';

let f: Fixture;
let ali: { id: string; token: string };
let sara: { id: string; token: string };
let nima: { id: string; token: string };
beforeAll(async () => {
  f = await remindersFixture();
  ali = await f.user('ali', [], { mobile: '09121234567' });
  sara = await f.user('sara');
  nima = await f.user('nima');
});
afterAll(async () => { await f?.close(); });

const asAli = () => bearer(ali.token);
const countReminders = async () => Number((await f.t.app.db.select({ n: count() }).from(reminders))[0]!.n);

describe(`reminders on ${testEngine()}`, () => {
  it('sets a reminder for myself at a Jalali time typed with Persian digits', async () => {
    const r = await f.ok('POST', '/api/reminders', { text: 'تماس با مشتري درباره پيش‌فاکتور', dueAt: '۱۴۰۳/۱۲/۲۰ ۱۱:۰۰' }, asAli());
    expect(r).toMatchObject({
      text: 'تماس با مشتری درباره پیش‌فاکتور', dueAt: '2025-03-10T07:30:00.000Z', status: 'pending', recipientId: ali.id, createdBy: ali.id,
      recipientHasMobile: true, viaSms: false, editable: true, deliveredAt: null,
    });
    const history = await f.ok('GET', `/api/audit-log?entity=reminder&entityId=${r.id}`);
    expect(history.items[0]).toMatchObject({ action: 'create' });
    await f.ok('DELETE', `/api/reminders/${r.id}`, undefined, asAli());
  });

  it('refuses a time in the past and a deactivated recipient with Persian messages on the field, writing nothing', async () => {
    const before = await countReminders();
    const jobsBefore = Number((await f.t.app.db.select({ n: count() }).from(jobs))[0]!.n);
    const past = await f.api('POST', '/api/reminders', { text: 'دیر شده', dueAt: '1403/12/20 10:00' }, asAli());
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ path: 'dueAt', message: 'زمان یادآور باید بعد از اکنون باشد' }]);

    const gone = await f.user('gone');
    expect((await f.api('POST', `/api/staff/${gone.id}/deactivate`)).statusCode).toBe(200);
    const inactive = await f.api('POST', '/api/reminders', { text: 'برای همکار غیرفعال', dueAt: '1403/12/21 09:00', recipientId: gone.id });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().errors).toEqual([{ path: 'recipientId', message: 'گیرنده انتخاب‌شده غیرفعال است؛ برای همکار غیرفعال یادآور ثبت نمی‌شود' }]);

    const empty = await f.api('POST', '/api/reminders', { text: '  ', dueAt: 'فردا' }, asAli());
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['dueAt', 'text']);
    expect(await countReminders()).toBe(before);
    expect(Number((await f.t.app.db.select({ n: count() }).from(jobs))[0]!.n)).toBe(jobsBefore);
  });

  it('is delivered by the scheduler at its time, not a minute before: a live pop-up with its link', async () => {
    const r = await f.ok('POST', '/api/reminders', { text: 'جلسه با مدیر فروش', dueAt: '1403/12/20 11:00' }, asAli());
    const live = f.listen(ali.id);
    try {
      f.minutes(29);
      await f.tick();
      expect((await f.row(r.id)).status).toBe('pending');
      expect((await f.notificationsOf(ali.id)).filter((n) => n.kind === 'reminder')).toHaveLength(0);

      f.minutes(1);
      await f.tick();
      const delivered = await f.row(r.id);
      expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: f.t.clock.now, smsMessageId: null, smsNote: null });
      const [n] = (await f.notificationsOf(ali.id)).filter((x) => x.kind === 'reminder');
      expect(n).toMatchObject({ title: 'یادآور: جلسه با مدیر فروش', link: `/reminders?open=${r.id}`, readAt: null });
      await expect.poll(() => live.events.find((e) => e.type === 'notification')?.data).toMatchObject({ kind: 'reminder', title: 'یادآور: جلسه با مدیر فروش' });

      // Delivered once: a later pass changes nothing.
      f.minutes(5);
      await f.tick();
      expect((await f.notificationsOf(ali.id)).filter((x) => x.kind === 'reminder')).toHaveLength(1);
      const archived = await f.ok('GET', '/api/reminders?view=archive', undefined, asAli());
      expect(archived.items.map((i: { id: string }) => i.id)).toContain(r.id);
      expect(archived.items.find((i: { id: string }) => i.id === r.id)).toMatchObject({ status: 'delivered', editable: false });
    } finally {
      live.stop();
    }
  });

  it("queues an SMS to the recipient's mobile when asked; without a mobile it notes why and still pops up", async () => {
    const start = f.t.clock.now.getTime();
    const due = new Date(start + 10 * 60_000).toISOString();
    const withMobile = await f.ok('POST', '/api/reminders', { text: 'ارسال قرارداد', dueAt: due, viaSms: true }, asAli());
    const noMobile = await f.ok('POST', '/api/reminders', { text: 'پیگیری چک', dueAt: due, viaSms: true, recipientId: sara.id });
    expect(noMobile.recipientHasMobile).toBe(false);
    f.minutes(10);
    await f.tick();
    const sent = await f.row(withMobile.id);
    expect(sent.status).toBe('delivered');
    const [sms] = await f.t.app.db.select().from(smsMessages).where(eq(smsMessages.reference, `reminder:${withMobile.id}`));
    expect(sms).toMatchObject({ id: sent.smsMessageId, to: '09121234567', status: 'queued', createdBy: null });
    // The outbox stores Latin digits (normalized text), as every SMS it sends.
    expect(sms!.text).toBe('یادآور 1403/12/20 11:15: ارسال قرارداد');

    expect(await f.row(noMobile.id)).toMatchObject({ status: 'delivered', smsMessageId: null, smsNote: 'برای گیرنده شماره موبایل ثبت نشده است؛ پیامک فرستاده نشد' });
    expect(await f.t.app.db.select().from(smsMessages).where(eq(smsMessages.reference, `reminder:${noMobile.id}`))).toEqual([]);
    expect((await f.notificationsOf(sara.id)).filter((n) => n.kind === 'reminder')).toHaveLength(1);
    const seen = await f.ok('GET', `/api/reminders/${noMobile.id}`);
    expect(seen.smsNote).toContain('شماره موبایل ثبت نشده');
  });

  it('is editable and deletable until it is due, by whoever set it; refused afterwards', async () => {
    const r = await f.ok('POST', '/api/reminders', { text: 'تمدید قرارداد', dueAt: '1403/12/25 09:00', recipientId: sara.id });
    const moved = await f.ok('PATCH', `/api/reminders/${r.id}`, { text: 'تمدید قرارداد پشتیبانی', dueAt: '۱۴۰۳/۱۲/۲۰ ۱۲:۰۰', version: r.version });
    expect(moved).toMatchObject({ text: 'تمدید قرارداد پشتیبانی', dueAt: '2025-03-10T08:30:00.000Z', version: 2, editable: true });
    expect((await f.api('PATCH', `/api/reminders/${r.id}`, { text: 'x', version: 1 })).statusCode).toBe(409);
    const bySara = await f.api('PATCH', `/api/reminders/${r.id}`, { text: 'تغییر گیرنده' }, bearer(sara.token));
    expect(bySara.statusCode).toBe(403);
    expect(bySara.json().detail).toBe('فقط کسی که یادآور را ثبت کرده می‌تواند آن را تغییر دهد یا حذف کند.');
    const history = await f.ok('GET', `/api/audit-log?entity=reminder&entityId=${r.id}`);
    expect(history.items[0].changes).toEqual(expect.arrayContaining([{ field: 'text', before: 'تمدید قرارداد', after: 'تمدید قرارداد پشتیبانی' }]));

    // Due but not yet delivered (the scheduler has not run): already too late to change.
    f.t.clock.now = new Date('2025-03-10T08:30:00Z');
    const late = await f.api('PATCH', `/api/reminders/${r.id}`, { text: 'دیر' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('زمان این یادآور رسیده یا اعلام شده است؛ دیگر ویرایش یا حذف نمی‌شود.');
    expect((await f.api('DELETE', `/api/reminders/${r.id}`)).statusCode).toBe(409);
    await f.tick();
    expect((await f.row(r.id)).status).toBe('delivered');
    expect((await f.api('DELETE', `/api/reminders/${r.id}`)).statusCode).toBe(409);

    // A deleted one is never delivered, and is kept in the archive as deleted.
    const d = await f.ok('POST', '/api/reminders', { text: 'لغو شود', dueAt: '1403/12/20 12:10' });
    expect((await f.api('DELETE', `/api/reminders/${d.id}`)).statusCode).toBe(204);
    f.minutes(15);
    await f.tick();
    expect((await f.row(d.id)).status).toBe('canceled');
    expect((await f.ok('GET', '/api/reminders?view=archive&status=canceled')).items.map((i: { id: string }) => i.id)).toContain(d.id);
    expect((await f.ok('GET', '/api/reminders?view=archive')).items.map((i: { id: string }) => i.id)).not.toContain(d.id);
  });

  it("needs reminders.assign for a colleague's reminder, within its scope; others never see it", async () => {
    const due = new Date(f.t.clock.now.getTime() + 3_600_000).toISOString();
    const refused = await f.api('POST', '/api/reminders', { text: 'برای سارا', dueAt: due, recipientId: sara.id }, asAli());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors).toEqual([{ path: 'recipientId', message: 'اجازه ثبت یادآور برای این همکار را ندارید' }]);
    expect((await f.ok('GET', '/api/reminders/recipients', undefined, asAli())).items.map((i: { id: string }) => i.id)).toEqual([ali.id]);

    const unit = await f.ok('POST', '/api/units', { name: 'فروش شمال' });
    const lead = await f.user('lead', [{ permission: 'reminders.assign', scope: 'unit' }], { unitId: unit.id });
    const mate = await f.user('mate', [], { unitId: unit.id });
    const options = (await f.ok('GET', '/api/reminders/recipients', undefined, bearer(lead.token))).items;
    expect(options[0]).toMatchObject({ id: lead.id, isMe: true });
    expect(options.map((o: { id: string }) => o.id).sort()).toEqual([lead.id, mate.id].sort());
    const outside = await f.api('POST', '/api/reminders', { text: 'خارج از واحد', dueAt: due, recipientId: sara.id }, bearer(lead.token));
    expect(outside.statusCode).toBe(403);
    const r = await f.ok('POST', '/api/reminders', { text: 'گزارش هفتگی را بفرست', dueAt: due, recipientId: mate.id }, bearer(lead.token));

    expect((await f.ok('GET', '/api/reminders?box=received', undefined, bearer(mate.token))).items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    expect((await f.ok('GET', '/api/reminders?box=sent', undefined, bearer(lead.token))).items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    expect((await f.ok('GET', `/api/reminders/${r.id}`, undefined, bearer(mate.token))).editable).toBe(false);
    expect((await f.api('GET', `/api/reminders/${r.id}`, undefined, bearer(nima.token))).statusCode).toBe(404);
    expect((await f.api('DELETE', `/api/reminders/${r.id}`, undefined, bearer(nima.token))).statusCode).toBe(404);
    expect((await f.api('GET', `/api/reminders/${r.id}`)).statusCode).toBe(404); // an admin too: reminders are personal
  });

  it('searches the archive by text with Persian normalization', async () => {
    const due = new Date(f.t.clock.now.getTime() + 60_000).toISOString();
    const a = await f.ok('POST', '/api/reminders', { text: 'پيگيري كالاي مرجوعي شركت البرز', dueAt: due }, asAli());
    await f.ok('POST', '/api/reminders', { text: 'خرید لوازم اداری', dueAt: due }, asAli());
    f.minutes(1);
    await f.tick();
    const found = await f.ok('GET', `/api/reminders?view=archive&q=${encodeURIComponent('كالای مرجوعی')}`, undefined, asAli());
    expect(found.items.map((i: { id: string; text: string }) => i.text)).toEqual(['پیگیری کالای مرجوعی شرکت البرز']);
    expect(found.items[0].id).toBe(a.id);
    expect((await f.ok('GET', `/api/reminders?view=upcoming&q=${encodeURIComponent('مرجوعی')}`, undefined, asAli())).items).toEqual([]);
  });

  it("shows a customer's reminders on its 360° timeline to the people they belong to only", async () => {
    const c = await f.ok('POST', '/api/customers', { kind: 'legal', companyName: 'شرکت پارس تجهیز', mobile: '09131234567' });
    const r = await f.ok('POST', '/api/reminders', { text: 'پیگیری پیش‌فاکتور', dueAt: '1403/12/28 10:00', customerId: c.id });
    expect(r).toMatchObject({ customerId: c.id, linkType: 'customer', linkId: c.id, linkTitle: 'مشتری: شرکت پارس تجهیز', linkPath: `/customers/${c.id}` });
    const timeline = await f.ok('GET', `/api/customers/${c.id}/timeline?types=reminder`);
    expect(timeline.items).toEqual([expect.objectContaining({ type: 'reminder', id: r.id, title: 'یادآور: پیگیری پیش‌فاکتور' })]);
    const viewer = await f.user('viewer', [{ permission: 'customers.view', scope: 'all' }]);
    expect((await f.ok('GET', `/api/customers/${c.id}/timeline?types=reminder`, undefined, bearer(viewer.token))).items).toEqual([]);
    const bad = await f.api('POST', '/api/reminders', { text: 'x', dueAt: '1403/12/28 10:00', customerId: crypto.randomUUID() });
    expect(bad.json().errors).toEqual([{ path: 'customerId', message: 'مشتری انتخاب‌شده پیدا نشد' }]);
  });

  it('delivers a busy minute in batches: 1,100 reminders due together, one job, every one notified once', async () => {
    const due = new Date(f.t.clock.now.getTime() + 5 * 60_000);
    const now = f.t.clock.now;
    const rows = Array.from({ length: 1100 }, (_, i) => ({ tenantId: f.t.tenantId, recipientId: i % 2 ? ali.id : sara.id, createdBy: ali.id, dueAt: due, text: `یادآور انبوه ${i}`, createdAt: now, updatedAt: now }));
    for (let i = 0; i < rows.length; i += 500) await f.t.app.db.insert(reminders).values(rows.slice(i, i + 500));
    await f.ok('POST', '/api/reminders', { text: 'یکی از راه API', dueAt: due.toISOString() }, asAli());
    const [{ n: queued }] = await f.t.app.db.select({ n: count() }).from(jobs).where(and(eq(jobs.kind, 'reminders.deliver'), eq(jobs.status, 'queued'), eq(jobs.runAt, due))) as [{ n: number }];
    expect(Number(queued)).toBe(1);
    f.minutes(5);
    await f.tick();
    const [{ n: pending }] = await f.t.app.db.select({ n: count() }).from(reminders).where(and(eq(reminders.status, 'pending'), eq(reminders.dueAt, due))) as [{ n: number }];
    expect(Number(pending)).toBe(0);
    const bulk = (await f.notificationsOf(sara.id)).filter((n) => n.title.startsWith('یادآور: یادآور انبوه'));
    expect(bulk).toHaveLength(550);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await f.api('GET', '/api/openapi.json')).json();
    for (const [path, method] of [['/api/reminders', 'get'], ['/api/reminders', 'post'], ['/api/reminders/{id}', 'patch'], ['/api/reminders/{id}', 'delete'], ['/api/reminders/recipients', 'get']]) {
      expect(doc.paths[path!]?.[method!]?.tags, `${method} ${path}`).toEqual(['reminders']);
    }
  });
});
