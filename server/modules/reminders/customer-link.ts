// A merge of two customers moves their reminders to the one that stays.
import { and, eq } from 'drizzle-orm';
import { registerCustomerMover } from '../customers/index.js';
import { reminders } from './reminders.table.js';

registerCustomerMover(async (tx, ctx, from, to) => {
  await tx.update(reminders).set({ customerId: to }).where(and(eq(reminders.tenantId, ctx.tenantId), eq(reminders.customerId, from)));
  await tx.update(reminders).set({ linkId: to, linkPath: `/customers/${to}` })
    .where(and(eq(reminders.tenantId, ctx.tenantId), eq(reminders.linkType, 'customer'), eq(reminders.linkId, from)));
});
