import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { addressInput, contactInput } from '../../../common/contracts/customers.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { fieldError } from '../../platform/http/app-error.js';
import { cities, provinces } from '../geo/index.js';
import { customerAddresses, customerContacts, customers } from './customers.table.js';

export type ContactInput = z.infer<typeof contactInput>;
export type AddressInput = z.infer<typeof addressInput>;

export async function loadChildren(tx: Tx, tenantId: string, customerId: string) {
  const contacts = await tx
    .select({ id: customerContacts.id, firstName: customerContacts.firstName, lastName: customerContacts.lastName, position: customerContacts.position, mobile: customerContacts.mobile, phone: customerContacts.phone, email: customerContacts.email, isPrimary: customerContacts.isPrimary, notes: customerContacts.notes })
    .from(customerContacts)
    .where(and(eq(customerContacts.tenantId, tenantId), eq(customerContacts.customerId, customerId)))
    .orderBy(desc(customerContacts.isPrimary), asc(customerContacts.createdAt));
  const addresses = await tx
    .select({ id: customerAddresses.id, title: customerAddresses.title, provinceId: customerAddresses.provinceId, provinceName: provinces.name, cityId: customerAddresses.cityId, cityName: cities.name, postalCode: customerAddresses.postalCode, address: customerAddresses.address, phone: customerAddresses.phone, isPrimary: customerAddresses.isPrimary })
    .from(customerAddresses)
    .leftJoin(provinces, eq(provinces.id, customerAddresses.provinceId))
    .leftJoin(cities, eq(cities.id, customerAddresses.cityId))
    .where(and(eq(customerAddresses.tenantId, tenantId), eq(customerAddresses.customerId, customerId)))
    .orderBy(desc(customerAddresses.isPrimary), asc(customerAddresses.createdAt));
  return { contacts, addresses };
}

/** A city must belong to the chosen province; a city alone implies its province. */
async function checkPlace(tx: Tx, a: AddressInput, index: number): Promise<{ provinceId: number | null; cityId: number | null }> {
  if (!a.cityId) return { provinceId: a.provinceId ?? null, cityId: null };
  const [city] = await tx.select().from(cities).where(eq(cities.id, a.cityId));
  if (!city) throw fieldError(`addresses.${index}.cityId`, 'شهر انتخاب‌شده پیدا نشد');
  if (a.provinceId && city.provinceId !== a.provinceId) throw fieldError(`addresses.${index}.cityId`, 'این شهر در استان انتخاب‌شده نیست');
  return { provinceId: city.provinceId, cityId: city.id };
}

export async function replaceContacts(tx: Tx, ctx: Ctx, customerId: string, list: ContactInput[]) {
  await tx.delete(customerContacts).where(and(eq(customerContacts.tenantId, ctx.tenantId), eq(customerContacts.customerId, customerId)));
  if (!list.length) return;
  await tx.insert(customerContacts).values(list.map((c) => ({ ...c, isPrimary: c.isPrimary ?? false, tenantId: ctx.tenantId, customerId, email: c.email?.toLowerCase() ?? null })));
}

export async function replaceAddresses(tx: Tx, ctx: Ctx, customerId: string, list: AddressInput[]) {
  await tx.delete(customerAddresses).where(and(eq(customerAddresses.tenantId, ctx.tenantId), eq(customerAddresses.customerId, customerId)));
  const rows = [];
  for (const [i, a] of list.entries()) rows.push({ ...a, id: undefined, ...(await checkPlace(tx, a, i)), isPrimary: a.isPrimary ?? i === 0, tenantId: ctx.tenantId, customerId });
  if (rows.length) await tx.insert(customerAddresses).values(rows);
  await syncPlace(tx, ctx.tenantId, customerId);
}

/** The customer row carries its primary address's province and city so lists can filter on them. */
export async function syncPlace(tx: Tx, tenantId: string, customerId: string) {
  const [primary] = await tx
    .select({ provinceId: customerAddresses.provinceId, cityId: customerAddresses.cityId })
    .from(customerAddresses)
    .where(and(eq(customerAddresses.tenantId, tenantId), eq(customerAddresses.customerId, customerId)))
    .orderBy(desc(customerAddresses.isPrimary), asc(customerAddresses.createdAt))
    .limit(1);
  await tx.update(customers).set({ provinceId: primary?.provinceId ?? null, cityId: primary?.cityId ?? null }).where(eq(customers.id, customerId));
}

export { checkPlace };
