import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { CustomerCreate, CustomerListQuery, CustomerPatch } from '../../../common/contracts/customers.contract.js';
import { toPersianDigits } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inSystem, inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { bumpNumber, nextNumber } from '../../platform/sequences/next-number.js';
import { ownerScopeCondition } from '../access/index.js';
import { users } from '../staff/index.js';
import { lookupValues } from '../settings/lookups.table.js';
import { customerAddresses, customerContacts, customers } from './customers.table.js';
import { byIds, countCustomers, customerPhoneDigits, customerSearchText, filterConditions, searchPageIds, SEARCH_MATCH_CAP, selectCustomers } from './customers.repository.js';
import { columnValues, displayNameOf, UNIQUE_IDS } from './domain/customer-values.js';
import { replaceAddresses, replaceContacts, loadChildren } from './customer-children.js';

export const CODE_SEQUENCE = 'customer.code';

export async function listCustomers(ctx: Ctx, q: CustomerListQuery, ids?: string[]) {
  if (q.q?.trim() && !ids) return searchCustomers(ctx, q);
  return inTenant(ctx.db, ctx, async (tx) => {
    const where = and(filterConditions(ctx.tenantId, q), await ownerScopeCondition(tx, ctx, 'customers.view', customers.ownerId), ids ? byIds(ids) : undefined);
    const page = await selectCustomers(tx, where, q);
    return { ...page, total: q.total === 'true' ? await countCustomers(tx, where) : null };
  });
}

/**
 * Search in two steps: the page's ids through the trigram indexes outside row-level security (see
 * searchPageIds), then the rows themselves read under RLS like every other read.
 */
async function searchCustomers(ctx: Ctx, q: CustomerListQuery) {
  const found = await inSystem(ctx.db, async (sys) => {
    const where = and(filterConditions(ctx.tenantId, q), await ownerScopeCondition(sys, ctx, 'customers.view', customers.ownerId));
    const page = await searchPageIds(sys, where, q);
    const total = q.total === 'true' ? await countCustomers(sys, where, SEARCH_MATCH_CAP) : null;
    return { ...page, total };
  });
  if (!found.ids.length) return { items: [], nextCursor: null, total: found.total };
  const rows = await inTenant(ctx.db, ctx, (tx) => selectCustomers(tx, and(eq(customers.tenantId, ctx.tenantId), byIds(found.ids)), { sort: q.sort, limit: found.ids.length }));
  return { items: rows.items, nextCursor: found.nextCursor, total: found.total };
}

/** The row if the user may act on it under `permission`, else 404 (no hint that it exists). */
export async function loadInScope(tx: Tx, ctx: Ctx, id: string, permission: string) {
  const scope = await ownerScopeCondition(tx, ctx, permission, customers.ownerId);
  const [row] = await tx.select().from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, id), scope));
  if (!row) throw notFound('مشتری');
  return row;
}

export async function getCustomer(ctx: Ctx, id: string) {
  const page = await listCustomers(ctx, { sort: '-createdAt', limit: 1 }, [id]);
  const customer = page.items[0];
  if (!customer) throw notFound('مشتری');
  const children = await inTenant(ctx.db, ctx, (tx) => loadChildren(tx, ctx.tenantId, id));
  return { ...customer, ...children };
}

/** A national ID, legal ID, economic code or code already used by another customer is refused, naming that customer. */
export async function assertUniqueIds(tx: Tx, ctx: Ctx, values: Record<string, unknown>, selfId: string | null) {
  const given = UNIQUE_IDS.filter((u) => values[u.field]);
  if (!given.length) return;
  const col = (f: (typeof UNIQUE_IDS)[number]['field']) => customers[f];
  const others = await tx
    .select({ id: customers.id, displayName: customers.displayName, code: customers.code, nationalId: customers.nationalId, legalId: customers.legalId, economicCode: customers.economicCode })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), selfId ? ne(customers.id, selfId) : undefined, or(...given.map((u) => eq(col(u.field), values[u.field] as string)))));
  for (const u of given) {
    const other = others.find((o) => o[u.field] === values[u.field]);
    if (other) throw fieldError(u.field, `این ${u.label} برای مشتری «${other.displayName}» (کد ${toPersianDigits(other.code)}) ثبت شده است`, 'duplicate');
  }
}

/** Referenced owner, source and organization type must exist in this company. */
export async function assertReferences(tx: Tx, ctx: Ctx, values: Record<string, unknown>) {
  if (values.ownerId) {
    const [u] = await tx.select({ active: users.active }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, values.ownerId as string)));
    if (!u) throw fieldError('ownerId', 'کارشناس انتخاب‌شده پیدا نشد');
    if (!u.active) throw fieldError('ownerId', 'کارشناس انتخاب‌شده غیرفعال است');
  }
  for (const [field, list, label] of [['sourceId', 'customerSource', 'شیوه آشنایی'], ['organizationTypeId', 'organizationType', 'نوع سازمان']] as const) {
    if (!values[field]) continue;
    const [l] = await tx.select({ id: lookupValues.id }).from(lookupValues).where(and(eq(lookupValues.tenantId, ctx.tenantId), eq(lookupValues.id, values[field] as string), eq(lookupValues.list, list)));
    if (!l) throw fieldError(field, `${label} انتخاب‌شده پیدا نشد`);
  }
}

/** Fields that follow from others: display name, search text, phone digits, province/city of the primary address. */
export function derived(row: Record<string, unknown>) {
  const r = row as Parameters<typeof customerSearchText>[0] & { kind: 'natural' | 'legal' };
  const displayName = displayNameOf(r);
  return { displayName, searchText: customerSearchText({ ...r, displayName }), phoneDigits: customerPhoneDigits(r) };
}

/** Inserts one customer inside the caller's transaction (also used by import and merge). */
export async function insertCustomer(tx: Tx, ctx: Ctx, input: CustomerCreate) {
  const values = columnValues(input);
  if (values.code) {
    const n = Number(values.code);
    if (Number.isSafeInteger(n)) await bumpNumber(tx, ctx.tenantId, CODE_SEQUENCE, n);
  } else {
    values.code = String(await nextNumber(tx, ctx.tenantId, CODE_SEQUENCE));
  }
  if (values.ownerId === undefined && ctx.userId && !scopeOf(ctx.principal, 'customers.assign')) values.ownerId = ctx.userId;
  await assertUniqueIds(tx, ctx, values, null);
  await assertReferences(tx, ctx, values);
  const [row] = await tx
    .insert(customers)
    .values({ ...(values as typeof customers.$inferInsert), ...derived(values), tenantId: ctx.tenantId, createdBy: ctx.userId, createdAt: ctx.now(), updatedAt: ctx.now() })
    .returning();
  if (input.contacts?.length) await replaceContacts(tx, ctx, row!.id, input.contacts);
  if (input.addresses?.length) await replaceAddresses(tx, ctx, row!.id, input.addresses);
  await recordAudit(tx, ctx, { entity: 'customer', entityId: row!.id, action: 'create', after: row! });
  return row!;
}

export async function createCustomer(ctx: Ctx, input: CustomerCreate) {
  const row = await inTenant(ctx.db, ctx, (tx) => insertCustomer(tx, ctx, input));
  return getCustomer(ctx, row.id);
}

/** Applies changed fields to a loaded row (also used by import overwrite/merge). */
export async function applyUpdate(tx: Tx, ctx: Ctx, before: typeof customers.$inferSelect, patch: CustomerPatch) {
  if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
  const values = columnValues(patch);
  if ('ownerId' in values && values.ownerId !== before.ownerId && !scopeOf(ctx.principal, 'customers.assign')) {
    throw fieldError('ownerId', 'برای تغییر کارشناس مسئول، دسترسی «تخصیص مشتری» لازم است', 'forbidden');
  }
  const merged = { ...before, ...values };
  if (merged.kind === 'natural' && !merged.lastName) throw fieldError('lastName', 'نام خانوادگی الزامی است');
  if (merged.kind === 'legal' && !merged.companyName) throw fieldError('companyName', 'نام سازمان الزامی است');
  await assertUniqueIds(tx, ctx, values, before.id);
  await assertReferences(tx, ctx, values);
  const [after] = await tx
    .update(customers)
    .set({ ...(values as Partial<typeof customers.$inferInsert>), ...derived(merged), version: before.version + 1, updatedAt: ctx.now() })
    .where(eq(customers.id, before.id))
    .returning();
  await recordAudit(tx, ctx, { entity: 'customer', entityId: before.id, action: 'update', before, after: after! });
  return after!;
}

export async function updateCustomer(ctx: Ctx, id: string, patch: CustomerPatch) {
  await inTenant(ctx.db, ctx, async (tx) => applyUpdate(tx, ctx, await loadInScope(tx, ctx, id, 'customers.edit'), patch));
  return getCustomer(ctx, id);
}

export async function deleteCustomer(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadInScope(tx, ctx, id, 'customers.delete');
    const children = await loadChildren(tx, ctx.tenantId, id);
    await tx.delete(customers).where(eq(customers.id, id));
    await recordAudit(tx, ctx, { entity: 'customer', entityId: id, action: 'delete', before: { ...before, ...children } });
  });
}

/** Gives (or takes away) an owner for many customers at once; each change is audited. */
export async function bulkAssign(ctx: Ctx, ids: string[], ownerId: string | null) {
  return inTenant(ctx.db, ctx, async (tx) => {
    if (ownerId) await assertReferences(tx, ctx, { ownerId });
    const scope = await ownerScopeCondition(tx, ctx, 'customers.assign', customers.ownerId);
    const rows = await tx.select().from(customers).where(and(eq(customers.tenantId, ctx.tenantId), inArray(customers.id, ids), scope));
    const changed = rows.filter((r) => r.ownerId !== ownerId);
    if (changed.length) {
      await tx.update(customers).set({ ownerId, updatedAt: ctx.now(), version: sql`${customers.version} + 1` }).where(inArray(customers.id, changed.map((r) => r.id)));
      for (const r of changed) await recordAudit(tx, ctx, { entity: 'customer', entityId: r.id, action: 'update', before: { ownerId: r.ownerId }, after: { ownerId } });
    }
    return { updated: changed.length, notFound: ids.length - rows.length };
  });
}

export { customerContacts, customerAddresses };
