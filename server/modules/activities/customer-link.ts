// Activities attached to customers: the customer link target, moving them on a merge, reading their files.
import { and, eq } from 'drizzle-orm';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';
import { registerFileOwner } from '../../platform/files/files.service.js';
import { registerLinkTarget } from '../../platform/links/record-links.js';
import { loadInScope as loadCustomerInScope, registerCustomerMover } from '../customers/index.js';
import { activities } from './activities.table.js';
import { activityScopeCondition } from './activity-scope.js';

// The customers module does not know about links yet; the first module that links to customers registers them.
registerLinkTarget('customer', {
  label: { fa: 'مشتری', en: 'Customer' },
  resolve: async (tx, ctx, id) => {
    try {
      const c = await loadCustomerInScope(tx, ctx, id, 'customers.view');
      return { title: c.displayName, customerId: c.id, path: `/customers/${c.id}` };
    } catch (err) {
      if (err instanceof AppError) return null; // not found, or outside what the user may see
      throw err;
    }
  },
});

registerCustomerMover(async (tx, ctx, from, to) => {
  await tx.update(activities).set({ customerId: to }).where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.customerId, from)));
  await tx.update(activities).set({ linkId: to }).where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.linkType, 'customer'), eq(activities.linkId, from)));
});

// A call recording is served to whoever may see the activity.
registerFileOwner('activity', (ctx, ownerId) =>
  inTenant(ctx.db, ctx, async (tx) => {
    const [row] = await tx.select({ id: activities.id }).from(activities)
      .where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.id, ownerId), await activityScopeCondition(tx, ctx, 'activities.view')));
    return !!row;
  }).catch((err) => {
    if (err instanceof AppError) return false;
    throw err;
  }));
