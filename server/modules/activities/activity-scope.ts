import { and, asc, desc, eq, exists, gte, inArray, isNotNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PENDING_STATUSES } from '../../../common/contracts/activities.contract.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { AppError } from '../../platform/http/app-error.js';
import { afterCursor } from '../../platform/http/keyset.js';
import { unitSubtreeIds } from '../org/index.js';
import { users } from '../staff/index.js';
import { activities, activityInvitees } from './activities.table.js';

/** A staff member invited to the activity (a meeting they attend is theirs to see). */
export const invitedCondition = (tx: Tx, userId: string) =>
  exists(tx.select({ one: sql`1` }).from(activityInvitees).where(and(eq(activityInvitees.tenantId, activities.tenantId), eq(activityInvitees.activityId, activities.id), eq(activityInvitees.userId, userId))));

/** Mine: responsible for it or invited to it. As one OR it suits single rows; lists use `mineIds`/`mineCount`. */
export const mineCondition = (tx: Tx, userId: string) => or(eq(activities.responsibleId, userId), invitedCondition(tx, userId));

/**
 * Whose activities ("mine": responsible or invited), and the time window and pending-only condition that the
 * accompanying `where` already implies, restated so the invitations' own index can serve them.
 */
export type Mine = { tenantId: string; userId: string; from?: Date | undefined; before?: Date | undefined; pendingOnly?: boolean | undefined };
type Page = { descending: boolean; limit: number; cursor?: string | undefined };

// "Mine" among millions of rows, as two halves the planner serves from indexes instead of an OR it cannot
// split (which scans everyone's rows of the period): what I am responsible for, from the responsible index in
// time order, and what I am invited to and not responsible for, from my invitations by time (their copy of
// the meeting's time and status), joined to the meeting only for the rows in range.
function mineHalves(tx: Tx, mine: Mine, where: SQL | undefined, page?: Page) {
  const i = activityInvitees;
  const order = (at: AnyPgColumn, id: AnyPgColumn) => (page?.descending ? [desc(at), desc(id)] : [asc(at), asc(id)]);
  const own = tx.select({ id: activities.id }).from(activities)
    .where(and(where, page ? afterCursor(activities.startsAt, activities.id, page.descending, page.cursor) : undefined,
      eq(activities.tenantId, mine.tenantId), eq(activities.responsibleId, mine.userId))).$dynamic();
  const invited = tx.select({ id: activities.id }).from(i)
    .innerJoin(activities, and(eq(activities.tenantId, i.tenantId), eq(activities.id, i.activityId)))
    .where(and(eq(i.tenantId, mine.tenantId), eq(i.userId, mine.userId), isNotNull(i.userId),
      mine.from ? gte(i.startsAt, mine.from) : undefined, mine.before ? lt(i.startsAt, mine.before) : undefined,
      mine.pendingOnly ? inArray(i.status, [...PENDING_STATUSES]) : undefined,
      page ? afterCursor(i.startsAt, i.activityId, page.descending, page.cursor) : undefined,
      ne(activities.responsibleId, mine.userId), where)).$dynamic();
  if (page) {
    own.orderBy(...order(activities.startsAt, activities.id)).limit(page.limit);
    invited.orderBy(...order(i.startsAt, i.activityId)).limit(page.limit);
  }
  return { own, invited };
}

/** The ids of the first `page.limit` of my activities matching `where`, in page order (for `id in (…)`). */
export function mineIds(tx: Tx, mine: Mine, where: SQL | undefined, page: Page): SQL {
  const { own, invited } = mineHalves(tx, mine, where, page);
  return sql`${activities.id} in ((${own}) union all (${invited}))`;
}

/** How many of my activities match `where`: the two halves never overlap. */
export function mineCount(tx: Tx, mine: Mine, where: SQL | undefined): SQL<number> {
  const { own, invited } = mineHalves(tx, mine, where);
  return sql<number>`((select count(*) from (${own}) o) + (select count(*) from (${invited}) i))::int`;
}

/**
 * The activities a user may touch under a permission, inside the query:
 * own → responsible, creator or invitee is me; unit / subunits → responsible or creator works in my unit
 * (and below), plus what I am invited to; all → every activity of the company.
 */
export async function activityScopeCondition(tx: Tx, ctx: Ctx, permission: string): Promise<SQL | undefined> {
  const scope = scopeOf(ctx.principal, permission);
  if (!scope) throw new AppError('forbidden');
  if (scope === 'all') return undefined;
  const me = ctx.principal.userId;
  if (!me) return sql`false`;
  if (scope === 'own' || !ctx.principal.unitId) return or(eq(activities.responsibleId, me), eq(activities.createdBy, me), invitedCondition(tx, me));
  const unitIds = scope === 'unit' ? [ctx.principal.unitId] : await unitSubtreeIds(tx, ctx.tenantId, ctx.principal.unitId);
  const staffOfUnits = tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.unitId, unitIds)));
  return or(inArray(activities.responsibleId, staffOfUnits), inArray(activities.createdBy, staffOfUnits), invitedCondition(tx, me));
}
