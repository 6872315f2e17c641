// Wall posts follow their customer through a merge; they go when it is deleted (FK cascade).
import { and, eq } from 'drizzle-orm';
import { registerCustomerMover } from '../customers/index.js';
import { posts } from './wall.table.js';

registerCustomerMover(async (tx, ctx, from, to) => {
  await tx.update(posts).set({ customerId: to }).where(and(eq(posts.tenantId, ctx.tenantId), eq(posts.customerId, from)));
  await tx.update(posts).set({ linkId: to }).where(and(eq(posts.tenantId, ctx.tenantId), eq(posts.linkType, 'customer'), eq(posts.linkId, from)));
});
