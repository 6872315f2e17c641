// Notes on the customer's 360° timeline (type `note`): public ones, and my own private ones marked as such.
import { and, desc, eq, lt } from 'drizzle-orm';
import { scopeOf } from '../../platform/context.js';
import { registerTimelineProvider } from '../customers/index.js';
import { privacyCondition } from './note-visibility.js';
import { notes } from './notes.table.js';
import { keepVisibleRecords } from './record-visibility.js';

registerTimelineProvider('note', {
  label: { fa: 'یادداشت‌ها', en: 'Notes' },
  fetch: async (tx, ctx, customerId, before, limit) => {
    if (!scopeOf(ctx.principal, 'notes.view')) return [];
    // The customer is visible (the timeline checked it); notes on its other records still need theirs.
    const rows = await tx.select().from(notes)
      .where(and(eq(notes.tenantId, ctx.tenantId), eq(notes.customerId, customerId), privacyCondition(ctx), before ? lt(notes.createdAt, before) : undefined))
      .orderBy(desc(notes.createdAt), desc(notes.id))
      .limit(limit);
    return (await keepVisibleRecords(tx, ctx, rows)).map((n) => ({
      type: 'note', id: n.id, at: n.createdAt, title: n.isPrivate ? 'یادداشت خصوصی' : 'یادداشت', body: n.body,
      actorId: n.authorId, link: `${n.record?.path ?? `/customers/${customerId}`}?note=${n.id}`, color: n.isPrivate ? '#6D4C41' : '#F9A825', icon: n.isPrivate ? 'lock' : 'note',
    }));
  },
});
