// Wall posts and replies on the customer's 360° timeline (type `post`), newest first.
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { scopeOf } from '../../platform/context.js';
import { registerTimelineProvider } from '../customers/index.js';
import { keepVisibleRecords } from '../notes/index.js';
import { isolateMentions } from './domain/mention-parse.js';
import { posts } from './wall.table.js';

registerTimelineProvider('post', {
  label: { fa: 'دیوار گفتگو', en: 'Discussion wall' },
  fetch: async (tx, ctx, customerId, before, limit) => {
    if (!scopeOf(ctx.principal, 'posts.view')) return [];
    const rows = await tx.select().from(posts)
      .where(and(eq(posts.tenantId, ctx.tenantId), eq(posts.customerId, customerId), isNull(posts.deletedAt), before ? lt(posts.createdAt, before) : undefined))
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(limit);
    return (await keepVisibleRecords(tx, ctx, rows)).map((p) => ({
      type: 'post', id: p.id, at: p.createdAt, title: p.parentId ? 'پاسخ در دیوار گفتگو' : 'پیام در دیوار گفتگو', body: isolateMentions(p.body),
      actorId: p.authorId, link: `${p.record?.path ?? `/customers/${customerId}`}?post=${p.parentId ?? p.id}`, color: '#5E35B1', icon: 'forum',
    }));
  },
});
