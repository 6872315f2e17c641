import { and, eq } from 'drizzle-orm';
import type { NoteCreate, NoteListQuery, NotePatch } from '../../../common/contracts/notes.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { auditNoteCreated, auditNoteDeleted, auditNoteUpdated } from './note-audit.js';
import { canSeeNote, visibleNotesCondition } from './note-visibility.js';
import { filterConditions, noteSearchText, selectOne, selectPage } from './notes.repository.js';
import { notes } from './notes.table.js';
import { resolveRecord } from './record-visibility.js';

/** Notes belong to a person: an API key cannot write one. */
function authorOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError('forbidden');
  return ctx.userId;
}

export async function listNotes(ctx: Ctx, q: NoteListQuery) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const wantsRecord = q.customerId || q.linkType || q.linkId;
    const record = wantsRecord ? await resolveRecord(tx, ctx, q, 'read') : null;
    const where = and(await visibleNotesCondition(tx, ctx), filterConditions(ctx, q, record));
    return selectPage(tx, ctx, where, q);
  });
}

async function readNote(tx: Tx, ctx: Ctx, id: string) {
  const out = await selectOne(tx, ctx, id, await visibleNotesCondition(tx, ctx));
  if (!out) throw notFound('یادداشت');
  return out;
}

/** Someone else's private note is «not found», never «forbidden»: whether it exists is not theirs to know. */
export const getNote = (ctx: Ctx, id: string) => inTenant(ctx.db, ctx, (tx) => readNote(tx, ctx, id));

export async function createNote(ctx: Ctx, input: NoteCreate) {
  const authorId = authorOf(ctx);
  return inTenant(ctx.db, ctx, async (tx) => {
    const record = await resolveRecord(tx, ctx, input);
    const now = ctx.now();
    const [row] = await tx.insert(notes).values({
      tenantId: ctx.tenantId, authorId, linkType: record.linkType, linkId: record.linkId, customerId: record.customerId,
      body: input.body, isPrivate: input.isPrivate, searchText: noteSearchText(input.body), createdAt: now, updatedAt: now,
    }).returning();
    await auditNoteCreated(tx, ctx, row!);
    return readNote(tx, ctx, row!.id);
  });
}

/**
 * The note, locked, for its author to change. A note the user cannot see is 404; one they can see but
 * did not write is 403 — only the author edits or deletes, administrators included.
 */
async function loadOwn(tx: Tx, ctx: Ctx, id: string) {
  const [row] = await tx.select().from(notes).where(and(eq(notes.tenantId, ctx.tenantId), eq(notes.id, id))).for('update');
  if (!row || !(await canSeeNote(tx, ctx, row))) throw notFound('یادداشت');
  if (row.authorId !== ctx.userId) throw new AppError('forbidden', { detail: 'فقط نویسنده یادداشت می‌تواند آن را ویرایش یا حذف کند.' });
  return row;
}

export async function updateNote(ctx: Ctx, id: string, patch: NotePatch) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadOwn(tx, ctx, id);
    if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
    const body = patch.body ?? before.body;
    const isPrivate = patch.isPrivate ?? before.isPrivate;
    if (body === before.body && isPrivate === before.isPrivate) return readNote(tx, ctx, id);
    const [after] = await tx.update(notes)
      .set({ body, isPrivate, searchText: noteSearchText(body), version: before.version + 1, updatedAt: ctx.now() })
      .where(eq(notes.id, id)).returning();
    await auditNoteUpdated(tx, ctx, before, after!);
    return readNote(tx, ctx, id);
  });
}

export async function deleteNote(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadOwn(tx, ctx, id);
    await tx.delete(notes).where(eq(notes.id, id));
    await auditNoteDeleted(tx, ctx, before);
  });
}
