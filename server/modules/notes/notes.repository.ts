import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { NoteFilters, NoteOut } from '../../../common/contracts/notes.contract.js';
import { searchNormalize } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { customers } from '../customers/index.js';
import { users } from '../staff/index.js';
import { notes } from './notes.table.js';
import { keepVisibleRecords, recordLabel } from './record-visibility.js';

export const noteSearchText = (body: string) => searchNormalize(body);

/** The list's filters; the record filter is resolved (and its visibility checked) by the service. */
export function filterConditions(ctx: Ctx, q: Omit<NoteFilters, 'customerId' | 'linkType' | 'linkId'>, record: { linkType: string; linkId: string } | null): SQL | undefined {
  const text = q.q ? searchNormalize(q.q) : '';
  return and(
    record ? and(eq(notes.linkType, record.linkType), eq(notes.linkId, record.linkId)) : undefined,
    text ? sql`${notes.searchText} like ${'%' + text + '%'}` : undefined,
    q.authorId ? eq(notes.authorId, q.authorId) : undefined,
    q.mine === 'true' ? (ctx.userId ? eq(notes.authorId, ctx.userId) : sql`false`) : undefined,
    q.private ? eq(notes.isPrivate, q.private === 'true') : undefined,
  );
}

const selection = {
  n: notes,
  customerName: customers.displayName,
  authorName: sql<string | null>`nullif(trim(coalesce(${users.firstName}, '') || ' ' || coalesce(${users.lastName}, '')), '')`,
};

const baseSelect = (tx: Tx) =>
  tx.select(selection).from(notes)
    .leftJoin(customers, eq(customers.id, notes.customerId))
    .leftJoin(users, eq(users.id, notes.authorId));

/** One page newest first, keyset on (createdAt, id); rows on records the user may not see are dropped. */
export async function selectPage(tx: Tx, ctx: Ctx, where: SQL | undefined, opts: { limit: number; cursor?: string | undefined }) {
  const rows = await baseSelect(tx)
    .where(and(where, afterCursor(notes.createdAt, notes.id, true, opts.cursor)))
    .orderBy(desc(notes.createdAt), desc(notes.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: await toOutList(tx, ctx, page),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(last.n.createdAt, last.n.id) : null,
  };
}

export async function selectOne(tx: Tx, ctx: Ctx, id: string, where: SQL | undefined): Promise<NoteOut | null> {
  const rows = await baseSelect(tx).where(and(eq(notes.id, id), where));
  return (await toOutList(tx, ctx, rows))[0] ?? null;
}

type Selected = { n: typeof notes.$inferSelect; customerName: string | null; authorName: string | null };

async function toOutList(tx: Tx, ctx: Ctx, rows: Selected[]): Promise<NoteOut[]> {
  const kept = await keepVisibleRecords(tx, ctx, rows.map((r) => ({ ...r, linkType: r.n.linkType, linkId: r.n.linkId })));
  return kept.map((r) => {
    const n = r.n;
    const label = recordLabel(r);
    return {
      id: n.id, linkType: n.linkType, linkId: n.linkId, customerId: n.customerId, customerName: r.customerName,
      recordTitle: label.title, recordPath: label.path, authorId: n.authorId, authorName: r.authorName, body: n.body,
      isPrivate: n.isPrivate, isMine: !!ctx.userId && n.authorId === ctx.userId, version: n.version,
      createdAt: n.createdAt.toISOString(), updatedAt: n.updatedAt.toISOString(),
    };
  });
}
