import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvExport } from '../../../test-support/export-reader.js';
import { notesFixture, type NotesFixture } from './notes-fixture.js';

let f: NotesFixture;
beforeAll(async () => { f = await notesFixture(); });
afterAll(async () => { await f?.close(); });

describe('notes on a customer', () => {
  it('stores Persian/Arabic digits and ي/ك normalized, and colleagues find a public note in lists, search and export', async () => {
    const note = await f.ok('POST', '/api/notes', f.author.h, { customerId: f.customer.id, body: 'تماس با آقاي كريمي ساعت ١٠ و ۱۵ دقيقه' });
    expect(note).toMatchObject({ body: 'تماس با آقای کریمی ساعت 10 و 15 دقیقه', isPrivate: false, isMine: true, authorName: 'کاربر author', recordTitle: 'مشتری: شرکت فولاد البرز', recordPath: `/customers/${f.customer.id}` });
    const seen = await f.ok('GET', `/api/notes/${note.id}`, f.colleague.h);
    expect(seen).toMatchObject({ body: note.body, isMine: false });
    const search = await f.ok('GET', `/api/search?q=${encodeURIComponent('كريمي')}`, f.colleague.h);
    expect(search.items).toContainEqual(expect.objectContaining({ type: 'note', id: note.id, link: `/customers/${f.customer.id}?note=${note.id}` }));
    const csv = readCsvExport(await f.api('GET', `/api/notes/export?format=csv&customerId=${f.customer.id}`, f.colleague.h));
    expect(csv.bom).toBe(true);
    expect(csv.header).toEqual(['زمان ثبت', 'نویسنده', 'رکورد', 'خصوصی', 'متن یادداشت', 'آخرین ویرایش']);
    expect(csv.rows).toContainEqual(expect.objectContaining({ 'متن یادداشت': note.body, خصوصی: 'خیر', نویسنده: 'کاربر author' }));
    const exportLog = await f.ok('GET', '/api/audit-log?entity=export&entityId=notes', f.admin);
    expect(exportLog.items[0].changes).toContainEqual({ field: 'customerId', before: null, after: f.customer.id });
  });

  it('refuses a note on a customer the user cannot see, and hides that customer\'s notes from them', async () => {
    const outsider = await f.user('outsider', f.grant('own', 'customers.view', 'notes.view', 'notes.create'));
    const note = await f.ok('POST', '/api/notes', f.author.h, { customerId: f.customer.id, body: 'فقط برای کسانی که مشتری را می‌بینند' });
    const refused = await f.api('POST', '/api/notes', outsider.h, { customerId: f.customer.id, body: 'نفوذ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ path: 'customerId', message: 'مشتری انتخاب‌شده پیدا نشد' }]);
    expect((await f.api('GET', `/api/notes?customerId=${f.customer.id}`, outsider.h)).statusCode).toBe(404);
    expect((await f.api('GET', `/api/notes/${note.id}`, outsider.h)).statusCode).toBe(404);
    expect((await f.ok('GET', '/api/notes', outsider.h)).items).toEqual([]);
    expect((await f.ok('GET', `/api/search?q=${encodeURIComponent('می‌بینند')}`, outsider.h)).items.filter((i: { type: string }) => i.type === 'note')).toEqual([]);
  });

  it('names the field of bad input in Persian and writes nothing', async () => {
    const empty = await f.api('POST', '/api/notes', f.author.h, { customerId: f.customer.id, body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ path: 'body', message: 'متن یادداشت الزامی است' }]);
    const noRecord = await f.api('POST', '/api/notes', f.author.h, { body: 'بی‌صاحب' });
    expect(noRecord.json().errors[0].path).toBe('customerId');
    const badType = await f.api('POST', '/api/notes', f.author.h, { linkType: 'spaceship', linkId: f.customer.id, body: 'نوع ناشناخته' });
    expect(badType.json().errors).toEqual([{ path: 'linkType', message: 'این نوع رکورد پیوندی پشتیبانی نمی‌شود' }]);
  });

  it('lets the author edit (with a version check), turn private and delete; every change is in the history', async () => {
    const note = await f.ok('POST', '/api/notes', f.author.h, { customerId: f.customer.id, body: 'پیش‌نویس' });
    const edited = await f.ok('PATCH', `/api/notes/${note.id}`, f.author.h, { body: 'متن نهایی', version: note.version });
    expect(edited).toMatchObject({ body: 'متن نهایی', version: 2 });
    expect((await f.api('PATCH', `/api/notes/${note.id}`, f.author.h, { body: 'کهنه', version: 1 })).statusCode).toBe(409);
    await f.ok('PATCH', `/api/notes/${note.id}`, f.author.h, { isPrivate: true });
    expect((await f.api('GET', `/api/notes/${note.id}`, f.colleague.h)).statusCode).toBe(404);
    const history = (await f.ok('GET', `/api/audit-log?entity=note&entityId=${note.id}`, f.author.h)).items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(history[1].changes).toEqual([{ field: 'body', before: 'پیش‌نویس', after: 'متن نهایی' }]);
    expect(history[0].changes).toEqual([{ field: 'isPrivate', before: false, after: true }]);
    await f.ok('DELETE', `/api/notes/${note.id}`, f.author.h);
    expect((await f.api('GET', `/api/notes/${note.id}`, f.author.h)).statusCode).toBe(404);
  });

  it('shows notes on the 360° timeline newest first, filterable by type, and moves them on a customer merge', async () => {
    const other = await f.ok('POST', '/api/customers', f.admin, { kind: 'natural', firstName: 'سارا', lastName: 'رحیمی', mobile: '09125556677' });
    await f.ok('POST', '/api/notes', f.author.h, { customerId: other.id, body: 'یادداشت روی مشتری تکراری' });
    f.t.clock.advance(1000);
    await f.ok('POST', '/api/notes', f.author.h, { customerId: other.id, body: 'یادداشت خصوصی من', isPrivate: true });
    const tl = await f.ok('GET', `/api/customers/${other.id}/timeline?types=note`, f.author.h);
    expect(tl.items.map((i: { title: string; body: string }) => [i.title, i.body])).toEqual([['یادداشت خصوصی', 'یادداشت خصوصی من'], ['یادداشت', 'یادداشت روی مشتری تکراری']]);
    expect(tl.types.map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining(['note', 'post']));

    await f.ok('POST', '/api/customers/merge', f.admin, { survivorId: f.customer.id, mergedId: other.id });
    const moved = await f.ok('GET', `/api/notes?customerId=${f.customer.id}&q=${encodeURIComponent('تکراری')}`, f.author.h);
    expect(moved.items).toHaveLength(1);
    expect(moved.items[0]).toMatchObject({ linkId: f.customer.id, customerId: f.customer.id });
  });

  it('pages by keyset, newest first, and filters mine / private', async () => {
    const c = await f.ok('POST', '/api/customers', f.admin, { kind: 'natural', firstName: 'رضا', lastName: 'نوری', mobile: '09127778800' });
    for (let i = 1; i <= 5; i++) {
      f.t.clock.advance(1000);
      await f.ok('POST', '/api/notes', i % 2 ? f.author.h : f.colleague.h, { customerId: c.id, body: `یادداشت ${i}`, isPrivate: i === 5 });
    }
    const p1 = await f.ok('GET', `/api/notes?customerId=${c.id}&limit=2`, f.author.h);
    const p2 = await f.ok('GET', `/api/notes?customerId=${c.id}&limit=2&cursor=${p1.nextCursor}`, f.author.h);
    const p3 = await f.ok('GET', `/api/notes?customerId=${c.id}&limit=2&cursor=${p2.nextCursor}`, f.author.h);
    expect([...p1.items, ...p2.items, ...p3.items].map((n: { body: string }) => n.body)).toEqual(['یادداشت 5', 'یادداشت 4', 'یادداشت 3', 'یادداشت 2', 'یادداشت 1']);
    expect(p3.nextCursor).toBeNull();
    const mine = await f.ok('GET', `/api/notes?customerId=${c.id}&mine=true&private=false`, f.author.h);
    expect(mine.items.map((n: { body: string }) => n.body)).toEqual(['یادداشت 3', 'یادداشت 1']);
  });

  it('deletes a customer\'s notes with the customer', async () => {
    const c = await f.ok('POST', '/api/customers', f.admin, { kind: 'natural', firstName: 'مینا', lastName: 'صالحی', mobile: '09127778811' });
    const note = await f.ok('POST', '/api/notes', f.author.h, { customerId: c.id, body: 'موقت' });
    await f.ok('DELETE', `/api/customers/${c.id}`, f.admin);
    expect((await f.api('GET', `/api/notes/${note.id}`, f.author.h)).statusCode).toBe(404);
  });
});
