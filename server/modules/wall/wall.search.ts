import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { searchNormalize } from '../../../common/text.js';
import { scopeOf } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { keepVisibleRecords, recordLabel, visibleRecordCondition } from '../notes/index.js';
import { customers } from '../customers/index.js';
import { registerSearchProvider } from '../search/index.js';
import { posts } from './wall.table.js';

const excerpt = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n).trimEnd()}…` : s).replace(/\s+/g, ' ');

// The top-bar search finds wall posts and replies by their text, on records the user may see.
registerSearchProvider(async (ctx, q, limit) => {
  if (!scopeOf(ctx.principal, 'posts.view')) return [];
  const text = searchNormalize(q);
  if (!text) return [];
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await tx.select({ id: posts.id, parentId: posts.parentId, body: posts.body, linkType: posts.linkType, linkId: posts.linkId, customerName: customers.displayName })
      .from(posts).leftJoin(customers, eq(customers.id, posts.customerId))
      .where(and(eq(posts.tenantId, ctx.tenantId), isNull(posts.deletedAt), sql`${posts.searchText} like ${'%' + text + '%'}`, await visibleRecordCondition(tx, ctx, posts)))
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(limit);
    return (await keepVisibleRecords(tx, ctx, rows)).map((p) => {
      const label = recordLabel(p);
      return { type: 'post', id: p.id, title: excerpt(p.body), subtitle: ['دیوار گفتگو', label.title].filter(Boolean).join(' · '), link: `${label.path ?? '/'}?post=${p.parentId ?? p.id}` };
    });
  });
});
