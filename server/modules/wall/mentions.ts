// @mentions: who is named, whether they may read the post, and their notification.
// Decision (docs/notes-wall.md): naming someone who cannot see the record is REFUSED — nothing is saved and
// the author is told who — rather than sending a notification without content: an empty «you were
// mentioned» helps nobody, and a notification that names the record already tells them it exists.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { MAX_MENTIONS } from '../../../common/contracts/wall.contract.js';
import { searchNormalize, toPersianDigits } from '../../../common/text.js';
import { scopeOf, type Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { fieldError } from '../../platform/http/app-error.js';
import { linkTarget } from '../../platform/links/record-links.js';
import { principalForUser } from '../auth/principal.repository.js';
import { notify } from '../notifications/index.js';
import type { RecordRef } from '../notes/index.js';
import { users } from '../staff/index.js';
import { parseMentions } from './domain/mention-parse.js';
import { postMentions } from './wall.table.js';

export type Mentioned = { userId: string; username: string; name: string };

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`.trim();

/** Would this colleague see the record, and its wall, if they opened it now? Judged with their own permissions. */
export async function userCanSeeRecord(tx: Tx, ctx: Ctx, userId: string, record: RecordRef): Promise<boolean> {
  const principal = await principalForUser(tx, ctx.tenantId, userId);
  if (!principal || !scopeOf(principal, 'posts.view')) return false;
  const theirs: Ctx = { ...ctx, principal, userId };
  return (await linkTarget(record.linkType)?.resolve(tx, theirs, record.linkId)) != null;
}

/**
 * The colleagues named in `body`. Unknown names stay plain text; naming oneself notifies nobody; naming
 * someone who may not see the record (or is deactivated) is a 400 on `body` that names them.
 */
export async function resolveMentions(tx: Tx, ctx: Ctx, body: string, record: RecordRef): Promise<Mentioned[]> {
  const names = parseMentions(body);
  if (!names.length) return [];
  if (names.length > MAX_MENTIONS) throw fieldError('body', `در یک پیام حداکثر ${toPersianDigits(MAX_MENTIONS)} نفر را می‌توان نام برد`);
  const found = await tx.select({ id: users.id, username: users.username, firstName: users.firstName, lastName: users.lastName, active: users.active })
    .from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(sql`lower(${users.username})`, names)));
  const out: Mentioned[] = [];
  const refused: string[] = [];
  for (const name of names) {
    const u = found.find((f) => f.username.toLowerCase() === name);
    if (!u || u.id === ctx.userId) continue;
    if (!u.active || !(await userCanSeeRecord(tx, ctx, u.id, record))) refused.push(`@${u.username}`);
    else out.push({ userId: u.id, username: u.username, name: fullName(u) });
  }
  if (refused.length) {
    const who = refused.join('، ');
    throw fieldError('body', `${who} به این ${linkTarget(record.linkType)?.label.fa ?? 'رکورد'} دسترسی ندارد؛ نام را بردارید یا ابتدا به او دسترسی بدهید`);
  }
  return out;
}

/** Stores the post's mentions and notifies those named for the first time (an edit does not notify twice). */
export async function saveMentions(tx: Tx, ctx: Ctx, postId: string, mentioned: Mentioned[], notice: { author: string; body: string; record: RecordRef; rootId: string }) {
  const before = await tx.select({ userId: postMentions.userId }).from(postMentions).where(and(eq(postMentions.tenantId, ctx.tenantId), eq(postMentions.postId, postId)));
  const had = new Set(before.map((m) => m.userId));
  const keep = new Set(mentioned.map((m) => m.userId));
  const gone = [...had].filter((id) => !keep.has(id));
  if (gone.length) await tx.delete(postMentions).where(and(eq(postMentions.tenantId, ctx.tenantId), eq(postMentions.postId, postId), inArray(postMentions.userId, gone)));
  const added = mentioned.filter((m) => !had.has(m.userId));
  if (!added.length) return;
  await tx.insert(postMentions).values(added.map((m) => ({ tenantId: ctx.tenantId, postId, userId: m.userId, createdAt: ctx.now() })));
  const excerpt = notice.body.length > 300 ? `${notice.body.slice(0, 300)}…` : notice.body;
  for (const m of added) {
    await notify(tx, ctx, {
      userId: m.userId, kind: 'mention',
      title: `${notice.author} در دیوار گفتگوی «${notice.record.title}» از شما نام برد`.slice(0, 300),
      body: excerpt,
      // To the record, opened at the thread.
      link: `${notice.record.path}?post=${notice.rootId}`,
    });
  }
}

/** A deleted post names nobody any more. */
export const clearMentions = (tx: Tx, ctx: Ctx, postId: string) =>
  tx.delete(postMentions).where(and(eq(postMentions.tenantId, ctx.tenantId), eq(postMentions.postId, postId)));

/** The form's @ autocomplete: active colleagues matching `q` who would see the record (so the post will be accepted). */
export async function mentionable(tx: Tx, ctx: Ctx, record: RecordRef, q: string | undefined): Promise<Mentioned[]> {
  const text = q ? searchNormalize(q) : '';
  const candidates = await tx.select({ id: users.id, username: users.username, firstName: users.firstName, lastName: users.lastName }).from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.active, true), ctx.userId ? ne(users.id, ctx.userId) : undefined,
      text ? sql`${users.searchText} like ${'%' + text + '%'}` : undefined))
    .orderBy(asc(users.lastName), asc(users.firstName)).limit(30);
  const out: Mentioned[] = [];
  for (const u of candidates) {
    if (out.length >= 10) break;
    if (await userCanSeeRecord(tx, ctx, u.id, record)) out.push({ userId: u.id, username: u.username, name: fullName(u) });
  }
  return out;
}
