import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { fieldError } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { customerAddresses, customerContacts, customers } from './customers.table.js';
import { applyUpdate, getCustomer, loadInScope } from './customers.service.js';
import { syncPlace } from './customer-children.js';

/** Fields a person chooses between when merging two customers. */
export const MERGEABLE_FIELDS = [
  'kind', 'code', 'firstName', 'lastName', 'companyName', 'nationalId', 'legalId', 'economicCode', 'registrationNo',
  'organizationTypeId', 'birthDate', 'weddingDate', 'mobile', 'phone', 'email', 'website', 'sheba', 'sourceId', 'grade', 'ownerId', 'notes',
] as const;
type Field = (typeof MERGEABLE_FIELDS)[number];

type Mover = (tx: Tx, ctx: Ctx, fromId: string, toId: string) => Promise<void>;
const movers: Mover[] = [];
/** Modules whose records point at a customer move them to the survivor here (activities, deals, …). */
export const registerCustomerMover = (m: Mover) => movers.push(m);

registerCustomerMover(async (tx, ctx, from, to) => {
  await tx.update(customerContacts).set({ customerId: to }).where(and(eq(customerContacts.tenantId, ctx.tenantId), eq(customerContacts.customerId, from)));
  await tx.update(customerAddresses).set({ customerId: to, isPrimary: false }).where(and(eq(customerAddresses.tenantId, ctx.tenantId), eq(customerAddresses.customerId, from)));
  await syncPlace(tx, ctx.tenantId, to);
});

/**
 * Keeps `survivorId` with each field taken from the side the person chose, moves every related record
 * to it, and deletes the other. History stays: both records' audit entries remain, and the merge is logged on each.
 */
export async function mergeCustomers(ctx: Ctx, input: { survivorId: string; mergedId: string; fields: Partial<Record<string, 'survivor' | 'merged'>> }) {
  if (input.survivorId === input.mergedId) throw fieldError('mergedId', 'یک مشتری با خودش ادغام نمی‌شود');
  await inTenant(ctx.db, ctx, async (tx) => {
    const survivor = await loadInScope(tx, ctx, input.survivorId, 'customers.edit');
    const merged = await loadInScope(tx, ctx, input.mergedId, 'customers.delete');
    const patch: Record<string, unknown> = {};
    for (const f of MERGEABLE_FIELDS) {
      const choice = input.fields[f] ?? (survivor[f as Field] == null || survivor[f as Field] === '' ? 'merged' : 'survivor');
      if (choice === 'merged' && merged[f as Field] !== survivor[f as Field]) patch[f] = merged[f as Field];
    }
    const tags = [...new Set([...survivor.tags, ...merged.tags])];
    for (const move of movers) await move(tx, ctx, merged.id, survivor.id);
    // The merged row goes first so its unique identifiers can pass to the survivor.
    await tx.delete(customers).where(eq(customers.id, merged.id));
    await recordAudit(tx, ctx, { entity: 'customer', entityId: merged.id, action: 'delete', before: merged, after: { mergedInto: survivor.id } });
    await applyUpdate(tx, ctx, survivor, { ...toPatch(patch), tags });
    await recordAudit(tx, ctx, { entity: 'customer', entityId: survivor.id, action: 'update', before: { merged: null }, after: { merged: `${merged.displayName} (${merged.code})` } });
  });
  return getCustomer(ctx, input.survivorId);
}

/** Stored values back into the shape applyUpdate takes (dates are stored as text, given as Date). */
function toPatch(p: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...p };
  for (const d of ['birthDate', 'weddingDate']) if (typeof out[d] === 'string') out[d] = new Date(`${out[d]}T12:00:00+03:30`);
  return out;
}
