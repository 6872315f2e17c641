import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test-support/test-app.js';
import { activitiesFixture, type Fixture } from './activities-fixture.js';

let f: Fixture;
beforeAll(async () => { f = await activitiesFixture(); });
afterAll(async () => { await f?.close(); });

type Item = { type: string; title: string; body: string | null; color?: string | null; icon?: string | null; actor: { name: string } | null };
const timeline = async (query = '', headers?: Record<string, string>) => f.ok('GET', `/api/customers/${f.customer.id}/timeline?${query}`, undefined, headers);

describe("the customer's 360° timeline", () => {
  it('shows activities newest first with their type color and icon, and filters by type', async () => {
    await f.activity({ subject: 'تماس اول', startsAt: '1403/12/01 10:00', status: 'done', direction: 'in', durationMinutes: 5 });
    await f.ok('POST', '/api/activities', { typeId: f.typeId('جلسه'), subject: 'جلسه حضوری', startsAt: '1403/12/05 10:00', customerId: f.customer.id, location: 'دفتر مشتری' });
    await f.activity({ subject: 'تماس دوم', startsAt: '1403/12/10 10:00', isFollowUp: true });
    await f.ok('POST', '/api/activities', { typeId: f.typeId('وظیفه'), subject: 'کار بی‌مشتری', startsAt: '1403/12/11 10:00' });

    const all = await timeline();
    const activityItems = (all.items as Item[]).filter((i) => i.type.startsWith('activity.'));
    expect(activityItems.map((i) => i.title)).toEqual(['پیگیری: تماس دوم', 'جلسه: جلسه حضوری', 'تماس: تماس اول']);
    expect(activityItems[2]).toMatchObject({ type: 'activity.call', color: '#1E88E5', icon: 'call', actor: { name: 'مدیر آزمون' } });
    expect(activityItems[2]!.body).toContain('تماس ورودی');
    expect(activityItems[1]!.body).toContain('محل: دفتر مشتری');
    expect(all.types.map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining(['history', 'activity.call', 'activity.meeting']));

    const calls = await timeline('types=activity.call');
    expect((calls.items as Item[]).map((i) => i.title)).toEqual(['پیگیری: تماس دوم', 'تماس: تماس اول']);
    const page1 = await timeline('types=activity.call,activity.meeting&limit=2');
    const page2 = await timeline(`types=activity.call,activity.meeting&limit=2&cursor=${page1.nextCursor}`);
    expect([...page1.items, ...page2.items].map((i: Item) => i.title)).toEqual(['پیگیری: تماس دوم', 'جلسه: جلسه حضوری', 'تماس: تماس اول']);
  });

  it('leaves activities out for a user who may see the customer but not its activities', async () => {
    const viewer = await f.user('viewer', [{ permission: 'customers.view', scope: 'all' }]);
    const res = await timeline('', bearer(viewer.token));
    expect((res.items as Item[]).filter((i) => i.type.startsWith('activity.'))).toEqual([]);
  });
});
