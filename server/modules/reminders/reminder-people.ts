// Who a reminder may be for: oneself always; colleagues under `reminders.assign`, whose scope says which
// (unit → my unit, subunits → my unit and below, all → everyone). Deactivated staff get none.
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { RecipientOption } from '../../../common/contracts/reminders.contract.js';
import { scopeOf, type Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/http/app-error.js';
import { unitSubtreeIds } from '../org/index.js';
import { users } from '../staff/index.js';
import { MSG } from './domain/reminder-rules.js';

/** A reminder is a person's: an API key has nobody to remind. */
export function personOf(ctx: Ctx): string {
  if (!ctx.userId) throw new AppError('forbidden');
  return ctx.userId;
}

/** The staff (users rows) this user may set reminders for, as a condition on `users`. */
export async function assignableCondition(tx: Tx, ctx: Ctx): Promise<SQL | undefined> {
  const me = personOf(ctx);
  const scope = scopeOf(ctx.principal, 'reminders.assign');
  if (scope === 'all') return undefined;
  const unitId = ctx.principal.unitId;
  if (!scope || scope === 'own' || !unitId) return eq(users.id, me);
  const unitIds = scope === 'unit' ? [unitId] : await unitSubtreeIds(tx, ctx.tenantId, unitId);
  return or(eq(users.id, me), inArray(users.unitId, unitIds));
}

/** Throws the Persian field error (403 when out of scope) unless the user may remind `recipientId`. */
export async function checkRecipient(tx: Tx, ctx: Ctx, recipientId: string) {
  const [u] = await tx.select({ id: users.id, active: users.active, mobile: users.mobile }).from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, recipientId)));
  if (!u) throw fieldError('recipientId', MSG.recipientMissing);
  if (recipientId !== ctx.userId) {
    const [allowed] = await tx.select({ id: users.id }).from(users)
      .where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, recipientId), await assignableCondition(tx, ctx)));
    if (!allowed) throw fieldError('recipientId', MSG.recipientForbidden, 'forbidden');
  }
  if (!u.active) throw fieldError('recipientId', MSG.recipientInactive);
  return u;
}

/** The recipient select of the form: me first, then the active colleagues I may remind, by name. */
export async function recipientOptions(tx: Tx, ctx: Ctx): Promise<RecipientOption[]> {
  const me = personOf(ctx);
  const rows = await tx.select({ id: users.id, first: users.firstName, last: users.lastName, mobile: users.mobile }).from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.active, true), await assignableCondition(tx, ctx)))
    .orderBy(asc(users.lastName), asc(users.firstName)).limit(1000);
  const items = rows.map((r) => ({ id: r.id, name: `${r.first} ${r.last}`.trim(), hasMobile: !!r.mobile, isMe: r.id === me }));
  return [...items.filter((i) => i.isMe), ...items.filter((i) => !i.isMe)];
}
