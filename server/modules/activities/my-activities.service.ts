import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { PENDING_STATUSES, type MyBucket } from '../../../common/contracts/activities.contract.js';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';
import { activities } from './activities.table.js';
import { countsWhere, selectPage } from './activities.repository.js';
import type { Mine } from './activity-scope.js';
import { dayBounds } from './domain/day-bounds.js';

/**
 * "My activities" (responsible or invited), in three buckets by Tehran day:
 * today — anything today, late ones flagged `overdue`; overdue — still pending from before today, most
 * recent first; upcoming — pending from tomorrow on, soonest first.
 */
function bucket(ctx: Ctx, me: string, b: MyBucket): { where: SQL | undefined; mine: Mine } {
  const { today, tomorrow } = dayBounds(ctx.now());
  const base = eq(activities.tenantId, ctx.tenantId);
  const pending = inArray(activities.status, [...PENDING_STATUSES]);
  const mine = (range: Omit<Mine, 'tenantId' | 'userId'>): Mine => ({ tenantId: ctx.tenantId, userId: me, ...range });
  if (b === 'today') return { where: and(base, gte(activities.startsAt, today), lt(activities.startsAt, tomorrow)), mine: mine({ from: today, before: tomorrow }) };
  if (b === 'overdue') return { where: and(base, pending, lt(activities.startsAt, today)), mine: mine({ before: today, pendingOnly: true }) };
  return { where: and(base, pending, gte(activities.startsAt, tomorrow)), mine: mine({ from: tomorrow, pendingOnly: true }) };
}

const SORT: Record<MyBucket, 'startsAt' | '-startsAt'> = { today: 'startsAt', overdue: '-startsAt', upcoming: 'startsAt' };

export async function myActivities(ctx: Ctx, q: { bucket: MyBucket; limit: number; cursor?: string | undefined }) {
  const me = ctx.userId;
  if (!me) throw new AppError('forbidden');
  return inTenant(ctx.db, ctx, async (tx) => {
    const shown = bucket(ctx, me, q.bucket);
    const page = await selectPage(tx, shown.where, { sort: SORT[q.bucket], limit: q.limit, cursor: q.cursor, mine: shown.mine }, ctx.now());
    const counts = await countsWhere(tx, { today: bucket(ctx, me, 'today'), overdue: bucket(ctx, me, 'overdue'), upcoming: bucket(ctx, me, 'upcoming') });
    return { ...page, counts };
  });
}
