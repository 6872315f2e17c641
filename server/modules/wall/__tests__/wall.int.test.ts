import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/audit.table.js';
import { notesFixture, type NotesFixture } from '../../notes/__tests__/notes-fixture.js';

let f: NotesFixture;
let outsider: Awaited<ReturnType<NotesFixture['user']>>;
beforeAll(async () => {
  f = await notesFixture();
  // Sees only the customers they own: not this one.
  outsider = await f.user('outsider', f.grant('own', 'customers.view', 'posts.view', 'posts.create'));
});
afterAll(async () => { await f?.close(); });

type Notification = { title: string; body: string; link: string; kind: string };
const notificationsOf = async (h: Record<string, string>) => (await f.ok('GET', '/api/notifications', h)).items as Notification[];
const wall = (h: Record<string, string>, query = '') => f.ok('GET', `/api/posts?customerId=${f.customer.id}${query}`, h);

describe('the discussion wall of a customer', () => {
  it('posts with an @mention: the colleague is notified with a link to the record, digits and ي/ك normalized', async () => {
    const post = await f.ok('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: '@colleague لطفاً پيش‌فاكتور ۳ را تا ساعت ١٤ بفرست' });
    expect(post).toMatchObject({
      body: '@colleague لطفاً پیش‌فاکتور 3 را تا ساعت 14 بفرست', parentId: null, authorUsername: 'author', likeCount: 0, replyCount: 0, isMine: true,
      mentions: [{ userId: f.colleague.id, username: 'colleague', name: 'کاربر colleague' }],
    });
    const [n] = await notificationsOf(f.colleague.h);
    expect(n).toMatchObject({
      kind: 'mention', title: 'کاربر author در دیوار گفتگوی «مشتری: شرکت فولاد البرز» از شما نام برد',
      body: post.body, link: `/customers/${f.customer.id}?post=${post.id}`,
    });
    expect(await notificationsOf(f.author.h)).toEqual([]);
  });

  it('refuses a mention of a colleague who cannot see the customer: 400 naming them, nothing saved, nobody notified', async () => {
    const before = (await wall(f.author.h)).items.length;
    const res = await f.api('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: 'نظر @outsider و @colleague چیست؟' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body', message: '@outsider به این مشتری دسترسی ندارد؛ نام را بردارید یا ابتدا به او دسترسی بدهید' }]);
    expect((await wall(f.author.h)).items).toHaveLength(before);
    expect(await notificationsOf(outsider.h)).toEqual([]);
    // Someone unknown is plain text; an e-mail address is no mention.
    const plain = await f.ok('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: 'به @nobody یا info@example.com بگویید' });
    expect(plain.mentions).toEqual([]);
  });

  it('refuses a mention of a deactivated colleague the same way', async () => {
    const gone = await f.user('leaver');
    await f.ok('POST', `/api/staff/${gone.id}/deactivate`, f.admin);
    const res = await f.api('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: 'از @leaver بپرس' });
    expect(res.json().errors[0].message).toContain('@leaver');
  });

  it('replies join the thread (a reply to a reply too) and mention in replies notifies', async () => {
    const root = await f.ok('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: 'موعد تحویل سفارش؟' });
    const t1 = await f.ok('POST', `/api/posts/${root.id}/replies`, f.colleague.h, { body: 'هفته بعد @author' });
    expect(t1).toMatchObject({ id: root.id, replyCount: 1 });
    const replyId = t1.replies[0].id;
    f.t.clock.advance(1000);
    const t2 = await f.ok('POST', `/api/posts/${replyId}/replies`, f.author.h, { body: 'ممنون' });
    expect(t2.replies.map((r: { body: string; parentId: string }) => [r.body, r.parentId])).toEqual([['هفته بعد @author', root.id], ['ممنون', root.id]]);
    expect((await notificationsOf(f.author.h))[0]).toMatchObject({ kind: 'mention', link: `/customers/${f.customer.id}?post=${root.id}` });
  });

  it('likes are idempotent per person, counted per post, and audited once', async () => {
    const post = await f.ok('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: 'قرارداد امضا شد' });
    expect(await f.ok('PUT', `/api/posts/${post.id}/like`, f.colleague.h)).toEqual({ likeCount: 1, likedByMe: true });
    expect(await f.ok('PUT', `/api/posts/${post.id}/like`, f.colleague.h)).toEqual({ likeCount: 1, likedByMe: true });
    expect(await f.ok('PUT', `/api/posts/${post.id}/like`, f.author.h)).toEqual({ likeCount: 2, likedByMe: true });
    const seen = (await f.ok('GET', `/api/posts/${post.id}`, f.colleague.h));
    expect(seen).toMatchObject({ likeCount: 2, likedByMe: true });
    expect(await f.ok('DELETE', `/api/posts/${post.id}/like`, f.colleague.h)).toEqual({ likeCount: 1, likedByMe: false });
    expect(await f.ok('DELETE', `/api/posts/${post.id}/like`, f.colleague.h)).toEqual({ likeCount: 1, likedByMe: false });
    const entries = await f.t.app.db.select().from(auditLog).where(and(eq(auditLog.entity, 'postLike'), eq(auditLog.entityId, post.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'create', 'delete']);
  });

  it('only the author edits or deletes; an edit notifies only newly named colleagues', async () => {
    const third = await f.user('third');
    const post = await f.ok('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: '@colleague پیگیری کن' });
    const before = (await notificationsOf(f.colleague.h)).length;
    for (const h of [f.colleague.h, f.admin]) {
      const res = await f.api('PATCH', `/api/posts/${post.id}`, h, { body: 'دستکاری' });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('فقط نویسنده پیام می‌تواند آن را ویرایش یا حذف کند.');
      expect((await f.api('DELETE', `/api/posts/${post.id}`, h)).statusCode).toBe(403);
    }
    expect((await f.api('PATCH', `/api/posts/${post.id}`, outsider.h, { body: 'x' })).statusCode).toBe(404);
    const edited = await f.ok('PATCH', `/api/posts/${post.id}`, f.author.h, { body: '@colleague و @third پیگیری کنید', version: 1 });
    expect(edited).toMatchObject({ edited: true, mentions: [{ username: 'colleague' }, { username: 'third' }] });
    expect(await notificationsOf(f.colleague.h)).toHaveLength(before);
    expect(await notificationsOf(third.h)).toHaveLength(1);
    const history = (await f.ok('GET', `/api/audit-log?entity=post&entityId=${post.id}`, f.admin)).items;
    expect(history[0].changes).toContainEqual({ field: 'mentions', before: ['@colleague'], after: ['@colleague', '@third'] });
  });

  it('a deleted post with replies keeps its thread; it goes when its last reply goes', async () => {
    const lonely = await f.ok('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: 'بی‌پاسخ' });
    await f.ok('DELETE', `/api/posts/${lonely.id}`, f.author.h);
    expect((await f.api('GET', `/api/posts/${lonely.id}`, f.author.h)).statusCode).toBe(404);

    const root = await f.ok('POST', '/api/posts', f.author.h, { customerId: f.customer.id, body: 'متن اصلی' });
    const thread = await f.ok('POST', `/api/posts/${root.id}/replies`, f.colleague.h, { body: 'پاسخ همکار' });
    await f.ok('DELETE', `/api/posts/${root.id}`, f.author.h);
    expect(await f.ok('GET', `/api/posts/${root.id}`, f.colleague.h)).toMatchObject({ deleted: true, body: null, replyCount: 1, replies: [{ body: 'پاسخ همکار' }] });
    await f.ok('DELETE', `/api/posts/${thread.replies[0].id}`, f.colleague.h);
    expect((await f.api('GET', `/api/posts/${root.id}`, f.author.h)).statusCode).toBe(404);
  });

  it('is out of reach for someone who cannot see the customer', async () => {
    const post = (await wall(f.author.h)).items[0];
    expect((await f.api('GET', `/api/posts?customerId=${f.customer.id}`, outsider.h)).statusCode).toBe(404);
    expect((await f.api('GET', `/api/posts/${post.id}`, outsider.h)).statusCode).toBe(404);
    expect((await f.api('PUT', `/api/posts/${post.id}/like`, outsider.h)).statusCode).toBe(404);
    expect((await f.api('POST', `/api/posts/${post.id}/replies`, outsider.h, { body: 'سلام' })).statusCode).toBe(404);
    expect((await f.api('POST', '/api/posts', outsider.h, { customerId: f.customer.id, body: 'سلام' })).statusCode).toBe(400);
    expect((await f.ok('GET', `/api/audit-log?entity=post&entityId=${post.id}`, outsider.h)).items).toEqual([]);
    expect((await f.ok('GET', `/api/audit-log?entity=post&entityId=${post.id}`, f.colleague.h)).items.length).toBeGreaterThan(0);
    expect((await f.ok('GET', `/api/search?q=${encodeURIComponent('قرارداد')}`, outsider.h)).items.filter((i: { type: string }) => i.type === 'post')).toEqual([]);
  });

  it('offers for @ only colleagues who can see the record', async () => {
    const res = await f.ok('GET', `/api/posts/mentionable?customerId=${f.customer.id}`, f.author.h);
    const names = res.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['colleague', 'admin']));
    expect(names).not.toContain('outsider');
    expect(names).not.toContain('author');
    const q = await f.ok('GET', `/api/posts/mentionable?customerId=${f.customer.id}&q=colle`, f.author.h);
    expect(q.items.map((u: { username: string }) => u.username)).toEqual(['colleague']);
  });

  it('shows posts and replies on the 360° timeline and in search; pages the wall by keyset', async () => {
    const tl = await f.ok('GET', `/api/customers/${f.customer.id}/timeline?types=post`, f.colleague.h);
    expect(tl.items.length).toBeGreaterThan(3);
    expect(new Set(tl.items.map((i: { type: string }) => i.type))).toEqual(new Set(['post']));
    expect(tl.items.map((i: { title: string }) => i.title)).toContain('پاسخ در دیوار گفتگو');
    // Usernames stay left-to-right inside the Persian line.
    expect(tl.items.map((i: { body: string }) => i.body)).toContain('\u2066@colleague\u2069 و \u2066@third\u2069 پیگیری کنید');
    const search = await f.ok('GET', `/api/search?q=${encodeURIComponent('قرارداد امضا')}`, f.colleague.h);
    expect(search.items).toContainEqual(expect.objectContaining({ type: 'post', title: 'قرارداد امضا شد' }));

    const all = (await wall(f.author.h, '&limit=100')).items.map((p: { id: string }) => p.id);
    const p1 = await wall(f.author.h, '&limit=2');
    const p2 = await wall(f.author.h, `&limit=2&cursor=${p1.nextCursor}`);
    expect([...p1.items, ...p2.items].map((p: { id: string }) => p.id)).toEqual(all.slice(0, 4));
  });

  it('is in the OpenAPI document with the notes endpoints', async () => {
    const doc = (await f.t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of ['/api/notes', '/api/notes/export', '/api/notes/{id}', '/api/posts', '/api/posts/mentionable', '/api/posts/{id}', '/api/posts/{id}/replies', '/api/posts/{id}/like']) {
      expect(doc.paths[path], path).toBeTruthy();
    }
    expect(Object.keys(doc.paths['/api/posts/{id}/like'])).toEqual(expect.arrayContaining(['put', 'delete']));
  });
});
