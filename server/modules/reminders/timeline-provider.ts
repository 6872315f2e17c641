// Reminders about a customer on its 360° timeline, at their due time. Only the people a reminder belongs
// to (its recipient and whoever set it) see it there; deleted ones are left out.
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import { REMINDER_STATUS_LABELS } from '../../../common/contracts/reminders.contract.js';
import { registerTimelineProvider } from '../customers/index.js';
import { visibleTo } from './reminders.repository.js';
import { reminders } from './reminders.table.js';

registerTimelineProvider('reminder', {
  label: { fa: 'یادآورها', en: 'Reminders' },
  fetch: async (tx, ctx, customerId, before, limit) => {
    const me = ctx.principal.userId;
    if (!me) return [];
    const rows = await tx.select().from(reminders)
      .where(and(eq(reminders.tenantId, ctx.tenantId), eq(reminders.customerId, customerId), ne(reminders.status, 'canceled'), visibleTo(me), before ? lt(reminders.dueAt, before) : undefined))
      .orderBy(desc(reminders.dueAt), desc(reminders.id))
      .limit(limit);
    return rows.map((r) => ({
      type: 'reminder', id: r.id, at: r.dueAt, title: `یادآور: ${r.text.split('\n')[0]!.slice(0, 200)}`,
      body: REMINDER_STATUS_LABELS[r.status].fa, actorId: r.createdBy, link: `/reminders?open=${r.id}`, color: '#FB8C00',
    }));
  },
});
