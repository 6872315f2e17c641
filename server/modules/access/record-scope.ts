import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';
import { users } from '../staff/staff.table.js';
import { unitSubtreeIds } from '../org/index.js';

/**
 * The rows a user may touch under a permission, as a condition on the row's owner column:
 * own → owned by me; unit → owned by someone in my unit; subunits → my unit and below; all → any.
 * Services put it inside their query, so a list never shows a row the scope excludes.
 */
export async function ownerScopeCondition(tx: Tx, ctx: Ctx, permission: string, ownerColumn: AnyPgColumn): Promise<SQL | undefined> {
  const scope = scopeOf(ctx.principal, permission);
  if (!scope) throw new AppError('forbidden');
  if (scope === 'all') return undefined;
  const me = ctx.principal.userId;
  if (!me) return sql`false`;
  if (scope === 'own' || !ctx.principal.unitId) return eq(ownerColumn, me);
  const unitIds = scope === 'unit' ? [ctx.principal.unitId] : await unitSubtreeIds(tx, ctx.tenantId, ctx.principal.unitId);
  return inArray(ownerColumn, tx.select({ id: users.id }).from(users).where(inArray(users.unitId, unitIds)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the records `userId` owns are within the caller's scope of `permission` (who may read a file
 * someone uploaded for their import). False without the permission, and for an id that is no user's.
 */
export async function userInScope(ctx: Ctx, permission: string, userId: string): Promise<boolean> {
  if (!UUID.test(userId)) return false;
  return inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, permission, users.id).catch(() => null);
    if (scope === null) return false;
    const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId), scope));
    return rows.length > 0;
  });
}
