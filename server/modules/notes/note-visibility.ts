// Who sees a note: whoever sees its record — except a private note, which only its author ever sees.
// There is deliberately no exception for administrators or `audit.view`: «private» means private.
import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { notes } from './notes.table.js';
import { recordOf, visibleRecordCondition } from './record-visibility.js';

export type NoteRow = typeof notes.$inferSelect;

/** Public notes, plus my own private ones. An API key has no notes of its own, so it sees public ones only. */
export const privacyCondition = (ctx: Ctx): SQL =>
  ctx.userId ? or(eq(notes.isPrivate, false), eq(notes.authorId, ctx.userId))! : eq(notes.isPrivate, false);

/** Privacy and the record's visibility, inside the query. */
export async function visibleNotesCondition(tx: Tx, ctx: Ctx): Promise<SQL | undefined> {
  return and(eq(notes.tenantId, ctx.tenantId), privacyCondition(ctx), await visibleRecordCondition(tx, ctx, notes));
}

/** One loaded note: may this user see it? */
export async function canSeeNote(tx: Tx, ctx: Ctx, row: NoteRow): Promise<boolean> {
  if (row.isPrivate && row.authorId !== ctx.userId) return false;
  return (await recordOf(tx, ctx, row.linkType, row.linkId)) !== null;
}
