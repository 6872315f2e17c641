import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PriceItemsBody, PriceListCreate, PriceListPatch } from '../../../common/contracts/price-lists.contract.js';
import { searchNormalize, toPersianDigits } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { roles } from '../access/index.js';
import { lookupValues } from '../settings/lookups.table.js';
import { priceListItems, priceLists } from './price-lists.table.js';
import { productUnits, productVariants, products } from './products.table.js';
import { rangesOverlap } from './domain/price-rank.js';

const listCols = {
  id: priceLists.id, name: priceLists.name, channelId: priceLists.channelId, channelName: lookupValues.name, roleId: priceLists.roleId, roleName: roles.name,
  validFrom: priceLists.validFrom, validTo: priceLists.validTo, priority: priceLists.priority, active: priceLists.active, version: priceLists.version,
  createdAt: priceLists.createdAt, updatedAt: priceLists.updatedAt,
  itemCount: sql<number>`(select count(*)::int from ${priceListItems} i where i.price_list_id = ${priceLists.id})`,
};

export async function listPriceLists(ctx: Ctx, q: { q?: string | undefined; channelId?: string | undefined; active?: string | undefined }, id?: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await tx.select(listCols).from(priceLists)
      .leftJoin(lookupValues, eq(lookupValues.id, priceLists.channelId))
      .leftJoin(roles, eq(roles.id, priceLists.roleId))
      .where(and(
        eq(priceLists.tenantId, ctx.tenantId), id ? eq(priceLists.id, id) : undefined,
        q.channelId ? eq(priceLists.channelId, q.channelId) : undefined, q.active ? eq(priceLists.active, q.active === 'true') : undefined,
      ))
      .orderBy(asc(priceLists.name));
    const term = q.q ? searchNormalize(q.q) : '';
    return rows.filter((r) => !term || searchNormalize(r.name).includes(term)).map((r) => ({ ...r, itemCount: Number(r.itemCount) }));
  });
}

export async function getPriceList(ctx: Ctx, id: string) {
  const [row] = await listPriceLists(ctx, {}, id);
  if (!row) throw notFound('لیست قیمت');
  return row;
}

type ListValues = Omit<typeof priceLists.$inferInsert, 'tenantId'>;

async function assertRefs(tx: Tx, tenantId: string, v: Partial<ListValues>) {
  if (v.channelId) {
    const [c] = await tx.select({ id: lookupValues.id }).from(lookupValues).where(and(eq(lookupValues.tenantId, tenantId), eq(lookupValues.id, v.channelId), eq(lookupValues.list, 'salesChannel')));
    if (!c) throw fieldError('channelId', 'کانال فروش انتخاب‌شده پیدا نشد');
  }
  if (v.roleId) {
    const [r] = await tx.select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.id, v.roleId)));
    if (!r) throw fieldError('roleId', 'نقش انتخاب‌شده پیدا نشد');
  }
}

/** Two active lists for the same channel and role may not be valid on the same day: the price would be ambiguous. */
async function assertNoOverlap(tx: Tx, tenantId: string, v: ListValues, selfId: string | null) {
  if (!v.active) return;
  const same = await tx.select().from(priceLists).where(and(
    eq(priceLists.tenantId, tenantId), eq(priceLists.active, true), selfId ? ne(priceLists.id, selfId) : undefined,
    v.channelId ? eq(priceLists.channelId, v.channelId) : sql`${priceLists.channelId} is null`,
    v.roleId ? eq(priceLists.roleId, v.roleId) : sql`${priceLists.roleId} is null`,
  ));
  const other = same.find((o) => rangesOverlap({ from: v.validFrom ?? null, to: v.validTo ?? null }, { from: o.validFrom, to: o.validTo }));
  if (other) {
    throw fieldError('validFrom', `بازه اعتبار با لیست فعال «${other.name}» که همین کانال و نقش را دارد هم‌پوشانی دارد؛ تاریخ‌ها را جدا کنید یا یکی را غیرفعال کنید`, 'duplicate');
  }
}

const clean = (input: PriceListPatch) => {
  const { version: _v, ...rest } = input;
  return Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined)) as Partial<ListValues>;
};

export async function createPriceList(ctx: Ctx, input: PriceListCreate) {
  const id = await inTenant(ctx.db, ctx, async (tx) => {
    const v = { priority: 0, active: true, channelId: null, roleId: null, validFrom: null, validTo: null, ...clean(input) } as ListValues;
    await assertRefs(tx, ctx.tenantId, v);
    await assertNoOverlap(tx, ctx.tenantId, v, null);
    const [row] = await tx.insert(priceLists).values({ ...v, tenantId: ctx.tenantId, createdAt: ctx.now(), updatedAt: ctx.now() }).returning();
    await recordAudit(tx, ctx, { entity: 'priceList', entityId: row!.id, action: 'create', after: row! });
    return row!.id;
  });
  return getPriceList(ctx, id);
}

async function loadList(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx.select().from(priceLists).where(and(eq(priceLists.tenantId, tenantId), eq(priceLists.id, id)));
  if (!row) throw notFound('لیست قیمت');
  return row;
}

export async function updatePriceList(ctx: Ctx, id: string, patch: PriceListPatch) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadList(tx, ctx.tenantId, id);
    if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
    const changes = clean(patch);
    const merged = { ...before, ...changes };
    if (merged.validFrom && merged.validTo && merged.validTo < merged.validFrom) throw fieldError('validTo', 'تاریخ پایان اعتبار نباید پیش از تاریخ شروع باشد');
    await assertRefs(tx, ctx.tenantId, changes);
    await assertNoOverlap(tx, ctx.tenantId, merged, id);
    const [after] = await tx.update(priceLists).set({ ...changes, version: before.version + 1, updatedAt: ctx.now() }).where(eq(priceLists.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'priceList', entityId: id, action: 'update', before, after: after! });
  });
  return getPriceList(ctx, id);
}

export async function deletePriceList(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadList(tx, ctx.tenantId, id);
    const items = await tx.select().from(priceListItems).where(eq(priceListItems.priceListId, id));
    await tx.delete(priceLists).where(eq(priceLists.id, id));
    await recordAudit(tx, ctx, { entity: 'priceList', entityId: id, action: 'delete', before: { ...before, items: items.map((i) => ({ productId: i.productId, variantId: i.variantId, price: i.price.toString() })) } });
  });
}

/** Where a page of prices ends: the next page starts after this (product code, variant code, id). */
export type PriceItemKey = { productCode: string; variantCode: string | null; id: string };

/** The list's prices by product code, the whole-product price before the variants' ones; keyset after `page.after`. */
async function selectPriceItems(tx: Tx, tenantId: string, priceListId: string, page?: { after?: PriceItemKey | undefined; limit: number }) {
  const variantCode = sql<string>`coalesce(${productVariants.code}, '')`;
  const after = page?.after;
  const query = tx
    .select({ i: priceListItems, productCode: products.code, productName: products.name, variantCode: productVariants.code, variantAttributes: productVariants.attributes, unitName: productUnits.name })
    .from(priceListItems)
    .innerJoin(products, eq(products.id, priceListItems.productId))
    .innerJoin(productUnits, eq(productUnits.id, products.unitId))
    .leftJoin(productVariants, eq(productVariants.id, priceListItems.variantId))
    .where(and(
      eq(priceListItems.tenantId, tenantId), eq(priceListItems.priceListId, priceListId),
      after ? sql`(${products.code}, ${variantCode}, ${priceListItems.id}) > (${after.productCode}, ${after.variantCode ?? ''}, ${after.id})` : undefined,
    ))
    .orderBy(asc(products.code), asc(variantCode), asc(priceListItems.id))
    .$dynamic();
  const rows = await (page ? query.limit(page.limit) : query);
  return rows.map((r) => ({
    id: r.i.id, productId: r.i.productId, productCode: r.productCode, productName: r.productName, variantId: r.i.variantId,
    variantCode: r.variantCode, variantAttributes: r.variantAttributes, unitName: r.unitName, price: r.i.price.toString(),
  }));
}

export async function listPriceItems(ctx: Ctx, priceListId: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    await loadList(tx, ctx.tenantId, priceListId);
    return selectPriceItems(tx, ctx.tenantId, priceListId);
  });
}

/** One page of a list's prices for an export (the list was checked when the export began). */
export const priceItemsPage = (ctx: Ctx, priceListId: string, after: PriceItemKey | undefined, limit: number) =>
  inTenant(ctx.db, ctx, (tx) => selectPriceItems(tx, ctx.tenantId, priceListId, { after, limit }));

const itemKey = (productId: string, variantId: string | null | undefined) => `${productId}:${variantId ?? ''}`;

/** Adds or changes many prices at once (and removes some, or all others with `replace`), all or nothing. */
export async function upsertPriceItems(ctx: Ctx, priceListId: string, body: PriceItemsBody) {
  await inTenant(ctx.db, ctx, async (tx) => {
    await loadList(tx, ctx.tenantId, priceListId);
    const productIds = [...new Set(body.items.map((i) => i.productId))];
    const found = productIds.length
      ? await tx.select({ id: products.id, deletedAt: products.deletedAt }).from(products).where(and(eq(products.tenantId, ctx.tenantId), inArray(products.id, productIds)))
      : [];
    const variantIds = [...new Set(body.items.map((i) => i.variantId).filter((v): v is string => Boolean(v)))];
    const variants = variantIds.length
      ? await tx.select({ id: productVariants.id, productId: productVariants.productId }).from(productVariants).where(and(eq(productVariants.tenantId, ctx.tenantId), inArray(productVariants.id, variantIds)))
      : [];
    const seen = new Set<string>();
    for (const [n, item] of body.items.entries()) {
      const p = found.find((f) => f.id === item.productId);
      if (!p || p.deletedAt) throw fieldError(`items.${n}.productId`, `کالای ردیف ${toPersianDigits(n + 1)} پیدا نشد یا حذف شده است`);
      if (item.variantId && variants.find((v) => v.id === item.variantId)?.productId !== item.productId) {
        throw fieldError(`items.${n}.variantId`, `تنوع ردیف ${toPersianDigits(n + 1)} از همان کالا نیست`);
      }
      const key = itemKey(item.productId, item.variantId);
      if (seen.has(key)) throw fieldError(`items.${n}.productId`, `کالای ردیف ${toPersianDigits(n + 1)} در این درخواست تکرار شده است`);
      seen.add(key);
    }
    const existing = await tx.select().from(priceListItems).where(and(eq(priceListItems.tenantId, ctx.tenantId), eq(priceListItems.priceListId, priceListId)));
    const byKey = new Map(existing.map((e) => [itemKey(e.productId, e.variantId), e]));
    for (const item of body.items) {
      const price = BigInt(item.price);
      const before = byKey.get(itemKey(item.productId, item.variantId));
      if (before) {
        if (before.price === price) continue;
        const [after] = await tx.update(priceListItems).set({ price }).where(eq(priceListItems.id, before.id)).returning();
        await recordAudit(tx, ctx, { entity: 'priceListItem', entityId: before.id, action: 'update', before, after: after! });
      } else {
        const [row] = await tx.insert(priceListItems).values({ tenantId: ctx.tenantId, priceListId, productId: item.productId, variantId: item.variantId ?? null, price, createdAt: ctx.now() }).returning();
        await recordAudit(tx, ctx, { entity: 'priceListItem', entityId: row!.id, action: 'create', after: row! });
      }
    }
    const remove = existing.filter((e) => (body.replace && !seen.has(itemKey(e.productId, e.variantId))) || body.removeIds?.includes(e.id));
    for (const e of remove) {
      await tx.delete(priceListItems).where(eq(priceListItems.id, e.id));
      await recordAudit(tx, ctx, { entity: 'priceListItem', entityId: e.id, action: 'delete', before: e });
    }
    await tx.update(priceLists).set({ updatedAt: ctx.now() }).where(eq(priceLists.id, priceListId));
  });
  return listPriceItems(ctx, priceListId);
}
