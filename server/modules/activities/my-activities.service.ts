import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { PENDING_STATUSES, type MyBucket } from '../../../common/contracts/activities.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';
import { activities } from './activities.table.js';
import { mineCondition } from './activity-scope.js';
import { countWhere, selectPage } from './activities.repository.js';
import { dayBounds } from './domain/day-bounds.js';

/**
 * "My activities" (responsible or invited), in three buckets by Tehran day:
 * today — anything today, late ones flagged `overdue`; overdue — still pending from before today, most
 * recent first; upcoming — pending from tomorrow on, soonest first.
 */
function bucketWhere(tx: Tx, ctx: Ctx, me: string, bucket: MyBucket) {
  const { today, tomorrow } = dayBounds(ctx.now());
  const base = and(eq(activities.tenantId, ctx.tenantId), mineCondition(tx, me));
  const pending = inArray(activities.status, [...PENDING_STATUSES]);
  if (bucket === 'today') return and(base, gte(activities.startsAt, today), lt(activities.startsAt, tomorrow));
  if (bucket === 'overdue') return and(base, pending, lt(activities.startsAt, today));
  return and(base, pending, gte(activities.startsAt, tomorrow));
}

const SORT: Record<MyBucket, 'startsAt' | '-startsAt'> = { today: 'startsAt', overdue: '-startsAt', upcoming: 'startsAt' };

export async function myActivities(ctx: Ctx, q: { bucket: MyBucket; limit: number; cursor?: string | undefined }) {
  const me = ctx.userId;
  if (!me) throw new AppError('forbidden');
  return inTenant(ctx.db, ctx, async (tx) => {
    const page = await selectPage(tx, bucketWhere(tx, ctx, me, q.bucket), { sort: SORT[q.bucket], limit: q.limit, cursor: q.cursor }, ctx.now());
    const counts = {
      today: await countWhere(tx, bucketWhere(tx, ctx, me, 'today')),
      overdue: await countWhere(tx, bucketWhere(tx, ctx, me, 'overdue')),
      upcoming: await countWhere(tx, bucketWhere(tx, ctx, me, 'upcoming')),
    };
    return { ...page, counts };
  });
}
