import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test-support/test-app.js';
import { activitiesFixture, ALL_ACTIVITY_GRANTS, type Fixture } from './activities-fixture.js';

let f: Fixture;
beforeAll(async () => { f = await activitiesFixture(); });
afterAll(async () => { await f?.close(); });

describe('my activities: today, overdue, upcoming (Tehran days, controlled clock)', () => {
  it('buckets what I am responsible for or invited to; other people\'s work stays out', async () => {
    // The clock: 1403/12/20 10:30 Tehran.
    const maryam = await f.user('maryam', ALL_ACTIVITY_GRANTS('own'));
    const other = await f.user('other', ALL_ACTIVITY_GRANTS('own'));
    const mine = { responsibleId: maryam.id };
    const add = (subject: string, startsAt: string, extra: Record<string, unknown> = {}) => f.activity({ subject, startsAt, ...mine, ...extra });
    await add('دیروز باز', '1403/12/19 16:00');
    await add('دیروز انجام‌شده', '1403/12/19 09:00', { status: 'done' });
    await add('پریروز در حال انجام', '1403/12/18 09:00', { status: 'in_progress' });
    await add('امروز صبح زود', '1403/12/20 00:05');
    await add('امروز گذشته', '1403/12/20 09:00');
    await add('امروز انجام‌شده', '1403/12/20 08:00', { status: 'done' });
    await add('امروز بعدازظهر', '1403/12/20 15:00');
    await add('امروز آخر شب', '1403/12/20 23:59');
    await add('فردا', '1403/12/21 00:00');
    await add('هفته بعد لغوشده', '1403/12/27 10:00', { status: 'canceled' });
    await f.ok('POST', '/api/activities', { typeId: f.typeId('جلسه'), subject: 'جلسه‌ای که دعوتم', startsAt: '1403/12/23 10:00', invitees: [{ userId: maryam.id }] });
    await f.activity({ subject: 'کار دیگری', startsAt: '1403/12/20 12:00', responsibleId: other.id });

    const get = (bucket: string) => f.ok('GET', `/api/activities/mine?bucket=${bucket}`, undefined, bearer(maryam.token));
    const today = await get('today');
    expect(today.items.map((i: { subject: string; overdue: boolean }) => [i.subject, i.overdue])).toEqual([
      ['امروز صبح زود', true], ['امروز انجام‌شده', false], ['امروز گذشته', true], ['امروز بعدازظهر', false], ['امروز آخر شب', false],
    ]);
    expect(today.counts).toEqual({ today: 5, overdue: 2, upcoming: 2 });
    expect((await get('overdue')).items.map((i: { subject: string }) => i.subject)).toEqual(['دیروز باز', 'پریروز در حال انجام']);
    expect((await get('upcoming')).items.map((i: { subject: string }) => i.subject)).toEqual(['فردا', 'جلسه‌ای که دعوتم']);

    // Midnight passes: this morning's open items are now overdue, tomorrow's are today's.
    f.t.clock.advance(14 * 3_600_000);
    const next = await get('today');
    expect(next.items.map((i: { subject: string }) => i.subject)).toEqual(['فردا']);
    expect(next.counts).toEqual({ today: 1, overdue: 6, upcoming: 1 });
    f.t.clock.advance(-14 * 3_600_000);
  });

  it('pages the calendar range of my activities in time order', async () => {
    const res = await f.ok('GET', '/api/activities?mine=true&from=1403/12/20&to=1403/12/20&sort=startsAt&limit=500');
    expect(res.items.every((i: { startsAt: string }) => i.startsAt >= '2025-03-09T20:30:00.000Z' && i.startsAt < '2025-03-10T20:30:00.000Z')).toBe(true);
  });

  it('pages "mine" across what I am responsible for and what I am invited to, in order, each once', async () => {
    const sina = await f.user('sina', ALL_ACTIVITY_GRANTS('own'));
    const boss = await f.user('boss', ALL_ACTIVITY_GRANTS('all'));
    const own = (subject: string, startsAt: string) => f.activity({ subject, startsAt, responsibleId: sina.id });
    const invited = (subject: string, startsAt: string, responsibleId: string) =>
      f.ok('POST', '/api/activities', { typeId: f.typeId('جلسه'), subject, startsAt, responsibleId, invitees: [{ userId: sina.id }] });
    await own('یکم', '1403/11/01 09:00');
    await invited('دوم', '1403/11/01 10:00', boss.id);
    await invited('سوم', '1403/11/02 09:00', boss.id);
    await own('چهارم', '1403/11/02 10:00');
    await invited('پنجم هم مسئول هم دعوت', '1403/11/03 09:00', sina.id); // one row, not two
    await own('ششم', '1403/11/03 10:00');
    await f.activity({ subject: 'نه مال من', startsAt: '1403/11/02 11:00', responsibleId: boss.id });
    const expected = ['یکم', 'دوم', 'سوم', 'چهارم', 'پنجم هم مسئول هم دعوت', 'ششم'];

    for (const sort of ['startsAt', '-startsAt'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { subject: string }[]; nextCursor: string | null } = await f.ok('GET',
          `/api/activities?mine=true&from=1403/11/01&to=1403/11/03&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, bearer(sina.token));
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.subject));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(sort === 'startsAt' ? expected : [...expected].reverse());
    }
  });

  it('follows a meeting I am invited to when it is moved or finished (the invitation keeps its time and status)', async () => {
    const nima = await f.user('nima', ALL_ACTIVITY_GRANTS('own'));
    const get = async (bucket: string) => (await f.ok('GET', `/api/activities/mine?bucket=${bucket}`, undefined, bearer(nima.token))) as { items: { subject: string }[]; counts: Record<string, number> };
    const meeting = await f.ok('POST', '/api/activities', { typeId: f.typeId('جلسه'), subject: 'جلسه بودجه', startsAt: '1403/12/25 10:00', invitees: [{ userId: nima.id }] });
    expect((await get('upcoming')).items.map((i) => i.subject)).toEqual(['جلسه بودجه']);

    await f.ok('PATCH', `/api/activities/${meeting.id}`, { startsAt: '1403/12/20 16:00', version: meeting.version });
    const today = await get('today');
    expect(today.items.map((i) => i.subject)).toEqual(['جلسه بودجه']);
    expect(today.counts).toEqual({ today: 1, overdue: 0, upcoming: 0 });

    await f.ok('PATCH', `/api/activities/${meeting.id}`, { startsAt: '1403/12/10 16:00', version: meeting.version + 1 });
    expect((await get('overdue')).counts).toEqual({ today: 0, overdue: 1, upcoming: 0 });
    await f.ok('PATCH', `/api/activities/${meeting.id}`, { status: 'done', version: meeting.version + 2 });
    const after = await get('overdue');
    expect(after.items).toEqual([]);
    expect(after.counts).toEqual({ today: 0, overdue: 0, upcoming: 0 });
  });
});
