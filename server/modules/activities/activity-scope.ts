import { and, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { AppError } from '../../platform/http/app-error.js';
import { unitSubtreeIds } from '../org/index.js';
import { users } from '../staff/index.js';
import { activities, activityInvitees } from './activities.table.js';

/** A staff member invited to the activity (a meeting they attend is theirs to see). */
export const invitedCondition = (tx: Tx, userId: string) =>
  exists(tx.select({ one: sql`1` }).from(activityInvitees).where(and(eq(activityInvitees.tenantId, activities.tenantId), eq(activityInvitees.activityId, activities.id), eq(activityInvitees.userId, userId))));

/** Mine: responsible for it or invited to it. */
export const mineCondition = (tx: Tx, userId: string) => or(eq(activities.responsibleId, userId), invitedCondition(tx, userId));

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
