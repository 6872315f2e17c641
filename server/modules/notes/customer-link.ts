// Notes follow their customer through a merge (onto the surviving customer); they go when it is deleted (FK cascade).
import { and, eq } from 'drizzle-orm';
import { registerCustomerMover } from '../customers/index.js';
import { notes } from './notes.table.js';

registerCustomerMover(async (tx, ctx, from, to) => {
  await tx.update(notes).set({ customerId: to }).where(and(eq(notes.tenantId, ctx.tenantId), eq(notes.customerId, from)));
  await tx.update(notes).set({ linkId: to }).where(and(eq(notes.tenantId, ctx.tenantId), eq(notes.linkType, 'customer'), eq(notes.linkId, from)));
});
