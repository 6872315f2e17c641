import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { customerAddresses, customerContacts } from './customers.table.js';
import { checkPlace, loadChildren, syncPlace, type AddressInput, type ContactInput } from './customer-children.js';
import { loadInScope } from './customers.service.js';

/** Contacts and addresses are part of the customer: seeing them needs customers.view, changing them customers.edit. */
export async function listContacts(ctx: Ctx, customerId: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await loadInScope(tx, ctx, customerId, 'customers.view');
    return (await loadChildren(tx, ctx.tenantId, customerId)).contacts;
  });
}

export async function saveContact(ctx: Ctx, customerId: string, contactId: string | null, input: ContactInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await loadInScope(tx, ctx, customerId, 'customers.edit');
    const values = { ...input, isPrimary: input.isPrimary ?? false, email: input.email?.toLowerCase() ?? null, updatedAt: ctx.now() };
    if (values.isPrimary) await tx.update(customerContacts).set({ isPrimary: false }).where(and(eq(customerContacts.tenantId, ctx.tenantId), eq(customerContacts.customerId, customerId)));
    if (!contactId) {
      const [row] = await tx.insert(customerContacts).values({ ...values, tenantId: ctx.tenantId, customerId }).returning();
      await recordAudit(tx, ctx, { entity: 'customer', entityId: customerId, action: 'update', before: { contact: null }, after: { contact: `${row!.firstName ?? ''} ${row!.lastName}`.trim() } });
      return row!;
    }
    const [before] = await tx.select().from(customerContacts).where(and(eq(customerContacts.tenantId, ctx.tenantId), eq(customerContacts.customerId, customerId), eq(customerContacts.id, contactId)));
    if (!before) throw notFound('فرد رابط');
    const [after] = await tx.update(customerContacts).set(values).where(eq(customerContacts.id, contactId)).returning();
    await recordAudit(tx, ctx, { entity: 'customerContact', entityId: contactId, action: 'update', before, after: after! });
    return after!;
  });
}

export async function deleteContact(ctx: Ctx, customerId: string, contactId: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    await loadInScope(tx, ctx, customerId, 'customers.edit');
    const [before] = await tx.delete(customerContacts).where(and(eq(customerContacts.tenantId, ctx.tenantId), eq(customerContacts.customerId, customerId), eq(customerContacts.id, contactId))).returning();
    if (!before) throw notFound('فرد رابط');
    await recordAudit(tx, ctx, { entity: 'customer', entityId: customerId, action: 'update', before: { contact: `${before.firstName ?? ''} ${before.lastName}`.trim() }, after: { contact: null } });
  });
}

export async function saveAddress(ctx: Ctx, customerId: string, addressId: string | null, input: AddressInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await loadInScope(tx, ctx, customerId, 'customers.edit');
    const place = await checkPlace(tx, input, 0);
    const values = { title: input.title ?? null, postalCode: input.postalCode ?? null, address: input.address, phone: input.phone ?? null, isPrimary: input.isPrimary ?? false, ...place };
    if (values.isPrimary) await tx.update(customerAddresses).set({ isPrimary: false }).where(and(eq(customerAddresses.tenantId, ctx.tenantId), eq(customerAddresses.customerId, customerId)));
    let row;
    if (!addressId) {
      [row] = await tx.insert(customerAddresses).values({ ...values, tenantId: ctx.tenantId, customerId }).returning();
      await recordAudit(tx, ctx, { entity: 'customer', entityId: customerId, action: 'update', before: { address: null }, after: { address: row!.address } });
    } else {
      const [before] = await tx.select().from(customerAddresses).where(and(eq(customerAddresses.tenantId, ctx.tenantId), eq(customerAddresses.customerId, customerId), eq(customerAddresses.id, addressId)));
      if (!before) throw notFound('نشانی');
      [row] = await tx.update(customerAddresses).set(values).where(eq(customerAddresses.id, addressId)).returning();
      await recordAudit(tx, ctx, { entity: 'customer', entityId: customerId, action: 'update', before: { address: before.address }, after: { address: row!.address } });
    }
    await syncPlace(tx, ctx.tenantId, customerId);
    return (await loadChildren(tx, ctx.tenantId, customerId)).addresses.find((a) => a.id === row!.id)!;
  });
}

export async function deleteAddress(ctx: Ctx, customerId: string, addressId: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    await loadInScope(tx, ctx, customerId, 'customers.edit');
    const [before] = await tx.delete(customerAddresses).where(and(eq(customerAddresses.tenantId, ctx.tenantId), eq(customerAddresses.customerId, customerId), eq(customerAddresses.id, addressId))).returning();
    if (!before) throw notFound('نشانی');
    await syncPlace(tx, ctx.tenantId, customerId);
    await recordAudit(tx, ctx, { entity: 'customer', entityId: customerId, action: 'update', before: { address: before.address }, after: { address: null } });
  });
}
