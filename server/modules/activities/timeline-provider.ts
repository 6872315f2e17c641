// Activities on the customer's 360° timeline: one item type per kind (calls, meetings, …), so the
// timeline's type filter can show only calls. Each provider reads the customer index newest first.
import { and, desc, eq, lt } from 'drizzle-orm';
import {
  ACTIVITY_KINDS, ACTIVITY_STATUS_LABELS, CALL_DIRECTION_LABELS, FOLLOW_UP_OUTCOME_LABELS, type ActivityKind,
} from '../../../common/contracts/activities.contract.js';
import { toPersianDigits } from '../../../common/text.js';
import { scopeOf } from '../../platform/context.js';
import { registerTimelineProvider } from '../customers/index.js';
import { activities, activityTypes } from './activities.table.js';
import { activityScopeCondition } from './activity-scope.js';
import { durationOf } from './domain/activity-times.js';

const LABELS: Record<ActivityKind, { fa: string; en: string }> = {
  call: { fa: 'تماس‌ها', en: 'Calls' },
  meeting: { fa: 'جلسه‌ها', en: 'Meetings' },
  email: { fa: 'ایمیل‌ها', en: 'Emails' },
  task: { fa: 'وظیفه‌ها', en: 'Tasks' },
  sms: { fa: 'پیامک‌های ثبت‌شده', en: 'Logged SMS' },
  visit: { fa: 'بازدیدها', en: 'Visits' },
  other: { fa: 'سایر فعالیت‌ها', en: 'Other activities' },
};

export const timelineKey = (kind: ActivityKind) => `activity.${kind}`;

type Row = typeof activities.$inferSelect;
function bodyOf(a: Row) {
  const facts = [
    ACTIVITY_STATUS_LABELS[a.status],
    a.direction ? `تماس ${CALL_DIRECTION_LABELS[a.direction]}` : null,
    durationOf(a.startsAt, a.endsAt) ? `${toPersianDigits(durationOf(a.startsAt, a.endsAt)!)} دقیقه` : null,
    a.location ? `محل: ${a.location}` : null,
    a.outcome ? `نتیجه: ${FOLLOW_UP_OUTCOME_LABELS[a.outcome]}` : null,
  ].filter(Boolean).join(' · ');
  return [facts, a.description].filter(Boolean).join('\n');
}

for (const kind of ACTIVITY_KINDS) {
  registerTimelineProvider(timelineKey(kind), {
    label: LABELS[kind],
    fetch: async (tx, ctx, customerId, before, limit) => {
      // Seeing the customer does not mean seeing their activities: the activities scope applies here too.
      if (!scopeOf(ctx.principal, 'activities.view')) return [];
      const scope = await activityScopeCondition(tx, ctx, 'activities.view');
      const rows = await tx.select({ a: activities, typeName: activityTypes.name, color: activityTypes.color, icon: activityTypes.icon })
        .from(activities).innerJoin(activityTypes, eq(activityTypes.id, activities.typeId))
        .where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.customerId, customerId), eq(activities.kind, kind), before ? lt(activities.startsAt, before) : undefined, scope))
        .orderBy(desc(activities.startsAt), desc(activities.id))
        .limit(limit);
      return rows.map(({ a, typeName, color, icon }) => ({
        type: timelineKey(kind), id: a.id, at: a.startsAt,
        title: `${a.isFollowUp ? 'پیگیری' : typeName}: ${a.subject}`,
        body: bodyOf(a) || null, actorId: a.responsibleId, link: `/activities?open=${a.id}`, color, icon,
      }));
    },
  });
}
