// The history of notes. Decision (docs/notes-wall.md): the text of a private note is never written to the
// audit log — its entries say that a private note was written, edited or deleted, on which record and by
// whom, with a placeholder for the text. And a note's history is shown only to those who may see the note
// now, so an administrator holding `audit.view` gets an empty history for someone else's private note.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { auditEntriesBefore, recordAudit } from '../../platform/audit/audit.service.js';
import { canSeeNote, type NoteRow } from './note-visibility.js';
import { notes } from './notes.table.js';

export const PRIVATE_TEXT = '[متن یادداشت خصوصی در تاریخچه نگه داشته نمی‌شود]';
export const PRIVATE_TEXT_CHANGED = '[متن یادداشت خصوصی تغییر کرد]';

function snapshot(row: NoteRow, redact: boolean) {
  return { linkType: row.linkType, linkId: row.linkId, customerId: row.customerId, authorId: row.authorId, isPrivate: row.isPrivate, body: redact ? PRIVATE_TEXT : row.body };
}

export const auditNoteCreated = (tx: Tx, ctx: Ctx, row: NoteRow) =>
  recordAudit(tx, ctx, { entity: 'note', entityId: row.id, action: 'create', after: snapshot(row, row.isPrivate) });

/** Either side private → neither side's text is written (making a note public reveals only its text from then on). */
export function auditNoteUpdated(tx: Tx, ctx: Ctx, before: NoteRow, after: NoteRow) {
  const redact = before.isPrivate || after.isPrivate;
  const a = snapshot(after, redact);
  if (redact && before.body !== after.body) a.body = PRIVATE_TEXT_CHANGED;
  return recordAudit(tx, ctx, { entity: 'note', entityId: before.id, action: 'update', before: snapshot(before, redact), after: a });
}

export const auditNoteDeleted = (tx: Tx, ctx: Ctx, before: NoteRow) =>
  recordAudit(tx, ctx, { entity: 'note', entityId: before.id, action: 'delete', before: snapshot(before, before.isPrivate) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * May this user read the history of note `id`? Yes if they may see the note now. A deleted note is judged
 * by its last entry: a private one's history stays its author's.
 */
export async function canReadNoteHistory(ctx: Ctx, id: string): Promise<boolean> {
  if (!UUID.test(id)) return true; // no such note: an empty history either way
  return inTenant(ctx.db, ctx, async (tx) => {
    const [row] = await tx.select().from(notes).where(and(eq(notes.tenantId, ctx.tenantId), eq(notes.id, id)));
    if (row) return canSeeNote(tx, ctx, row);
    const [last] = await auditEntriesBefore(tx, ctx.tenantId, 'note', id, null, 1);
    if (!last || (ctx.userId && last.actorUserId === ctx.userId)) return true;
    // What the note was at its last change (a deleted one: before deletion; cascades leave no delete entry).
    const state = (last.action === 'delete' ? last.before : last.after) as { isPrivate?: boolean; body?: string } | null;
    return !(state?.isPrivate === true || state?.body === PRIVATE_TEXT || state?.body === PRIVATE_TEXT_CHANGED);
  });
}
