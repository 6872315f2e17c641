import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test-support/test-app.js';
import { activitiesFixture, ALL_ACTIVITY_GRANTS, type Fixture } from './activities-fixture.js';

let f: Fixture;
let ali: { id: string; token: string };
let nima: { id: string; token: string };
beforeAll(async () => {
  f = await activitiesFixture();
  ali = await f.user('ali', ALL_ACTIVITY_GRANTS('own'));
  nima = await f.user('nima', ALL_ACTIVITY_GRANTS('own'));
});
afterAll(async () => { await f?.close(); });

const followUp = (subject: string, startsAt: string, responsibleId = ali.id) => f.activity({ subject, startsAt, responsibleId, isFollowUp: true });
const cartable = (token: string, view = 'due') => f.ok('GET', `/api/follow-ups?view=${view}`, undefined, bearer(token));

describe('follow-up cartable (کارتابل پیگیری)', () => {
  it('shows my pending follow-ups due by tonight, oldest first, overdue ones flagged; later ones apart', async () => {
    await followUp('پیگیری دیروز', '1403/12/19 10:00');
    await followUp('پیگیری امروز صبح', '1403/12/20 09:00');
    await followUp('پیگیری امروز عصر', '1403/12/20 17:00');
    await followUp('پیگیری فردا', '1403/12/21 10:00');
    await f.activity({ subject: 'تماس عادی', startsAt: '1403/12/20 09:30', responsibleId: ali.id });
    await followUp('پیگیری دیگری', '1403/12/20 09:00', nima.id);
    const due = await cartable(ali.token);
    expect(due.items.map((i: { subject: string; overdue: boolean }) => [i.subject, i.overdue])).toEqual([
      ['پیگیری دیروز', true], ['پیگیری امروز صبح', true], ['پیگیری امروز عصر', false],
    ]);
    expect(due.counts).toEqual({ due: 3, overdue: 2, upcoming: 1 });
    expect(due.items[0].customerMobile).toBe('09121234567');
    expect((await cartable(ali.token, 'upcoming')).items.map((i: { subject: string }) => i.subject)).toEqual(['پیگیری فردا']);
  });

  it('logs a call result in one click: a done call under the follow-up, on the same customer; then postpones it', async () => {
    const fu = (await cartable(ali.token)).items.find((i: { subject: string }) => i.subject === 'پیگیری دیروز');
    const res = await f.ok('POST', `/api/follow-ups/${fu.id}/log`, { result: 'مشتري پاسخ نداد', durationMinutes: '۲', next: 'postpone', to: '1403/12/21 11:00' }, bearer(ali.token));
    expect(res).toMatchObject({ id: fu.id, status: 'open', startsAt: '2025-03-11T07:30:00.000Z', postponeCount: 1 });
    const calls = await f.ok('GET', `/api/activities?customerId=${f.customer.id}&kind=call&followUp=false&status=done`);
    const logged = calls.items.find((i: { parentId: string | null }) => i.parentId === fu.id);
    expect(logged).toMatchObject({ description: 'مشتری پاسخ نداد', direction: 'out', durationMinutes: 2, responsibleId: ali.id, customerId: f.customer.id });
    const upcoming = await cartable(ali.token, 'upcoming');
    expect(upcoming.items.find((i: { id: string }) => i.id === fu.id)).toMatchObject({ lastResult: 'مشتری پاسخ نداد', logCount: 1 });
  });

  it('postpones only to a future time, with the reason kept in the history', async () => {
    const fu = (await cartable(ali.token)).items.find((i: { subject: string }) => i.subject === 'پیگیری امروز صبح');
    const past = await f.api('POST', `/api/follow-ups/${fu.id}/postpone`, { to: '1403/12/20 10:00' }, bearer(ali.token));
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toEqual({ path: 'to', message: 'زمان جدید پیگیری باید بعد از اکنون باشد' });
    const ok = await f.ok('POST', `/api/follow-ups/${fu.id}/postpone`, { to: '۱۴۰۳/۱۲/۲۰ ۱۶:۰۰', note: 'مشتری خواست عصر تماس بگیریم' }, bearer(ali.token));
    expect(ok).toMatchObject({ startsAt: '2025-03-10T12:30:00.000Z', overdue: false, postponeCount: 1 });
    const [entry] = await f.auditOf(fu.id);
    expect(entry!.changes).toEqual(expect.arrayContaining([{ field: 'note', before: null, after: 'مشتری خواست عصر تماس بگیریم' }]));
  });

  it('closes with an outcome; a closed follow-up leaves the cartable and refuses further commands', async () => {
    const fu = (await cartable(ali.token)).items.find((i: { subject: string }) => i.subject === 'پیگیری امروز عصر');
    const noOutcome = await f.api('POST', `/api/follow-ups/${fu.id}/close`, {}, bearer(ali.token));
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors[0].path).toBe('outcome');
    const closed = await f.ok('POST', `/api/follow-ups/${fu.id}/close`, { outcome: 'successful', outcomeNote: 'سفارش گرفت' }, bearer(ali.token));
    expect(closed).toMatchObject({ status: 'done', outcome: 'successful', outcomeNote: 'سفارش گرفت' });
    expect((await cartable(ali.token)).items.map((i: { id: string }) => i.id)).not.toContain(fu.id);
    expect((await f.api('POST', `/api/follow-ups/${fu.id}/postpone`, { to: '1403/12/25 10:00' }, bearer(ali.token))).statusCode).toBe(409);
  });

  it('refers to another user, who is notified with a link to the cartable', async () => {
    const fu = await followUp('پیگیری برای ارجاع', '1403/12/20 12:00');
    const self = await f.api('POST', `/api/follow-ups/${fu.id}/refer`, { userId: ali.id }, bearer(ali.token));
    expect(self.json().errors[0]).toEqual({ path: 'userId', message: 'این پیگیری هم‌اکنون با همین کاربر است' });
    const referred = await f.ok('POST', `/api/follow-ups/${fu.id}/refer`, { userId: nima.id, note: 'مشتری منطقه شماست' }, bearer(ali.token));
    expect(referred).toMatchObject({ responsibleId: nima.id, referredBy: ali.id });
    expect((await cartable(nima.token)).items.map((i: { id: string }) => i.id)).toContain(fu.id);
    expect((await cartable(ali.token)).items.map((i: { id: string }) => i.id)).not.toContain(fu.id);
    const inbox = await f.ok('GET', '/api/notifications', undefined, bearer(nima.token));
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({ title: 'پیگیری «پیگیری برای ارجاع» به شما ارجاع شد', link: `/follow-ups?open=${fu.id}`, kind: 'follow_up.referred' });
    expect(inbox.items[0].body).toContain('مشتری منطقه شماست');
    expect(inbox.items[0].body).toContain('شرکت پارس تجهیز');
  });
});
