import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/audit.table.js';
import { notesFixture, type NotesFixture } from './notes-fixture.js';

// A private note is its author's alone: not another colleague, not an administrator, through any path.
let f: NotesFixture;
beforeAll(async () => { f = await notesFixture(); });
afterAll(async () => { await f?.close(); });

const SECRET = 'قیمت‌محرمانه‌هفتادوهفت';
type Viewer = 'author' | 'colleague' | 'admin';
const headersOf = (v: Viewer) => (v === 'author' ? f.author.h : v === 'colleague' ? f.colleague.h : f.admin);

/** Every way a person can read notes, each answering «did I see the secret?». */
async function pathsSeenBy(v: Viewer, noteId: string) {
  const h = headersOf(v);
  const list = await f.ok('GET', `/api/notes?customerId=${f.customer.id}`, h);
  const all = await f.ok('GET', '/api/notes', h);
  const one = await f.api('GET', `/api/notes/${noteId}`, h);
  const search = await f.ok('GET', `/api/search?q=${encodeURIComponent('محرمانه')}`, h);
  const csv = await f.api('GET', `/api/notes/export?format=csv&customerId=${f.customer.id}`, h);
  const xlsxAll = await f.api('GET', '/api/notes/export?format=csv', h);
  const timeline = await f.ok('GET', `/api/customers/${f.customer.id}/timeline`, h);
  const noteTimeline = await f.ok('GET', `/api/customers/${f.customer.id}/timeline?types=note`, h);
  const audit = await f.ok('GET', `/api/audit-log?entity=note&entityId=${noteId}`, h);
  expect(csv.statusCode).toBe(200);
  return {
    list: JSON.stringify(list.items).includes(SECRET),
    listAll: JSON.stringify(all.items).includes(SECRET),
    get: one.statusCode,
    search: JSON.stringify(search.items).includes('محرمانه'),
    export: csv.body.includes(SECRET),
    exportAll: xlsxAll.body.includes(SECRET),
    timeline: JSON.stringify(timeline.items).includes(SECRET),
    timelineNotes: (noteTimeline.items as { id: string }[]).some((i) => i.id === noteId),
    auditEntries: (audit.items as unknown[]).length,
    auditText: JSON.stringify(audit.items).includes(SECRET),
  };
}

describe('private notes: invisible to everyone but the author, through every path', () => {
  let privateId = '';
  let publicId = '';

  beforeAll(async () => {
    privateId = (await f.ok('POST', '/api/notes', f.author.h, { customerId: f.customer.id, body: `پیشنهاد ${SECRET} برای مدیرعامل`, isPrivate: true })).id;
    publicId = (await f.ok('POST', '/api/notes', f.author.h, { customerId: f.customer.id, body: 'مشتری جلسه بعدی را در اصفهان می‌خواهد' })).id;
  });

  it('the author sees it in the list, by id, in search, in the export, on the timeline and has its (redacted) history', async () => {
    expect(await pathsSeenBy('author', privateId)).toEqual({
      list: true, listAll: true, get: 200, search: true, export: true, exportAll: true, timeline: true, timelineNotes: true,
      auditEntries: 1, auditText: false,
    });
  });

  it.each<Viewer>(['colleague', 'admin'])('%s sees it nowhere — 404 by id, no history — but sees the public note', async (v) => {
    expect(await pathsSeenBy(v, privateId)).toEqual({
      list: false, listAll: false, get: 404, search: false, export: false, exportAll: false, timeline: false, timelineNotes: false,
      auditEntries: 0, auditText: false,
    });
    const list = await f.ok('GET', `/api/notes?customerId=${f.customer.id}`, headersOf(v));
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([publicId]);
    expect((await f.ok('GET', `/api/audit-log?entity=note&entityId=${publicId}`, headersOf(v))).items).toHaveLength(1);
  });

  it('a 404 for a private note reads exactly like a note that never existed', async () => {
    const hidden = await f.api('GET', `/api/notes/${privateId}`, f.admin);
    const missing = await f.api('GET', '/api/notes/00000000-0000-4000-8000-000000000000', f.admin);
    expect(hidden.json()).toEqual({ ...missing.json(), instance: hidden.json().instance });
  });

  it('others may neither edit nor delete: 404 for the private note, 403 for the public one, administrators included', async () => {
    for (const h of [f.colleague.h, f.admin]) {
      expect((await f.api('PATCH', `/api/notes/${privateId}`, h, { body: 'دستکاری' })).statusCode).toBe(404);
      expect((await f.api('DELETE', `/api/notes/${privateId}`, h)).statusCode).toBe(404);
      const edit = await f.api('PATCH', `/api/notes/${publicId}`, h, { body: 'دستکاری' });
      expect(edit.statusCode).toBe(403);
      expect(edit.json().detail).toBe('فقط نویسنده یادداشت می‌تواند آن را ویرایش یا حذف کند.');
      expect((await f.api('DELETE', `/api/notes/${publicId}`, h)).statusCode).toBe(403);
    }
    expect((await f.ok('GET', `/api/notes/${publicId}`, f.author.h)).body).toBe('مشتری جلسه بعدی را در اصفهان می‌خواهد');
  });

  it('the audit log never holds the text of a private note, through edits, going private and deletion', async () => {
    const turned = (await f.ok('POST', '/api/notes', f.author.h, { customerId: f.customer.id, body: 'یادداشت عمومی اول' })).id;
    await f.ok('PATCH', `/api/notes/${turned}`, f.author.h, { isPrivate: true });
    await f.ok('PATCH', `/api/notes/${turned}`, f.author.h, { body: `اکنون ${SECRET} دوم` });
    await f.ok('PATCH', `/api/notes/${privateId}`, f.author.h, { body: `نسخه تازه ${SECRET}` });
    await f.ok('DELETE', `/api/notes/${privateId}`, f.author.h);

    // Not in any row of the table, whoever might read it some day.
    const rows = await f.t.app.db.select().from(auditLog).where(and(eq(auditLog.tenantId, f.t.tenantId), eq(auditLog.entity, 'note')));
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(rows.filter((r) => r.entityId === privateId).map((r) => r.action)).toEqual(['create', 'update', 'delete']);

    // The author reads what happened; an administrator with audit.view reads nothing, even of the note that was public once.
    const mine = (await f.ok('GET', `/api/audit-log?entity=note&entityId=${privateId}`, f.author.h)).items;
    expect(mine.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(mine[1].changes).toEqual([{ field: 'body', before: '[متن یادداشت خصوصی در تاریخچه نگه داشته نمی‌شود]', after: '[متن یادداشت خصوصی تغییر کرد]' }]);
    for (const id of [privateId, turned]) {
      expect((await f.ok('GET', `/api/audit-log?entity=note&entityId=${id}`, f.admin)).items).toEqual([]);
      expect((await f.ok('GET', `/api/audit-log?entity=note&entityId=${id}`, f.colleague.h)).items).toEqual([]);
    }
    expect((await f.ok('GET', `/api/audit-log?entity=note&entityId=${turned}`, f.author.h)).items).toHaveLength(3);

    // Searching one's own private notes in an export leaves the words out of the export's history entry.
    await f.api('GET', `/api/notes/export?format=csv&q=${encodeURIComponent(SECRET)}`, f.author.h);
    const exports = await f.ok('GET', '/api/audit-log?entity=export&entityId=notes', f.admin);
    expect(JSON.stringify(exports.items)).not.toContain(SECRET);
    expect(exports.items[0].changes).toContainEqual({ field: 'textSearch', before: null, after: true });
  });
});
